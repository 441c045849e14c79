package dev.gfplint.cli;

import dev.gfplint.core.model.KernelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

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
        Path first = roots.get(0).toAbsolutePath().normalize();
        if (!Files.isDirectory(first) && first.getParent() != null) first = first.getParent();
        Path work = workTree(first);
        if (work != null) return new SourceRoot(work, List.of(work));
        for (Path d = first; d != null; d = d.getParent()) {
            if (KernelVersion.fromTree(d).isPresent()) return new SourceRoot(d, List.of(d));
        }
        List<Path> dirs = roots.stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::isDirectory).toList();
        return new SourceRoot(first, dirs.isEmpty() ? List.of(first) : dirs);
    }

    /** The nearest directory at or above {@code dir} holding {@code .git} (a directory, or a file in a worktree). */
    static Path workTree(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) return d;
        }
        return null;
    }

    Path dir() {
        return top;
    }

    /** The root as an absolute {@code file:} URI ending in '/', for SARIF's {@code %SRCROOT%}. */
    String uri() {
        String u = top.toUri().toString();
        return u.endsWith("/") ? u : u + "/";
    }

    /** Maps a scanned file's path to its report path, '/'-separated. */
    UnaryOperator<String> relative() {
        return file -> {
            Path given = Path.of(file).normalize();
            Path abs = given.toAbsolutePath();
            for (Path base : bases) {
                if (abs.startsWith(base) && !abs.equals(base)) return slashes(base.relativize(abs).toString());
            }
            return slashes(given.toString());
        };
    }

    private static String slashes(String p) {
        return p.replace('\\', '/');
    }
}
