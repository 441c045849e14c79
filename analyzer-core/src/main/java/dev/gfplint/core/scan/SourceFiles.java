package dev.gfplint.core.scan;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Lists the files a scan reads, for trees anyone may have written. Only regular files are listed: a FIFO, a
 * socket or a device, reached directly or through a link, is reported and never opened (a FIFO would block
 * the read, {@code /dev/zero} would never end). A symbolic link is followed only when its real target lies
 * inside one of the roots given on the command line (or with {@code followLinks}); a link to a directory
 * that contains it is a loop and is reported. Each file and directory is listed once, however many links
 * lead to it (under its own path when it is also reached directly), so links cannot multiply the work. Files named on the command line are read as
 * given, wherever they lead. The walk is iterative and visits entries in name order.
 */
final class SourceFiles {
    /** A file to read: its path as walked, the path shown to the user, its size as the file system says. */
    /**
     * A file to scan: {@code stamp} says which version of it this is without reading it (size, modification time,
     * file key: device and inode), null when unknown; {@code mtimeNanos} its modification time.
     */
    record Input(Path file, String display, long size, String stamp, long mtimeNanos) {
        Input(Path file, String display, BasicFileAttributes a) {
            this(file, display, a.size(), a.size() + ":" + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)
                    + ":" + a.fileKey(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
        }
    }

    final List<Input> inputs = new ArrayList<>();
    /** Some PATH argument did not exist. */
    boolean missing;

    private final List<Diagnostic> diags;
    private final boolean followLinks;
    private final List<Path> rootDirs = new ArrayList<>();
    private final Set<Path> rootFiles = new HashSet<>();
    private final Set<Object> seen = new HashSet<>(); // file keys of the files and directories listed so far

    private SourceFiles(List<Diagnostic> diags, boolean followLinks) {
        this.diags = diags;
        this.followLinks = followLinks;
    }

    static SourceFiles list(List<Path> paths, boolean followLinks, List<Diagnostic> diags) {
        SourceFiles s = new SourceFiles(diags, followLinks);
        for (Path p : paths) {
            try {
                Path real = p.toRealPath();
                if (Files.isDirectory(real)) s.rootDirs.add(real);
                else s.rootFiles.add(real);
            } catch (IOException e) {
                // reported below, when the path itself is looked at
            }
        }
        try {
            for (Path p : paths) s.root(p);
        } finally {
            if (s.pool != null) s.pool.shutdownNow();
        }
        return s;
    }

    private void root(Path p) {
        String absent = Scanner.absent(p);
        if (absent != null) {
            diags.add(new Diagnostic(Diagnostic.Severity.ERROR, p.toString(), absent));
            missing = true;
            return;
        }
        BasicFileAttributes a = attributes(p, true);
        if (a != null && a.isDirectory()) {
            if (!seen.add(key(p, a))) return; // named twice, or inside a root already walked
            int before = inputs.size();
            walk(p);
            if (inputs.size() == before) {
                diags.add(new Diagnostic(Diagnostic.Severity.WARNING, p.toString(), "no C sources (.c, .h) found"));
            }
            return;
        }
        if (a == null) { // a dangling link named on the command line: reading it says why
            inputs.add(new Input(p, p.toString(), 0, null, 0));
            return;
        }
        file(p, a, Files.isSymbolicLink(p) ? p : null);
    }

    /** A directory entry and its name (made once: sorting and testing names would make it again at every look). */
    private record Entry(String name, Path path) {}

    /** A link to follow once the directories themselves are walked. */
    private record Deferred(Path link, BasicFileAttributes target) {}

    /**
     * Walks {@code root}. Links are followed after the plain entries, so that a file reached both directly and
     * through a link is listed under its own path, whichever name sorts first.
     */
    private void walk(Path root) {
        List<Deferred> links = new ArrayList<>();
        walkPlain(root, links);
        for (int i = 0; i < links.size(); i++) { // walking a linked directory may defer more links
            Deferred d = links.get(i);
            if (!seen.add(key(d.link(), d.target()))) continue; // already listed under another name
            if (d.target().isDirectory()) walkPlain(d.link(), links);
            else inputs.add(new Input(d.link(), d.link().toString(), d.target()));
        }
    }

    /**
     * What walking one part of a tree met, in walk order: {@link #replay} turns it into inputs, warnings and
     * deferred links exactly as one walk in that order would have. {@code ENTER} and {@code EXIT} bound a directory's
     * contents, so that a directory already listed under another name (a bind mount) is left out with
     * everything in it, whichever part met it first.
     */
    private record Event(int kind, Path path, Object key, BasicFileAttributes attrs, Path link, String text) {
        static final int ENTER = 0, EXIT = 1, FILE = 2, WARN = 3, DEFER = 4;
    }

