package dev.gfplint.core.scan;

import dev.gfplint.core.cache.BinIn;
import dev.gfplint.core.cache.FileCache;
import dev.gfplint.core.front.FrontEnd;
import dev.gfplint.core.ir.TranslationUnit;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the front end over files and directories, in parallel. Bad input never stops a scan: each problem
 * (missing path, unreadable or binary or oversized file, symlink loop, invalid UTF-8) becomes one
 * {@link Diagnostic} naming the file and the reason, and the scan goes on.
 */
public final class Scanner {
    /** Files larger than this are skipped by default (the kernel's largest, a generated register header, is 23 MiB). */
    public static final long DEFAULT_MAX_FILE_BYTES = 32L << 20;
    private static final int BINARY_SNIFF = 8000;
    private static final long THREAD_STACK = 64L << 20;
    /** Files larger than this are analysed one at a time (see {@link #scan}). */
    static final long LARGE_FILE_BYTES = 1L << 20;

    /**
     * {@code followLinks}: follow symbolic links whose targets lie outside the roots too (by default such a
     * link is reported and skipped). {@code incidents} receives the internal errors (and the limits reached)
     * of every file, and stays open for the later phases of the scan to add theirs.
     */
    public record Options(List<Path> paths, int jobs, long maxFileBytes, java.util.function.Predicate<Path> exclude,
                          Progress progress, boolean followLinks, Incidents incidents, FileCache cache) {
        public Options(List<Path> paths, int jobs, long maxFileBytes) {
            this(paths, jobs, maxFileBytes, p -> false, Progress.NONE, false, new Incidents(), null);
        }

        public Options(List<Path> paths, int jobs, long maxFileBytes, java.util.function.Predicate<Path> exclude,
                       Progress progress, boolean followLinks, Incidents incidents) {
            this(paths, jobs, maxFileBytes, exclude, progress, followLinks, incidents, null);
        }
    }

    /**
     * Receives each file's results, from worker threads (thread-safe). With a cache ({@link Options#cache}),
     * what {@link #parsed} returns is stored with the front end's own results under the file's bytes, and a
     * later scan of the same bytes hands it to {@link #cached} instead of parsing.
     */
    public interface Sink {
        /** A file parsed now; returns what to store for it in the cache (null: nothing). */
        byte[] parsed(TranslationUnit unit);

        /**
         * A file whose results come from the cache: {@code payload} is what {@link #parsed} returned for the same
         * bytes. It must decode all of it before using any ({@link dev.gfplint.core.cache.BinIn.Corrupt} then
         * makes the file be parsed instead).
         */
        void cached(String path, byte[] payload);

        /** What besides its path and bytes the result for {@code path} depends on, for the cache's key. */
        default String kind(String path) {
            return "file";
        }

        static Sink of(Consumer<TranslationUnit> c) {
            return new Sink() {
                @Override public byte[] parsed(TranslationUnit unit) {
                    c.accept(unit);
                    return null;
                }

                @Override public void cached(String path, byte[] payload) {
                    throw new IllegalStateException("no cache");
                }
            };
        }
    }

    /** Told how many files there are once they are listed, then once per file done (from worker threads). */
    public interface Progress {
        Progress NONE = new Progress() {
            @Override public void start(int files) {}
            @Override public void fileDone() {}
        };

        void start(int files);

        void fileDone();
    }

    /**
     * {@code diagnostics}: about the input (files skipped, functions given up; internal errors and limits are
     * in the options' {@link Incidents}); {@code missingPaths}: some PATH argument did not exist (a usage error for the CLI).
     */
    public record Result(ScanStats stats, List<Diagnostic> diagnostics, boolean missingPaths) {}

    /** Why PATH argument {@code p} is not there to scan, or null when it is (a dangling link is there: it is reported as one). */
    public static String absent(Path p) {
        return java.nio.file.Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? null : "no such file or directory";
    }

    private final FrontEnd frontEnd;
    private final SourceReader reader;

    public Scanner(FrontEnd frontEnd, SourceReader reader) {
        this.frontEnd = frontEnd;
        this.reader = reader;
    }

    /**
     * Scans; {@code sink} receives each file's IR as it is ready, from worker threads (it must be
     * thread-safe). Diagnostics come back sorted by path.
     */
    public Result scan(Options o, Consumer<TranslationUnit> sink) throws InterruptedException {
        return scan(o, Sink.of(sink));
    }

