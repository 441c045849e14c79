package dev.gfplint.core.model;

/**
 * What an allocation runs under: a lock, a section with preemption, interrupts or bottom halves off, or a
 * callback's context. A set of kinds is an int of {@link #bit()}s. All but {@link #SLEEPABLE} are atomic:
 * an allocation there must not sleep.
 */
public enum ExecKind {
    SPIN("spin", "a spinlock"),
    RAW("raw", "a raw spinlock"),
    RCU("rcu", "an RCU read-side section"),
    PREEMPT("preempt", "preemption disabled"),
    IRQ("irq", "interrupts disabled"),
    BH("bh", "bottom halves disabled"),
    HARDIRQ("hardirq", "a hard-irq handler"),
    /** An NMI handler: no allocator is safe there, whatever the mask. */
    NMI("nmi", "NMI context"),
    SOFTIRQ("softirq", "softirq context"),
    /** A branch on which a test of the context ({@code in_atomic()}, ...) says it is atomic. */
    TESTED("tested", "a branch where the context is atomic"),
    SLEEPABLE("sleepable", "a sleepable lock");

    public final String word;
    public final String description;

    ExecKind(String word, String description) {
        this.word = word;
        this.description = description;
    }

    public int bit() {
        return 1 << ordinal();
    }

    /** Every kind in which sleeping is a bug. */
    public static final int ATOMIC = (1 << SLEEPABLE.ordinal()) - 1;
    /** Not a kind: the path passed a test that says blocking is allowed here (gfpflags_allow_blocking, ...). */
    public static final int ALLOWED = 1 << values().length;

    /** Parses "spin,irq". */
    public static int parseSet(String s) {
        int r = 0;
        for (String w : s.split(",")) {
            ExecKind k = null;
            for (ExecKind x : values()) if (x.word.equals(w.strip())) k = x;
            if (k == null || k == TESTED) throw new IllegalArgumentException("unknown context kind " + w);
            r |= k.bit();
        }
        return r;
    }

    /** The most telling kind of a set, for messages: a lock before the sections it implies. */
    public static ExecKind first(int set) {
        for (ExecKind k : values()) if ((set & k.bit()) != 0) return k;
        return null;
    }
}