    /** Parts of the tree are walked on this many threads: a Linux tree's 60,000 files cost 0.5 s of syscalls on one. */
    private static final int WALKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /**
     * Walks the plain entries under {@code dir} (links to follow go to {@code links}). The entries of {@code dir} and
     * of its subdirectories are walked as separate parts on {@link #WALKERS} threads; what each met is then taken in
     * name order, so the listing does not depend on which part finished first.
     */
    private void walkPlain(Path dir, List<Deferred> links) {
        List<Object> parts = new ArrayList<>(); // events and futures of lists of events, in walk order
        if (pool == null && WALKERS > 1) {
            pool = java.util.concurrent.Executors.newFixedThreadPool(WALKERS, r -> {
                Thread t = new Thread(r, "gfplint-list");
                t.setDaemon(true);
                return t;
            });
        }
        List<Event> top = new ArrayList<>();
        List<Entry> entries = entries(dir, top);
        parts.addAll(top);
        for (Entry e : entries) {
            BasicFileAttributes own = attributes(e.path(), false, parts);
            if (own != null && !own.isSymbolicLink() && own.isDirectory() && !e.name().startsWith(".")) {
                // one level down: each entry of the subdirectory is a part of its own
                parts.add(new Event(Event.ENTER, e.path(), key(e.path(), own), null, null, null));
                List<Event> opened = new ArrayList<>();
                List<Entry> inner = entries(e.path(), opened);
                parts.addAll(opened);
                for (Entry i : inner) parts.add(submit(i, null));
                parts.add(new Event(Event.EXIT, e.path(), null, null, null, null));
            } else if (own != null) {
                parts.add(submit(e, own));
            }
        }
        for (Object part : parts) {
            if (part instanceof Event ev) replay(ev, links);
            else for (Event ev : join(part)) replay(ev, links);
        }
        skipping = 0;
    }

    /** The walkers' threads, made by the first walk that needs them and stopped when the listing ends. */
    private java.util.concurrent.ExecutorService pool;

    /** The part of the walk at entry {@code e}, walked by the pool (here and now on one core). */
    private java.util.concurrent.Future<List<Event>> submit(Entry e, BasicFileAttributes own) {
        if (pool == null) return java.util.concurrent.CompletableFuture.completedFuture(collect(e, own));
        return pool.submit(() -> collect(e, own));
    }

    @SuppressWarnings("unchecked")
    private static List<Event> join(Object part) {
        try {
            return ((java.util.concurrent.Future<List<Event>>) part).get();
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("listing interrupted", x);
        } catch (java.util.concurrent.ExecutionException x) {
            if (x.getCause() instanceof RuntimeException r) throw r;
            if (x.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(x.getCause());
        }
    }

    /** Depth of directories being left out by {@link #replay} (listed already under another name). */
    private int skipping;

    private void replay(Event ev, List<Deferred> links) {
        switch (ev.kind()) {
            case Event.ENTER -> {
                if (skipping > 0 || !seen.add(ev.key())) skipping++;
            }
            case Event.EXIT -> {
                if (skipping > 0) skipping--;
            }
            default -> {
                if (skipping > 0) return;
                if (ev.kind() == Event.FILE) file(ev.path(), ev.attrs(), ev.link());
                else if (ev.kind() == Event.WARN) warn(ev.path(), ev.text());
                else links.add(new Deferred(ev.path(), ev.attrs()));
            }
        }
    }

    /**
     * Walks the entry {@code first} (its attributes {@code own} when known) and, when it is a directory, everything
     * under it, depth first in name order, without recursion: what it met, for {@link #replay}. Runs on any thread:
     * it reads only what does not change during the walk.
     */
    private List<Event> collect(Entry first, BasicFileAttributes own) {
        List<Event> out = new ArrayList<>();
        Set<Object> dirs = new HashSet<>(); // this part's directories: a bind mount inside itself is walked once
        ArrayDeque<Iterator<Entry>> stack = new ArrayDeque<>();
        Entry e = first;
        BasicFileAttributes a = own != null ? own : attributes(first.path(), false, out);
        while (true) {
            if (a != null) visit(e, a, out, stack, dirs);
            while (!stack.isEmpty() && !stack.peek().hasNext()) {
                stack.pop();
                out.add(new Event(Event.EXIT, null, null, null, null, null));
            }
            if (stack.isEmpty()) return out;
            e = stack.peek().next();
            a = attributes(e.path(), false, out);
        }
    }

    /** One entry of {@link #collect}: a file, a link, or a directory whose entries go on {@code stack}. */
    private void visit(Entry e, BasicFileAttributes own, List<Event> out, ArrayDeque<Iterator<Entry>> stack, Set<Object> dirs) {
        Path c = e.path();
        boolean source = isSource(e.name());
        if (!own.isSymbolicLink()) {
            if (own.isDirectory()) {
                Object k = key(c, own);
                if (e.name().startsWith(".") || !dirs.add(k)) return;
                out.add(new Event(Event.ENTER, c, k, null, null, null));
                stack.push(entries(c, out).iterator());
            } else if (source) {
                out.add(new Event(Event.FILE, c, null, own, null, null));
            }
            return;
        }
        Path real;
        BasicFileAttributes target;
        try {
            real = c.toRealPath();
            target = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (IOException x) {
            if (source) out.add(warning(c, reason(x)));
            return;
        }
        if (target.isDirectory()) {
            if (e.name().startsWith(".")) return;
            if (leadsBack(c, real)) out.add(warning(c, "symbolic link loop, not followed"));
            else if (!followLinks && !inside(real)) out.add(warning(c, outside(real)));
            else out.add(new Event(Event.DEFER, c, null, target, null, null));
        } else if (source) {
            // a device or FIFO is never read, wherever it is; a regular file only inside the roots
            if (!target.isRegularFile()) out.add(new Event(Event.FILE, c, null, target, c, null));
            else if (!followLinks && !inside(real)) out.add(warning(c, outside(real)));
            else out.add(new Event(Event.DEFER, c, null, target, null, null));
        }
    }

    private static Event warning(Path p, String why) {
        return new Event(Event.WARN, p, null, null, null, why);
    }

    /** Whether the directory {@code real} that {@code link} points to contains the link itself. */
    private static boolean leadsBack(Path link, Path real) {
        try {
            Path parent = link.toAbsolutePath().getParent();
            return parent != null && parent.toRealPath().startsWith(real);
        } catch (IOException e) {
            return false;
        }
    }

    /** The entries of {@code dir} in name order; none, and a warning in {@code out}, when it cannot be read. */
    private static List<Entry> entries(Path dir, List<? super Event> out) {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path e : ds) entries.add(new Entry(e.getFileName().toString(), e));
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            IOException io = e instanceof IOException x ? x : ((java.nio.file.DirectoryIteratorException) e).getCause();
            out.add(warning(dir, reason(io)));
            return List.of();
        }
        entries.sort((a, b) -> a.name().compareTo(b.name()));
        return entries;
    }

