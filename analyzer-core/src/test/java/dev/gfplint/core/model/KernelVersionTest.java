package dev.gfplint.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelVersionTest {
    @Test
    void parsesAndOrders() {
        assertEquals(KernelVersion.of(6, 12), KernelVersion.parse("6.12"));
        assertEquals(KernelVersion.of(5, 15), KernelVersion.parse("5.15.170"));
        assertTrue(KernelVersion.parse("5.17").atLeast(KernelVersion.parse("5.9")), "numeric, not textual, order");
        assertThrows(IllegalArgumentException.class, () -> KernelVersion.parse("six"));
    }

    @Test
    void readsTheTreeMakefile(@TempDir Path d) throws Exception {
        Files.writeString(d.resolve("Makefile"), "# SPDX-License-Identifier: GPL-2.0\nVERSION = 5\nPATCHLEVEL = 15\n"
                + "SUBLEVEL = 0\nEXTRAVERSION =\nNAME = Trick or Treat\n");
        assertEquals(KernelVersion.of(5, 15), KernelVersion.fromTree(d).orElseThrow());
    }

    @Test
    void aMakefileThatIsNotTheKernelsSaysNothing(@TempDir Path d) throws Exception {
        Files.writeString(d.resolve("Makefile"), "all:\n\tcc -o x x.c\n");
        assertTrue(KernelVersion.fromTree(d).isEmpty());
        assertTrue(KernelVersion.fromTree(d.resolve("missing")).isEmpty());
    }
}
