package dev.gfplint.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    private static final Catalog C = Catalog.defaults();

    private static Catalog.View at(String v) {
        return C.forVersion(KernelVersion.parse(v));
    }

    @Test
    void atLeastEightyEntryPointsAtEveryTestedVersion() {
        for (String v : List.of("4.19", "5.15", "6.1", "6.12")) {
            assertTrue(at(v).allocatorCount() >= 80, v + ": " + at(v).allocatorCount());
        }
    }

    @Test
    void gfpArgumentPositions() {
        Catalog.View v = at("6.12");
        assertEquals(1, v.allocator("kmalloc").gfpArg());
        assertEquals(2, v.allocator("kcalloc").gfpArg());
        assertEquals(1, v.allocator("kmem_cache_alloc").gfpArg());
        assertEquals(0, v.allocator("alloc_pages").gfpArg());
        assertEquals(3, v.allocator("dma_alloc_coherent").gfpArg());
        assertTrue(v.allocator("vmalloc").implicit());
        assertTrue(v.allocator("vzalloc").implicit());
    }

    @Test
    void bioAllocChangedItsArgumentOrderIn518() {
        assertEquals(0, at("5.17").allocator("bio_alloc").gfpArg());
        assertEquals(3, at("5.18").allocator("bio_alloc").gfpArg());
    }

    @Test
    void namesExistOnlyInTheirVersions() {
        assertNull(at("6.9").allocator("kmalloc_noprof"));
        assertNotNull(at("6.10").allocator("kmalloc_noprof"));
        assertNull(at("4.11").allocator("kvmalloc"));
        assertNotNull(at("4.12").allocator("kvmalloc"));
        assertNotNull(at("5.10").scopeApi("memalloc_nocma_save"));
        assertNull(at("5.13").scopeApi("memalloc_nocma_save"));
        assertNotNull(at("5.13").scopeApi("memalloc_pin_save"));
        assertNull(at("6.9").scopeApi("memalloc_flags_save"));
        assertNotNull(at("6.10").scopeApi("memalloc_flags_save"));
        assertNull(at("4.11").scopeApi("memalloc_nofs_save"));
        assertEquals(Scope.NORECLAIM.bit(), at("6.11").pfFlag("PF_MEMALLOC_NORECLAIM"));
        assertNull(at("6.12").pfFlag("PF_MEMALLOC_NORECLAIM"), "reverted in 6.12");
    }

    @Test
    void reclaimEntriesByStructAndMemberAndPageFillersByVersion() {
        Catalog.View v = at("6.12");
        assertEquals("address_space_operations", v.reclaimEntry("address_space_operations", "writepages"));
        assertEquals("address_space_operations", v.reclaimEntry("address_space_operations", "read_folio"));
        assertNull(v.reclaimEntry("address_space_operations", "write_begin"), "called by write(2), not by reclaim");
        assertNull(v.reclaimEntry("inode_operations", "create"));
        assertNull(v.reclaimEntry("file_operations", "writepages"), "a member's name counts only in its own struct");
        assertEquals("shrinker", v.reclaimEntry(null, "scan_objects"), "an assignment to a member: by the member's name");
        assertEquals("super_operations", v.reclaimEntry("", "evict_inode"));
        assertNull(v.reclaimEntry("address_space_operations", "releasepage"), "renamed release_folio before 6.4");
        assertEquals("address_space_operations", at("5.10").reclaimEntry("address_space_operations", "releasepage"));
        assertEquals(2, v.pageFiller("read_cache_page"));
        assertEquals(2, v.pageFiller("read_cache_folio"));
        assertNull(v.pageFiller("read_cache_pages"), "removed in 5.18");
        assertNull(at("5.10").pageFiller("read_cache_folio"), "added in 5.19");
    }

    @Test
    void journalHandlesOpenANofsScope() {
        Catalog.ScopeOpener j = at("6.12").opener("jbd2_journal_start");
        assertEquals(Scope.NOFS.bit(), j.scopes());
        assertEquals("jbd2_journal_stop", j.closedBy());
        Catalog.ScopeOpener before = at("4.11").opener("jbd2_journal_start");
        assertEquals(Scope.REGION.bit(), before.scopes(), "before 4.12 a handle is a NOFS region without a scope");
    }

    @Test
    void usersExtendTheCatalog(@TempDir Path d) throws Exception {
        Path f = d.resolve("mine.conf");
        Files.writeString(f, "[allocators]\nmy_pool_get  gfp=2  family=other\n");
        Catalog c = Catalog.withExtensions(List.of(f));
        assertEquals(2, c.forVersion(KernelVersion.NEWEST).allocator("my_pool_get").gfpArg());
    }

    @Test
    void usersExtendTheCatalogWithText() throws Exception {
        Catalog c = Catalog.withExtensionTexts(List.of(Map.entry("a.yaml", "[allocators]\nmy_get gfp=1 family=slab\n"),
                Map.entry("b.yaml", "[nofs-regions]\nmy_lock closed-by=my_unlock\n")));
        Catalog.View v = c.forVersion(KernelVersion.NEWEST);
        assertEquals(1, v.allocator("my_get").gfpArg());
        assertEquals("my_unlock", v.opener("my_lock").closedBy());
        assertNotNull(v.allocator("kmalloc"), "the built-in entries stay");
        Catalog.FormatException e = assertThrows(Catalog.FormatException.class,
                () -> Catalog.withExtensionTexts(List.of(Map.entry("c.yaml", "[allocators]\nok gfp=0 family=page\nbad family=slab\n"))));
        assertTrue(e.getMessage().startsWith("c.yaml:3: "), e.getMessage());
    }

    @Test
    void aBadEntryIsReportedWithItsFileAndLine(@TempDir Path d) throws Exception {
        Path f = d.resolve("bad.conf");
        Files.writeString(f, "[allocators]\n\nmy_alloc family=slab\n");
        Catalog.FormatException e = assertThrows(Catalog.FormatException.class, () -> Catalog.withExtensions(List.of(f)));
        assertTrue(e.getMessage().startsWith(f + ":3: "), e.getMessage());
        Files.writeString(f, "[nonsense]\nx y\n");
        e = assertThrows(Catalog.FormatException.class, () -> Catalog.withExtensions(List.of(f)));
        assertTrue(e.getMessage().contains("unknown section"), e.getMessage());
    }

    @Test
    void usersAddLocksSectionsAndCallbacks() throws Exception {
        Catalog c = Catalog.withExtensionTexts(List.of(Map.entry("ctx.yaml", "[context-apis]\n"
                + "my_lock acquire spin,irq lock=0\nmy_unlock release spin,irq lock=0\n"
                + "[atomic-callbacks]\nmy_register_handler fn=2 hardirq\n[context-guards]\nmy_guard raw\n")));
        Catalog.View v = c.forVersion(KernelVersion.NEWEST);
        assertEquals(Catalog.ContextApi.Effect.ACQUIRE, v.contextApi("my_lock").effect());
        assertEquals(ExecKind.SPIN.bit() | ExecKind.IRQ.bit(), v.contextApi("my_unlock").kinds());
        assertEquals(0, v.contextApi("my_lock").lockArg());
        assertEquals(2, v.callback("my_register_handler").fnArg());
        assertEquals(ExecKind.RAW.bit(), v.guardClass("my_guard"));
        assertNotNull(v.contextApi("spin_lock"), "the built-in entries stay");
        Catalog.FormatException e = assertThrows(Catalog.FormatException.class, () -> Catalog.withExtensionTexts(
                List.of(Map.entry("bad.yaml", "[context-apis]\nmy_lock acquire spinning\n"))));
        assertTrue(e.getMessage().startsWith("bad.yaml:2: ") && e.getMessage().contains("unknown context kind spinning"),
                e.getMessage());
        e = assertThrows(Catalog.FormatException.class, () -> Catalog.withExtensionTexts(
                List.of(Map.entry("bad.yaml", "[context-tests]\nmy_test true=maybe\n"))));
        assertTrue(e.getMessage().contains("true= takes atomic or blocking"), e.getMessage());
    }
}