    /** A file the walk reached (or the command line named); {@code link}: the link it was reached through. */
    private void file(Path p, BasicFileAttributes a, Path link) {
        if (!a.isRegularFile()) {
            String what = "not a regular file (" + kind(p) + "), skipped";
            warn(p, link == null ? what : "symbolic link to " + realOrSelf(p) + ", " + what);
            return;
        }
        if (seen.add(key(p, a))) inputs.add(new Input(p, p.toString(), a));
    }

    private boolean inside(Path real) {
        if (rootFiles.contains(real)) return true;
        for (Path r : rootDirs) if (real.startsWith(r)) return true;
        return false;
    }

    private static String outside(Path real) {
        return "symbolic link to " + real + ", outside the scanned roots: not followed (--follow-symlinks follows it)";
    }

    private BasicFileAttributes attributes(Path p, boolean follow) {
        List<Event> out = new ArrayList<>(0);
        BasicFileAttributes a = attributes(p, follow, out);
        for (Event ev : out) warn(ev.path(), ev.text());
        return a;
    }

    /** {@code p}'s attributes, or null: removed meanwhile, or unreadable (a warning in {@code out}). */
    private static BasicFileAttributes attributes(Path p, boolean follow, List<? super Event> out) {
        try {
            return follow ? Files.readAttributes(p, BasicFileAttributes.class)
                    : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null; // removed while walking, or a dangling link (reported where it matters)
        } catch (IOException e) {
            out.add(warning(p, reason(e)));
            return null;
        }
    }

    /** What the file system says identifies the file (device and inode), else its absolute path. */
    private static Object key(Path p, BasicFileAttributes a) {
        Object k = a.fileKey();
        return k != null ? k : p.toAbsolutePath().normalize();
    }

    /** FIFO, socket, character or block device, read from the Unix mode where the platform gives it. */
    private static String kind(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a FIFO";
                case 0140000 -> "a socket";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }

    private static String realOrSelf(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            return p.toString();
        }
    }

    private static boolean isSource(String name) {
        return name.endsWith(".c") || name.endsWith(".h");
    }

    private void warn(Path p, String reason) {
        diags.add(new Diagnostic(Diagnostic.Severity.WARNING, p.toString(), reason));
    }

    static String reason(IOException e) {
        if (e instanceof FileSystemLoopException) return "symbolic link loop, not followed";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file (a dangling symbolic link?)";
        if (e instanceof FileSystemException f && f.getReason() != null && f.getReason().contains("levels of symbolic links")) {
            return "symbolic link loop, not followed";
        }
        String m = e.getMessage();
        return "cannot read: " + (m == null ? e.getClass().getSimpleName() : m);
    }
}