    /** Scans, handing each file's results to {@code sink} (from the cache when {@code o} has one and holds them). */
    public Result scan(Options o, Sink sink) throws InterruptedException {
        return scan(o, sink, list(o), path -> true, null);
    }

    /** The files under a scan's paths, less the excluded ones, as {@link #list} found them. */
    public static final class Listing {
        final List<SourceFiles.Input> inputs;
        final List<Diagnostic> diagnostics;
        final boolean missing;

        private Listing(List<SourceFiles.Input> inputs, List<Diagnostic> diagnostics, boolean missing) {
            this.inputs = inputs;
            this.diagnostics = diagnostics;
            this.missing = missing;
        }

        /** Their paths as the scan names them ({@link TranslationUnit#path()}), in the order listed. */
        public List<String> displays() {
            List<String> out = new ArrayList<>(inputs.size());
            for (SourceFiles.Input in : inputs) out.add(in.display());
            return out;
        }

        /** Per path, the hash of the file's bytes as {@code cache}'s index knows them from its stamp (the files it does not: absent). */
        public java.util.Map<String, byte[]> knownHashes(FileCache cache) {
            java.util.Map<String, byte[]> out = new java.util.concurrent.ConcurrentHashMap<>();
            inputs.parallelStream().forEach(in -> { // on every core: 60,000 look-ups for Linux
                byte[] h = cache.knownHash(in.display(), in.stamp(), in.mtimeNanos());
                if (h != null) out.put(in.display(), h);
            });
            return out;
        }
    }

    /** Lists the files a scan with {@code o} reads. */
    public Listing list(Options o) {
        List<Diagnostic> diags = new ArrayList<>();
        SourceFiles listed = SourceFiles.list(o.paths(), o.followLinks(), diags);
        List<SourceFiles.Input> inputs = new ArrayList<>(listed.inputs);
        inputs.removeIf(in -> o.exclude().test(in.file()));
        return new Listing(inputs, diags, listed.missing);
    }

    /**
     * Scans the files of {@code listing} that {@code first} accepts, then, when {@code then} is not null, the
     * others that what it gives once the first ones are in accepts: for a run that learns from some files which
     * others it needs. One result for both; the files neither accepts are not read.
     */
    public Result scan(Options o, Sink sink, Listing listing, java.util.function.Predicate<String> first,
                       java.util.function.Supplier<java.util.function.Predicate<String>> then) throws InterruptedException {
        long t0 = System.nanoTime();
        List<Diagnostic> diags = Collections.synchronizedList(new ArrayList<>(listing.diagnostics));
        ScanStats stats = new ScanStats();
        stats.jobs = Math.max(1, o.jobs());
        List<SourceFiles.Input> inputs = listing.inputs;
        List<SourceFiles.Input> now = new ArrayList<>(), later = new ArrayList<>();
        for (SourceFiles.Input in : inputs) (first.test(in.display()) ? now : later).add(in);
        o.progress().start(now.size());
        read(o, sink, now, stats, diags);
        if (then != null) {
            java.util.function.Predicate<String> more = then.get();
            later.removeIf(in -> !more.test(in.display()));
            o.progress().start(now.size() + later.size());
            read(o, sink, later, stats, diags);
            now.addAll(later);
        }
        stats.files = now.size();
        lastInputs = inputs;
        stats.wallSeconds = Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
        List<Diagnostic> sorted = new ArrayList<>(diags);
        Collections.sort(sorted);
        return new Result(stats, sorted, listing.missing);
    }

    private void read(Options o, Sink sink, List<SourceFiles.Input> inputs, ScanStats stats, List<Diagnostic> diags) throws InterruptedException {
        // biggest first, so that one large file does not finish alone at the end; the large files one at a time
        // in one task of their own (what one file holds while it is analysed grows with its size, and no two
        // of them should add up), while the other threads take the rest
        List<SourceFiles.Input> order = new ArrayList<>(inputs);
        order.sort(Comparator.comparingLong(SourceFiles.Input::size).reversed().thenComparing(SourceFiles.Input::display));
        List<SourceFiles.Input> large = new ArrayList<>();
        while (!order.isEmpty() && order.get(0).size() > LARGE_FILE_BYTES && stats.jobs > 1) large.add(order.remove(0));
        Consumer<SourceFiles.Input> one = in -> {
            try {
                analyze(in, o.maxFileBytes(), stats, diags, o.incidents(), sink, o.cache());
            } finally {
                o.progress().fileDone();
            }
        };
        runAll(stats.jobs, large, order, one);
    }

