package dev.gfplint.core.scan;

import dev.gfplint.core.front.FrontEnd;
import dev.gfplint.core.ir.TranslationUnit;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
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

    public record Options(List<Path> paths, int jobs, long maxFileBytes, java.util.function.Predicate<Path> exclude,
                          Progress progress) {
        public Options(List<Path> paths, int jobs, long maxFileBytes) {
            this(paths, jobs, maxFileBytes, p -> false, Progress.NONE);
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

    /** {@code missingPaths}: some PATH argument did not exist (a usage error for the CLI). */
    public record Result(ScanStats stats, List<Diagnostic> diagnostics, boolean missingPaths) {}

    private final FrontEnd frontEnd;
    private final SourceReader reader;

    public Scanner(FrontEnd frontEnd, SourceReader reader) {
        this.frontEnd = frontEnd;
        this.reader = reader;
    }

    private record Input(Path file, String display, long size) {}

    /**
     * Scans; {@code sink} receives each file's IR as it is ready, from worker threads (it must be
     * thread-safe). Diagnostics come back sorted by path.
     */
    public Result scan(Options o, Consumer<TranslationUnit> sink) throws InterruptedException {
        long t0 = System.nanoTime();
        List<Diagnostic> diags = Collections.synchronizedList(new ArrayList<>());
        ScanStats stats = new ScanStats();
        stats.jobs = Math.max(1, o.jobs());
        boolean missing = false;
        List<Input> inputs = new ArrayList<>();
        for (Path p : o.paths()) {
            if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                diags.add(new Diagnostic(Diagnostic.Severity.ERROR, p.toString(), "no such file or directory"));
                missing = true;
            } else if (Files.isDirectory(p)) {
                int before = inputs.size();
                walk(p, inputs, diags);
                if (inputs.size() == before) {
                    diags.add(new Diagnostic(Diagnostic.Severity.WARNING, p.toString(), "no C sources (.c, .h) found"));
                }
            } else {
                inputs.add(new Input(p, p.toString(), sizeOf(p)));
            }
        }
        inputs.removeIf(in -> o.exclude().test(in.file()));
        stats.files = inputs.size();
        o.progress().start(inputs.size());
        // biggest first, so that one large file does not finish alone at the end
        List<Input> order = new ArrayList<>(inputs);
        order.sort(Comparator.comparingLong(Input::size).reversed().thenComparing(Input::display));
        ExecutorService pool = Executors.newFixedThreadPool(stats.jobs, threads());
        try {
            List<Future<?>> futures = new ArrayList<>(order.size());
            for (Input in : order) {
                futures.add(pool.submit(() -> {
                    try {
                        analyze(in, o.maxFileBytes(), stats, diags, sink);
                    } finally {
                        o.progress().fileDone();
                    }
                }));
            }
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
        stats.wallSeconds = Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
        List<Diagnostic> sorted = new ArrayList<>(diags);
        Collections.sort(sorted);
        return new Result(stats, sorted, missing);
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, "gfplint-scan-" + n.incrementAndGet(), THREAD_STACK);
            t.setDaemon(true);
            return t;
        };
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void walk(Path dir, List<Input> out, List<Diagnostic> diags) {
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    Path name = d.getFileName();
                    if (!d.equals(dir) && name != null && name.toString().startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String n = f.getFileName().toString();
                    if ((n.endsWith(".c") || n.endsWith(".h")) && !attrs.isDirectory()) {
                        out.add(new Input(f, f.toString(), attrs.size()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    diags.add(new Diagnostic(Diagnostic.Severity.WARNING, f.toString(), reason(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            diags.add(new Diagnostic(Diagnostic.Severity.ERROR, dir.toString(), reason(e)));
        }
    }

    static String reason(IOException e) {
        if (e instanceof FileSystemLoopException) return "symbolic link loop, not followed";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file (a dangling symbolic link?)";
        String m = e.getMessage();
        return "cannot read: " + (m == null ? e.getClass().getSimpleName() : m);
    }

    private void analyze(Input in, long maxBytes, ScanStats stats, List<Diagnostic> diags,
                         Consumer<TranslationUnit> sink) {
        try {
            if (in.size() > maxBytes) {
                diags.add(new Diagnostic(Diagnostic.Severity.WARNING, in.display(), String.format(Locale.ROOT,
                        "file too large (%.1f MiB; the limit is %.1f MiB, see --max-file-size), skipped",
                        in.size() / 1048576.0, maxBytes / 1048576.0)));
                stats.failed();
                return;
            }
            byte[] bytes;
            try {
                bytes = reader.read(in.file());
            } catch (IOException e) {
                diags.add(new Diagnostic(Diagnostic.Severity.WARNING, in.display(), reason(e)));
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
            char[] text = decode(bytes, in.display(), diags, stats);
            FrontEnd.Result r = frontEnd.analyze(in.display(), text);
            stats.add(r.stats(), bytes.length);
            for (FrontEnd.Note note : r.notes()) {
                diags.add(new Diagnostic(Diagnostic.Severity.NOTE, in.display(), note.line(), note.message()));
            }
            sink.accept(r.unit());
        } catch (RuntimeException | StackOverflowError e) {
            stats.failed();
            synchronized (stats) {
                stats.internalErrors++;
            }
            diags.add(new Diagnostic(Diagnostic.Severity.ERROR, in.display(), "internal error: " + e));
        }
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0, n = Math.min(b.length, BINARY_SNIFF); i < n; i++) if (b[i] == 0) return i;
        return -1;
    }

    /** UTF-8; a file that is not valid UTF-8 is reported once and read as ISO-8859-1 (every byte a char). */
    private static char[] decode(byte[] bytes, String display, List<Diagnostic> diags, ScanStats stats) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult cr = dec.decode(in, out, true);
        if (!cr.isError()) cr = dec.flush(out);
        if (cr.isError()) {
            diags.add(new Diagnostic(Diagnostic.Severity.WARNING, display,
                    "not valid UTF-8 (first bad byte at offset " + in.position() + "); read as ISO-8859-1"));
            stats.notUtf8();
            return new String(bytes, StandardCharsets.ISO_8859_1).toCharArray();
        }
        out.flip();
        char[] a = out.array();
        return out.limit() == a.length ? a : java.util.Arrays.copyOf(a, out.limit());
    }
}
