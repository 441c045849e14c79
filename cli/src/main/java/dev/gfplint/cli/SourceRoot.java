package dev.gfplint.cli;

import dev.gfplint.core.model.KernelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The directory report paths are relative to. Inside a git work tree it is the top of the tree holding the
 * first PATH, so that {@code gfplint scan fs/xfs} still writes {@code fs/xfs/xfs_log.c}: the path GitHub code
 * scanning, workflow annotations and a baseline shared by the whole repository expect. Outside git (a kernel
 * unpacked from a tarball) it is the top of the kernel tree holding the first PATH, the directory whose
 * Makefile sets VERSION and PATCHLEVEL, so paths read as kernel developers write them ({@code fs/xfs/...}).
 * Failing both it is the scanned directory (the first PATH, or the directory of a file PATH); files under
 * another PATH are relative to that PATH. A file under none of them keeps the path it was found by.
 */
final class SourceRoot {
    private final Path top;
    private final List<Path> bases;

    private SourceRoot(Path top, List<Path> bases) {
        this.top = top;
        this.bases = bases;
    }

    static SourceRoot of(List<Path> roots) {
        Path first = directoryOf(roots.get(0));
        // a git work tree: .git is a directory, or a file in a worktree
        Optional<Path> top = nearest(first, d -> Files.exists(d.resolve(".git"))).or(() -> kernelTree(first));
        if (top.isPresent()) return new SourceRoot(top.get(), List.of(top.get()));
        List<Path> dirs = roots.stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::isDirectory).toList();
        return new SourceRoot(first, dirs.isEmpty() ? List.of(first) : dirs);
    }

    /** {@code path} absolute and normalized if it is a directory, else the directory holding it. */
    static Path directoryOf(Path path) {
        Path p = path.toAbsolutePath().normalize();
        return Files.isDirectory(p) || p.getParent() == null ? p : p.getParent();
    }

    /** The nearest directory at or above {@code dir} whose Makefile gives a kernel version. */
    static Optional<Path> kernelTree(Path dir) {
        return nearest(dir, d -> KernelVersion.fromTree(d).isPresent());
    }

    private static Optional<Path> nearest(Path dir, Predicate<Path> test) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (test.test(d)) return Optional.of(d);
        }
        return Optional.empty();
    }

    /** The root as an absolute {@code file:} URI ending in '/', for SARIF's {@code %SRCROOT%}. */
    String uri() {
        String u = top.toUri().toString();
        return u.endsWith("/") ? u : u + "/";
    }

    /** A scanned file's report path, '/'-separated. */
    String relative(String file) {
        Path given = Path.of(file).normalize();
        Path abs = given.toAbsolutePath();
        for (Path base : bases) {
            if (abs.startsWith(base) && !abs.equals(base)) return slashes(base.relativize(abs).toString());
        }
        return slashes(given.toString());
    }

    private static String slashes(String p) {
        return p.replace('\\', '/');
    }
}
