package dev.gfplint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A small kernel tree of our own for the report tests: a Makefile that names 6.12, a MAINTAINERS file with made-up
 * subsystems (one directory, a more specific subdirectory, a driver matched by a glob, and a catch-all), and the rule
 * fixtures of testdata/ copied into those directories.
 */
final class KernelTreeFixture {
    private KernelTreeFixture() {}

    static final String MAINTAINERS = """
            List of maintainers (made up for gfplint's tests)
            -------------------------------------------------

            ALPHA FILESYSTEM
            M:\tAnn Alpha <ann@example.org>
            R:\tRoy Review <roy@example.org>
            L:\talpha-fs@lists.example.org
            S:\tMaintained
            F:\tfs/alpha/

            ALPHA FILESYSTEM JOURNAL
            M:\tJo Journal <jo@example.org>
            L:\talpha-journal@lists.example.org
            S:\tSupported
            F:\tfs/alpha/journal/

            BETA DRIVERS
            M:\tBen Beta <ben@example.org>
            L:\tbeta-drivers@lists.example.org (moderated for non-subscribers)
            S:\tOdd Fixes
            F:\tdrivers/beta/*.c
            X:\tdrivers/beta/ok_*.c

            THE REST
            M:\tTess Rest <tess@example.org>
            L:\tlinux-kernel@lists.example.org
            S:\tBuried alive in reports
            F:\t*
            F:\t*/
            """;

    /** Which fixture folder goes where in the tree. */
    private static final Map<String, String> PLACES = Map.of(
            "contradictory-gfp-flags", "fs/alpha",
            "vmalloc-nofs", "fs/alpha",
            "gfp-kernel-in-nofs-region", "fs/alpha/journal",
            "sleeping-alloc-in-atomic", "drivers/beta",
            "unpaired-memalloc-scope", "kernel");

    static Path make(Path tree) throws IOException {
        Files.createDirectories(tree);
        Files.writeString(tree.resolve("Makefile"), "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 0\nEXTRAVERSION =\n");
        Files.writeString(tree.resolve("MAINTAINERS"), MAINTAINERS);
        Path testdata = Path.of("..", "testdata").toAbsolutePath().normalize();
        for (Map.Entry<String, String> e : PLACES.entrySet()) {
            Path to = Files.createDirectories(tree.resolve(e.getValue()));
            List<Path> cs;
            try (Stream<Path> s = Files.list(testdata.resolve(e.getKey()))) {
                cs = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
            }
            // two rules share a directory, and fixture folders reuse names: the rule's id keeps them apart
            for (Path c : cs) Files.copy(c, to.resolve(e.getKey() + "-" + c.getFileName()));
        }
        return tree;
    }
}