    /** The files of the last {@link #scan}, for {@link #revisit}. */
    private volatile List<SourceFiles.Input> lastInputs = List.of();

    /**
     * Reads the files of the last scan named in {@code displays} (as {@link TranslationUnit#path()} gives them)
     * again and hands their IR to {@code sink}: for a model that needs a second look at a few files once it has
     * seen them all. What the first reading reported (diagnostics, statistics, internal errors) is not reported
     * again.
     */
    public void revisit(Options o, java.util.Collection<String> displays, Consumer<TranslationUnit> sink) throws InterruptedException {
        revisit(o, displays, Sink.of(sink));
    }

    /** {@link #revisit(Options, java.util.Collection, Consumer)} through the cache, when {@code o} has one. */
    public void revisit(Options o, java.util.Collection<String> displays, Sink sink) throws InterruptedException {
        java.util.Set<String> want = new java.util.HashSet<>(displays);
        List<SourceFiles.Input> order = new ArrayList<>();
        for (SourceFiles.Input in : lastInputs) if (want.contains(in.display())) order.add(in);
        order.sort(Comparator.comparingLong(SourceFiles.Input::size).reversed().thenComparing(SourceFiles.Input::display));
        ScanStats scratch = new ScanStats();
        List<Diagnostic> ignored = Collections.synchronizedList(new ArrayList<>());
        Incidents again = new Incidents();
        runAll(Math.max(1, o.jobs()), List.of(), order, in -> analyze(in, o.maxFileBytes(), scratch, ignored, again, sink, o.cache()));
    }

