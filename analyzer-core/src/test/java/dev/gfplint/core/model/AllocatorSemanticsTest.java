package dev.gfplint.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The questions rules ask, per kernel version. */
class AllocatorSemanticsTest {
    private static final Catalog CATALOG = Catalog.defaults();

    private static AllocatorSemantics at(String v) {
        KernelVersion k = KernelVersion.parse(v);
        return new AllocatorSemantics(k, FlagTable.builtin(k), CATALOG.forVersion(k));
    }

    private static Mask m(AllocatorSemantics q, String name) {
        return q.flags().value(name).orElseThrow();
    }

    private static Mask or(AllocatorSemantics q, String... names) {
        Mask r = Mask.ZERO;
        for (String n : names) r = r.or(m(q, n));
        return r;
    }

    @Test
    void reclaimIntoTheFilesystem() {
        for (String v : List.of("4.19", "5.15", "6.1", "6.12")) {
            AllocatorSemantics q = at(v);
            assertEquals(Tri.YES, q.mayEnterFs(m(q, "GFP_KERNEL")), v);
            assertEquals(Tri.NO, q.mayEnterFs(m(q, "GFP_NOFS")), v);
            assertEquals(Tri.NO, q.mayEnterFs(m(q, "GFP_NOIO")), v);
            assertEquals(Tri.NO, q.mayEnterFs(m(q, "GFP_ATOMIC")), v + ": no direct reclaim, no FS re-entry");
            assertEquals(Tri.MAYBE, q.mayEnterFs(Mask.UNKNOWN), v);
            assertEquals(Tri.YES, q.mayStartIo(m(q, "GFP_NOFS")), v);
            assertEquals(Tri.NO, q.mayStartIo(m(q, "GFP_NOIO")), v);
        }
    }

    @Test
    void sleeping() {
        AllocatorSemantics q = at("6.12");
        assertEquals(Tri.YES, q.maySleep(m(q, "GFP_KERNEL")));
        assertEquals(Tri.YES, q.maySleep(m(q, "GFP_NOIO")));
        assertEquals(Tri.NO, q.maySleep(m(q, "GFP_ATOMIC")));
        assertEquals(Tri.NO, q.maySleep(m(q, "GFP_NOWAIT")));
        assertEquals(Tri.NO, q.maySleep(m(q, "GFP_KERNEL").and(m(q, "__GFP_DIRECT_RECLAIM").not())));
    }

    @Test
    void contradictoryCombinations() {
        AllocatorSemantics q = at("6.12");
        assertTrue(present(q, or(q, "GFP_KERNEL", "__GFP_NOFAIL", "__GFP_NORETRY")).contains(Flag.NORETRY));
        assertTrue(present(q, or(q, "GFP_NOFS", "__GFP_RETRY_MAYFAIL", "__GFP_NORETRY")).contains(Flag.RETRY_MAYFAIL));
        assertEquals(List.of(), present(q, or(q, "GFP_KERNEL", "__GFP_NOFAIL")));
        assertEquals(List.of(Flag.DIRECT_RECLAIM), present(q, or(q, "GFP_ATOMIC", "__GFP_NOFAIL")),
                "NOFAIL needs a mask that may block");
        List<AllocatorSemantics.Conflict> unknown = q.conflicts(Mask.UNKNOWN.with(q.flags().bits(Flag.NOFAIL)));
        assertTrue(unknown.stream().allMatch(c -> c.present() == Tri.MAYBE), "unknown partners stay MAYBE");
    }

    private static List<Flag> present(AllocatorSemantics q, Mask m) {
        return q.conflicts(m).stream().filter(c -> c.present() == Tri.YES).map(AllocatorSemantics.Conflict::second).toList();
    }

    @Test
    void vmallocHonoursNofsAndNofailFrom517() {
        Catalog.Allocator vmalloc = at("6.12").catalog().allocator("__vmalloc");
        assertEquals(Tri.NO, at("5.15").honoursNofsNoio(vmalloc));
        assertEquals(Tri.NO, at("4.19").honoursNofsNoio(vmalloc));
        assertEquals(Tri.YES, at("5.17").honoursNofsNoio(vmalloc));
        assertEquals(Tri.NO, at("5.16").supportsNofail(vmalloc));
        assertEquals(Tri.YES, at("6.1").supportsNofail(vmalloc));
        Catalog.Allocator kmalloc = at("6.12").catalog().allocator("kmalloc");
        assertEquals(Tri.YES, at("4.19").honoursNofsNoio(kmalloc), "slab always honoured NOFS");
    }

    @Test
    void kvmallocWithANonKernelMaskPerVersion() {
        assertNull(at("4.9").kvmallocNonKernelMask(), "no kvmalloc before 4.12");
        assertEquals("warns", at("4.14").kvmallocNonKernelMask());
        assertEquals("kmalloc-only", at("4.19").kvmallocNonKernelMask());
        assertEquals("kmalloc-only", at("5.16").kvmallocNonKernelMask());
        assertEquals("supported", at("5.17").kvmallocNonKernelMask());
        AllocatorSemantics q = at("5.15");
        assertEquals(Tri.NO, q.coversKernel(m(q, "GFP_NOFS")));
        assertEquals(Tri.YES, q.coversKernel(or(q, "GFP_KERNEL", "__GFP_ZERO")));
    }

    @Test
    void restoreSemanticsChangedIn610() {
        assertTrue(at("6.9").restoreZeroClearsOuterScope());
        assertFalse(at("6.10").restoreZeroClearsOuterScope());
    }

    @Test
    void scopesNarrowTheEffectiveMask() {
        AllocatorSemantics q = at("6.12");
        Mask kernel = m(q, "GFP_KERNEL");
        assertEquals(m(q, "GFP_NOFS"), q.effective(kernel, Scope.NOFS.bit(), Scope.NOFS.bit()));
        assertEquals(m(q, "GFP_NOIO"), q.effective(kernel, Scope.NOIO.bit(), Scope.NOIO.bit()));
        assertEquals(kernel, q.effective(kernel, 0, 0));
        Mask movable = m(q, "GFP_HIGHUSER_MOVABLE");
        assertEquals(Tri.NO, q.effective(movable, Scope.PIN.bit(), Scope.PIN.bit()).hasAny(q.flags().bits(Flag.MOVABLE)));
        assertEquals(Tri.MAYBE, q.mayEnterFs(q.effective(kernel, 0, Scope.NOFS.bit())), "scope on some paths only");
        assertEquals(Tri.NO, q.maySleep(q.effective(kernel, Scope.NORECLAIM.bit(), Scope.NORECLAIM.bit())));
    }
}
