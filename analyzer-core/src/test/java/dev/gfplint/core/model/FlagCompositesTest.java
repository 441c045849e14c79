package dev.gfplint.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every flag and composite of the built-in tables against values worked out separately from the real
 * headers of each version (gfp-composites.tsv, with the source of each row).
 */
class FlagCompositesTest {
    private record Row(String version, String name, long value, String source) {}

    private static List<Row> rows() throws IOException {
        try (InputStream in = FlagCompositesTest.class.getResourceAsStream("/dev/gfplint/core/model/gfp-composites.tsv")) {
            List<Row> out = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split("\t");
                if (f.length < 3) continue;
                out.add(new Row(f[0], f[1], Long.parseUnsignedLong(f[2].substring(2), 16), f.length > 3 ? f[3] : ""));
            }
            return out;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCompositeMatchesTheHeadersOfItsVersion() throws IOException {
        Map<String, FlagTable> tables = new TreeMap<>();
        return rows().stream().map(r -> DynamicTest.dynamicTest(r.version + " " + r.name, () -> {
            FlagTable t = tables.computeIfAbsent(r.version, v -> FlagTable.builtin(KernelVersion.parse(v)));
            Mask m = t.value(r.name).orElseThrow(() -> new AssertionError(r.name + " missing at " + r.version));
            assertEquals(Mask.of(r.value), m, r.name + " at " + r.version + " (expected from " + r.source + ")");
        }));
    }

    @Test
    void theRequiredVersionsAreAllCovered() throws IOException {
        Map<String, Integer> perVersion = new TreeMap<>();
        for (Row r : rows()) perVersion.merge(r.version, 1, Integer::sum);
        for (String v : List.of("4.19", "5.15", "6.1", "6.12")) {
            assertTrue(perVersion.getOrDefault(v, 0) >= 40, v + " has rows for every composite: " + perVersion);
        }
    }

    @Test
    void theAnchorsThatChangedBetweenVersions() {
        FlagTable v419 = FlagTable.builtin(KernelVersion.of(4, 19)), v61 = FlagTable.builtin(KernelVersion.of(6, 1));
        FlagTable v68 = FlagTable.builtin(KernelVersion.of(6, 8)), v612 = FlagTable.builtin(KernelVersion.of(6, 12));
        assertEquals(Mask.of(0x800), v61.value("GFP_NOWAIT").orElseThrow(), "before 6.8");
        assertEquals(Mask.of(0x2800), v68.value("GFP_NOWAIT").orElseThrow(), "6.8 added __GFP_NOWARN");
        assertNotEquals(0L, v61.bits(Flag.ATOMIC), "___GFP_ATOMIC until 6.3");
        assertEquals(0L, v612.bits(Flag.ATOMIC), "removed in 6.3");
        assertEquals(Mask.of(0x820), v612.value("GFP_ATOMIC").orElseThrow());
        assertEquals(v419.bits(Flag.FS), 0x80L);
        assertEquals(Mask.of(0x6000c0), v419.value("GFP_KERNEL").orElseThrow(), "4.19 still had the old layout");
        assertEquals(Mask.of(0xcc0), v612.value("GFP_KERNEL").orElseThrow());
    }

    @Test
    void aTreesOwnHeaderWinsOverTheBuiltInTable(@TempDir Path root) throws IOException {
        Path h = root.resolve("include/linux/gfp_types.h");
        Files.createDirectories(h.getParent());
        // An enum-numbered header (the 6.10+ form), with a made-up extra flag between IO and FS.
        Files.writeString(h, """
                enum {
                        ___GFP_DMA_BIT, ___GFP_HIGHMEM_BIT, ___GFP_DMA32_BIT, ___GFP_MOVABLE_BIT,
                        ___GFP_RECLAIMABLE_BIT, ___GFP_HIGH_BIT, ___GFP_IO_BIT, ___GFP_EXTRA_BIT, ___GFP_FS_BIT,
                        ___GFP_DIRECT_RECLAIM_BIT, ___GFP_KSWAPD_RECLAIM_BIT,
                #ifdef CONFIG_LOCKDEP
                        ___GFP_NOLOCKDEP_BIT,
                #endif
                        ___GFP_LAST_BIT
                };
                #define ___GFP_IO               BIT(___GFP_IO_BIT)
                #define ___GFP_FS               BIT(___GFP_FS_BIT)
                #define ___GFP_DIRECT_RECLAIM   BIT(___GFP_DIRECT_RECLAIM_BIT)
                #define ___GFP_KSWAPD_RECLAIM   BIT(___GFP_KSWAPD_RECLAIM_BIT)
                #ifdef CONFIG_LOCKDEP
                #define ___GFP_NOLOCKDEP        BIT(___GFP_NOLOCKDEP_BIT)
                #else
                #define ___GFP_NOLOCKDEP        0
                #endif
                #define __GFP_IO        ((__force gfp_t)___GFP_IO)
                #define __GFP_FS        ((__force gfp_t)___GFP_FS)
                #define __GFP_RECLAIM   ((__force gfp_t)(___GFP_DIRECT_RECLAIM|___GFP_KSWAPD_RECLAIM))
                #define GFP_KERNEL      (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
                #define GFP_NOFS        (__GFP_RECLAIM | __GFP_IO)
                """);
        FlagTable t = FlagTable.fromTree(root).orElseThrow();
        assertEquals(1L << 8, t.bits(Flag.FS));
        assertEquals(1L << 11, t.bits(Flag.NOLOCKDEP), "config-dependent members are counted");
        assertEquals(Mask.of((1L << 9) | (1L << 10) | (1L << 6) | (1L << 8)), t.value("GFP_KERNEL").orElseThrow());
        assertTrue(FlagTable.fromTree(root.resolve("nowhere")).isEmpty());
    }

    @Test
    void masksAreDescribedInTheKernelsWords() {
        FlagTable t = FlagTable.builtin(KernelVersion.of(6, 12));
        assertEquals("GFP_NOFS", t.describe(t.value("GFP_NOFS").orElseThrow()));
        assertEquals("GFP_KERNEL | __GFP_NOFAIL", t.describe(Mask.of(0xcc0 | 0x8000)));
        assertEquals("GFP_NOFS | __GFP_NOWARN", t.describe(Mask.of(0xc40 | 0x2000)));
        assertEquals("__GFP_NOWARN", t.describe(Mask.of(0x2000)));
    }

    @Test
    void everyLayoutLoads() {
        for (KernelVersion v : FlagTable.layoutVersions()) {
            FlagTable t = FlagTable.builtin(v);
            assertNotEquals(0L, t.bits(Flag.FS), v.toString());
            assertTrue(t.value("GFP_KERNEL").orElseThrow().isConstant(), v + " GFP_KERNEL");
            assertTrue(t.value("GFP_NOFS").orElseThrow().isConstant(), v + " GFP_NOFS");
        }
    }
}