    /** Runs {@code one} on every file: {@code large} one after another in one task, {@code order} in parallel. */
    private static void runAll(int jobs, List<SourceFiles.Input> large, List<SourceFiles.Input> order,
                               Consumer<SourceFiles.Input> one) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(jobs, threads());
        try {
            List<Future<?>> futures = new ArrayList<>(order.size() + 1);
            futures.add(pool.submit(() -> large.forEach(one)));
            for (SourceFiles.Input in : order) futures.add(pool.submit(() -> one.accept(in)));
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // analyze() reports its own failures; anything reaching here is a bug in the sink
                    throw new IllegalStateException("scan task failed", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs {@code work} on a thread with the scan threads' stack: the whole-tree phases (model, rules) get the
     * same room as the per-file ones, whatever stack the caller's thread has. Its result, or what it threw.
     */
    public static <T> T onScanStack(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Thread t = new Thread(null, task, "gfplint-model", THREAD_STACK);
        t.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception x) throw x;
            if (c instanceof Error x) throw x;
            throw e;
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, "gfplint-scan-" + n.incrementAndGet(), THREAD_STACK);
            t.setDaemon(true);
            return t;
        };
    }

    private void analyze(SourceFiles.Input in, long maxBytes, ScanStats stats, List<Diagnostic> diags,
                         Incidents incidents, Sink sink, FileCache cache) {
        try {
            if (in.size() > maxBytes) {
                diags.add(new Diagnostic(Diagnostic.Severity.WARNING, in.display(), String.format(Locale.ROOT,
                        "file too large (%.1f MiB; the limit is %.1f MiB, see --max-file-size), skipped",
                        in.size() / 1048576.0, maxBytes / 1048576.0)));
                stats.failed();
                return;
            }
            String kind = cache == null ? null : sink.kind(in.display());
            if (cache != null) { // a file whose stamp the index knows: its entry, without reading it
                byte[] h = cache.knownHash(in.display(), in.stamp(), in.mtimeNanos());
                if (h != null && fromCache(cache.get(cache.keyOfHash(kind, in.display(), h)), in.display(),
                        in.size(), stats, diags, sink)) return;
            }
            byte[] bytes;
            try {
                bytes = reader.read(in.file(), maxBytes);
            } catch (IOException e) {
                diags.add(new Diagnostic(Diagnostic.Severity.WARNING, in.display(), SourceFiles.reason(e)));
                stats.failed();
                return;
            }
            if (bytes.length > maxBytes) { // larger than its size said (a file that grew, a /proc-like file)
                diags.add(new Diagnostic(Diagnostic.Severity.WARNING, in.display(), String.format(Locale.ROOT,
                        "file too large (more than the limit of %.1f MiB, see --max-file-size), skipped",
                        maxBytes / 1048576.0)));
                stats.failed();
                return;
            }
            int nul = indexOfNul(bytes);
            if (nul >= 0) {
                diags.add(new Diagnostic(Diagnostic.Severity.WARNING, in.display(),
                        "binary file (NUL byte at offset " + nul + "), skipped"));
                stats.failed();
                return;
            }
            byte[] key = null;
            if (cache != null) {
                byte[] h = FileCache.contentHash(bytes);
                if (bytes.length == in.size()) cache.sawHash(in.display(), in.stamp(), h); // unchanged since it was listed
                else cache.sawContent(in.display(), h);
                key = cache.keyOfHash(kind, in.display(), h);
                if (fromCache(cache.get(key), in.display(), bytes.length, stats, diags, sink)) return;
            }
            String[] latin1 = {null};
            char[] text = decode(bytes, in.display(), diags, stats, latin1);
            FrontEnd.Result r = frontEnd.analyze(in.display(), text);
            if (r.refused() != null) {
                diags.add(new Diagnostic(Diagnostic.Severity.WARNING, in.display(), r.refused()));
                stats.failed();
                return;
            }
            stats.add(r.stats(), bytes.length);
            for (FrontEnd.Note note : r.notes()) {
                diags.add(new Diagnostic(Diagnostic.Severity.NOTE, in.display(), note.line(), note.message()));
            }
            byte[] payload = sink.parsed(r.unit());
            if (key != null && payload != null) cache.put(key, CachedFile.write(r.stats(), r.notes(), latin1[0], payload));
        } catch (Throwable e) {
            // A bug in gfplint (OutOfMemoryError and StackOverflowError included, though the front end and the
            // model bound their work so that neither should happen): it costs this file only.
            stats.failed();
            incidents.internalError(in.display(), 0, "", e);
        }
    }

    /**
     * Hands a cache entry's results on as if the file had been parsed (its counters, its notes, its not-UTF-8
     * warning, then the sink's part); false when there is none or it does not decode (the file is parsed then).
     */
    private static boolean fromCache(byte[] entry, String display, long size, ScanStats stats, List<Diagnostic> diags, Sink sink) {
        if (entry == null) return false;
        CachedFile c;
        try {
            c = CachedFile.read(entry);
            sink.cached(display, c.payload());
        } catch (BinIn.Corrupt e) {
            return false;
        }
        if (c.latin1() != null) {
            diags.add(new Diagnostic(Diagnostic.Severity.WARNING, display, c.latin1()));
            stats.notUtf8();
        }
        stats.add(c.stats(), size);
        for (FrontEnd.Note note : c.notes()) diags.add(new Diagnostic(Diagnostic.Severity.NOTE, display, note.line(), note.message()));
        return true;
    }

    private static String notUtf8(int offset) {
        return "not valid UTF-8 (first bad byte at offset " + offset + "); read as ISO-8859-1";
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0, n = Math.min(b.length, BINARY_SNIFF); i < n; i++) if (b[i] == 0) return i;
        return -1;
    }

    /** UTF-8; a file that is not valid UTF-8 is reported once and read as ISO-8859-1 (every byte a char). */
    private static char[] decode(byte[] bytes, String display, List<Diagnostic> diags, ScanStats stats, String[] latin1) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult cr = dec.decode(in, out, true);
        if (!cr.isError()) cr = dec.flush(out);
        if (cr.isError()) {
            String m = notUtf8(in.position());
            diags.add(new Diagnostic(Diagnostic.Severity.WARNING, display, m));
            stats.notUtf8();
            latin1[0] = m;
            return new String(bytes, StandardCharsets.ISO_8859_1).toCharArray();
        }
        out.flip();
        char[] a = out.array();
        return out.limit() == a.length ? a : java.util.Arrays.copyOf(a, out.limit());
    }
}
