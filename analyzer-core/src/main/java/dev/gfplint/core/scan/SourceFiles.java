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
        for (Path p : paths) s.root(p);
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

    /** One directory frame of the walk: its entries in name order. */
    private record Frame(Iterator<Path> entries) {}

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

    private void walkPlain(Path dir, List<Deferred> links) {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        open(dir, stack);
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (!top.entries().hasNext()) {
                stack.pop();
                continue;
            }
            Path c = top.entries().next();
            BasicFileAttributes own = attributes(c, false);
            if (own == null) continue; // vanished or unreadable: reported by attributes()
            if (!own.isSymbolicLink()) {
                if (own.isDirectory()) {
                    if (!hidden(c) && seen.add(key(c, own))) open(c, stack);
                } else if (isSource(c)) {
                    file(c, own, null);
                }
                continue;
            }
            Path real;
            BasicFileAttributes target;
            try {
                real = c.toRealPath();
                target = Files.readAttributes(real, BasicFileAttributes.class);
            } catch (IOException e) {
                if (isSource(c)) warn(c, reason(e));
                continue;
            }
            if (target.isDirectory()) {
                if (hidden(c)) continue;
                if (leadsBack(c, real)) warn(c, "symbolic link loop, not followed");
                else if (!followLinks && !inside(real)) warn(c, outside(real));
                else links.add(new Deferred(c, target));
            } else if (isSource(c)) {
                // a device or FIFO is never read, wherever it is; a regular file only inside the roots
                if (!target.isRegularFile()) file(c, target, c);
                else if (!followLinks && !inside(real)) warn(c, outside(real));
                else links.add(new Deferred(c, target));
            }
        }
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

    private void open(Path dir, ArrayDeque<Frame> stack) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path e : ds) entries.add(e);
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            IOException io = e instanceof IOException x ? x : ((java.nio.file.DirectoryIteratorException) e).getCause();
            warn(dir, reason(io));
            return;
        }
        entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        stack.push(new Frame(entries.iterator()));
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
        try {
            return follow ? Files.readAttributes(p, BasicFileAttributes.class)
                    : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null; // removed while walking, or a dangling link (reported where it matters)
        } catch (IOException e) {
            warn(p, reason(e));
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

    private static boolean hidden(Path p) {
        Path n = p.getFileName();
        return n != null && n.toString().startsWith(".");
    }

    static boolean isSource(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".c") || n.endsWith(".h");
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
