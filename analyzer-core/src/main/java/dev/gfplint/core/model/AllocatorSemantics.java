package dev.gfplint.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The questions rules ask about masks and allocators, answered for one kernel version. Rules never look at
 * flag names; they ask here ("may this mask re-enter the filesystem?") and get YES, NO or MAYBE.
 */
public final class AllocatorSemantics {
    /** Two flags that must not be combined (or a flag that needs another), and whether the mask has them. */
    public record Conflict(String description, Flag first, Flag second, boolean needsSecond, Tri present) {}

    private final KernelVersion version;
    private final FlagTable flags;
    private final Catalog.View catalog;
    private final Evaluator scopes;

    public AllocatorSemantics(KernelVersion version, FlagTable flags, Catalog.View catalog) {
        this.version = version;
        this.flags = flags;
        this.catalog = catalog;
        this.scopes = new Evaluator((n, f) -> null, flags);
    }

    public KernelVersion version() { return version; }
    public FlagTable flags() { return flags; }
    public Catalog.View catalog() { return catalog; }

    private Tri has(Mask m, Flag f) {
        long b = flags.bits(f);
        return b == 0 ? Tri.NO : m.hasAll(b);
    }

    /** May direct reclaim run, and so the caller block? */
    public Tri maySleep(Mask m) {
        return has(m, Flag.DIRECT_RECLAIM);
    }

    /** May reclaim re-enter the filesystem (direct reclaim with __GFP_FS)? */
    public Tri mayEnterFs(Mask m) {
        return has(m, Flag.DIRECT_RECLAIM).and(has(m, Flag.FS));
    }

    /** May reclaim start I/O (direct reclaim with __GFP_IO)? */
    public Tri mayStartIo(Mask m) {
        return has(m, Flag.DIRECT_RECLAIM).and(has(m, Flag.IO));
    }

    public Tri isNofail(Mask m) {
        return has(m, Flag.NOFAIL);
    }

    public Tri isNoretry(Mask m) {
        return has(m, Flag.NORETRY);
    }

    /** Does the mask have every GFP_KERNEL bit (what kvmalloc before 5.17 required)? */
    public Tri coversKernel(Mask m) {
        Mask k = flags.value("GFP_KERNEL").orElse(Mask.UNKNOWN);
        return k.isConstant() ? m.hasAll(k.value()) : Tri.MAYBE;
    }

    /** The mask the allocator acts on under scopes open on every path ({@code must}) / on some path ({@code may}). */
    public Mask effective(Mask m, int must, int may) {
        return scopes.applyScopes(m, must, may);
    }

    /**
     * The flag combinations the allocator forbids or cannot honour, with whether the mask has them:
     * NOFAIL with NORETRY, NOFAIL with RETRY_MAYFAIL, NORETRY with RETRY_MAYFAIL, and NOFAIL without direct
     * reclaim (it cannot be honoured when the allocator may not block).
     */
    public List<Conflict> conflicts(Mask m) {
        List<Conflict> out = new ArrayList<>();
        pair(out, m, "__GFP_NOFAIL with __GFP_NORETRY: the allocation must not fail yet may give up", Flag.NOFAIL, Flag.NORETRY);
        pair(out, m, "__GFP_NOFAIL with __GFP_RETRY_MAYFAIL: must not fail yet may fail", Flag.NOFAIL, Flag.RETRY_MAYFAIL);
        pair(out, m, "__GFP_NORETRY with __GFP_RETRY_MAYFAIL: opposite retry policies", Flag.NORETRY, Flag.RETRY_MAYFAIL);
        if (flags.bits(Flag.NOFAIL) != 0 && flags.bits(Flag.DIRECT_RECLAIM) != 0) {
            Tri p = has(m, Flag.NOFAIL).and(has(m, Flag.DIRECT_RECLAIM).not());
            out.add(new Conflict("__GFP_NOFAIL without __GFP_DIRECT_RECLAIM: cannot be honoured without blocking",
                    Flag.NOFAIL, Flag.DIRECT_RECLAIM, true, p));
        }
        return out;
    }

    private void pair(List<Conflict> out, Mask m, String d, Flag a, Flag b) {
        if (flags.bits(a) == 0 || flags.bits(b) == 0) return;
        out.add(new Conflict(d, a, b, false, has(m, a).and(has(m, b))));
    }

    /** Does this allocator honour __GFP_FS/__GFP_IO being clear, at this version? */
    public Tri honoursNofsNoio(Catalog.Allocator a) {
        String b = catalog.behaviour(family(a), "nofs-noio");
        return b == null ? Tri.YES : Tri.of(b.equals("honoured"));
    }

    /** Does this allocator support __GFP_NOFAIL, at this version? */
    public Tri supportsNofail(Catalog.Allocator a) {
        String b = catalog.behaviour(family(a), "nofail");
        return b == null ? Tri.YES : Tri.of(b.equals("supported"));
    }

    /**
     * Whether this allocator may sleep even with a mask that forbids it, at this version: vmalloc allocates its
     * page tables (and more) with GFP_KERNEL until non-blocking masks are supported.
     */
    public boolean sleepsWhateverTheMask(Catalog.Allocator a) {
        return "sleeps".equals(catalog.behaviour(family(a), "non-blocking"));
    }

    /** What kvmalloc does with a mask that is not a superset of GFP_KERNEL: warns, kmalloc-only, supported; null before 4.12. */
    public String kvmallocNonKernelMask() {
        return catalog.behaviour("kvmalloc", "non-kernel-mask");
    }

    /** Before 6.10, {@code memalloc_*_restore(0)} clears the scope even when an outer caller opened it. */
    public boolean restoreZeroClearsOuterScope() {
        return "writes-back".equals(catalog.behaviour("scope", "restore"));
    }

    private static String family(Catalog.Allocator a) {
        return a.family().name().toLowerCase(java.util.Locale.ROOT);
    }
}
