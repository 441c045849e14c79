package dev.gfplint.core.model;

/**
 * The per-task memalloc scopes (bits of {@code current->flags}) that change what an allocation may do.
 * A set of scopes is an int of {@link #bit()}s.
 */
public enum Scope {
    /** PF_MEMALLOC_NOFS: {@code current_gfp_context()} clears __GFP_FS. */
    NOFS,
    /** PF_MEMALLOC_NOIO: clears __GFP_IO and __GFP_FS. */
    NOIO,
    /** PF_MEMALLOC: the allocation does no direct reclaim (modelled as clearing __GFP_DIRECT_RECLAIM). */
    NORECLAIM,
    /** PF_MEMALLOC_PIN (PF_MEMALLOC_NOCMA before 5.13): clears __GFP_MOVABLE. */
    PIN,
    /**
     * Not a task flag: a region between begin/end calls that needs NOFS but opens no scope (a journal handle
     * before 4.12, say). It changes no mask; rules look for allocations that may enter the filesystem in it.
     */
    REGION;

    public int bit() {
        return 1 << ordinal();
    }

    public static String describe(int set) {
        if (set == 0) return "none";
        StringBuilder sb = new StringBuilder();
        for (Scope s : values()) {
            if ((set & s.bit()) == 0) continue;
            if (sb.length() > 0) sb.append('+');
            sb.append(s.name());
        }
        return sb.toString();
    }

    public static Scope parse(String s) {
        return switch (s) {
            case "NOFS" -> NOFS;
            case "NOIO" -> NOIO;
            case "NORECLAIM" -> NORECLAIM;
            case "PIN", "NOCMA" -> PIN;
            case "REGION" -> REGION;
            default -> throw new IllegalArgumentException("unknown scope " + s);
        };
    }
}
