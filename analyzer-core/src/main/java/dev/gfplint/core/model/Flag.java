package dev.gfplint.core.model;

/**
 * The gfp modifier flags by meaning, independent of their bit values. A flag that a kernel version does not
 * have has the value 0 in that version's {@link FlagTable}.
 */
public enum Flag {
    DMA, HIGHMEM, DMA32, MOVABLE, RECLAIMABLE, HIGH, IO, FS, ZERO, ATOMIC, DIRECT_RECLAIM, KSWAPD_RECLAIM, WAIT,
    WRITE, NOWARN, REPEAT, RETRY_MAYFAIL, NOFAIL, NORETRY, MEMALLOC, COMP, NOMEMALLOC, HARDWALL, THISNODE,
    ACCOUNT, NOACCOUNT, NOTRACK, OTHER_NODE, COLD, ZEROTAGS, SKIP_ZERO, SKIP_KASAN, SKIP_KASAN_POISON,
    SKIP_KASAN_UNPOISON, NOLOCKDEP, NO_OBJ_EXT;

    /** The kernel's name of the flag, e.g. {@code __GFP_FS}. */
    public String kernelName() {
        return "__GFP_" + name();
    }

    /** The raw bit's name, e.g. {@code ___GFP_FS}. */
    public String rawName() {
        return "___GFP_" + name();
    }
}
