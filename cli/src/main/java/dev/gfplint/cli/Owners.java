package dev.gfplint.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Who looks after a scanned file: its subsystem, maintainers, reviewers and lists from the MAINTAINERS file of the
 * kernel tree that holds the scanned roots. Read once, when a report first asks (most scans report nothing, and a
 * pre-commit run should not pay for 800 KB it does not show). Outside a kernel tree, or without a MAINTAINERS
 * file, every answer is null and nothing is said.
 */
final class Owners {
    private final Path tree;
    private Maintainers maintainers;
    private boolean loaded;

    private Owners(Path tree) {
        this.tree = tree;
    }

    /** The owners of files under {@code roots}: those of the kernel tree at or above the first root, if any. */
    static Owners of(List<Path> roots) {
        Optional<Path> top = SourceRoot.kernelTree(SourceRoot.directoryOf(roots.get(0)));
        return new Owners(top.orElse(null));
    }

    /** No owners (tests, and writers called without a tree). */
    static final Owners NONE = new Owners(null);

    /** The tree's MAINTAINERS, or null. */
    synchronized Maintainers maintainers() {
        if (!loaded) {
            loaded = true;
            maintainers = tree == null ? null : Maintainers.load(tree);
        }
        return maintainers;
    }

    /** The subsystem and people of the scanned file {@code file}, or null (no MAINTAINERS, outside the tree, no section). */
    Maintainers.Assignment of(String file) {
        Maintainers m = maintainers();
        if (m == null) return null;
        Path abs = Path.of(file).toAbsolutePath().normalize();
        if (!abs.startsWith(tree) || abs.equals(tree)) return null;
        return m.assign(tree.relativize(abs).toString().replace('\\', '/'));
    }
}
