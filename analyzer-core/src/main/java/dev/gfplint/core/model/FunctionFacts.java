package dev.gfplint.core.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the model keeps of one function after its file's IR is gone: every call (for the call graph) with
 * the memalloc scopes active there, the gfp-relevant arguments as symbolic masks, and the function's scope
 * effects. Compact on purpose: the whole kernel's facts stay in memory while the model is built.
 *
 * <p>Per call {@code i}: {@code callees[i]} (null for a call through a pointer), {@code lines[i]} and
 * {@code cols[i]}, the scopes open there on every path ({@link #scopeMust(int)}) and on some path
 * ({@link #scopeMay(int)}), and the kept arguments ({@link #arg(int, int)}): only calls with an argument that
 * matters keep any, so they are stored sparsely ({@code argCalls} sorted, {@code argValues} parallel to it).
 */
public final class FunctionFacts {
    /** A memalloc save in this function. {@code escapes}: the saved value is stored outside the function's
     *  locals (a struct field, a global) or returned, so its restore is expected elsewhere. */
    public record Save(int line, int col, String api, int scopes, String token, boolean escapes) {}

    /** A memalloc restore whose argument is the constant 0 (before 6.10 this clears an outer scope too). */
    public record RestoreZero(int line, int col, String api, int scopes) {}

    /** Function {@code target} is registered at line:col ({@code what} says how) as a callback that runs in {@code kinds} ({@link ExecKind}). */
    public record Callback(String target, int kinds, String what, int line, int col) {}

    /** Per call, the execution context there ({@link ContextFlow#pack}); null when nothing is held anywhere. */
    long[] contextAt;
    /** The locks and sections the function takes, indexed by {@link ContextFlow#item}. */
    List<ContextFlow.Held> held = List.of();
    /** Marked as early-boot code ([early-boot] annotations); see {@link #bootEntry}. */
    boolean earlyBoot;
    /** Early-boot code that no C code calls: its interrupts- and preemption-off sections are not atomic. */
    boolean bootEntry;

    /** Allocator calls reached only where tests of the function's parameters hold: the call -> GUARD(tests, 1). */
    java.util.Map<Integer, MaskExpr> reachedWhen;
    /** The parameters those tests read. */
    long reachParams;

    /** What it does to its caller's context as a lock wrapper ({@link ExecKind} sets): kinds it returns
     *  holding, kinds of its caller's it releases; 0 and 0 for most functions. */
    int lockAcquires, lockReleases;

    /** Whether it returns holding a lock or section it took, or releases one of its caller's (atomic kinds and
     *  sleepable locks: a filesystem's inode-lock helper is evidence of a NOFS context). */
    boolean isLockWrapper() {
        return ((lockAcquires | lockReleases) & (ExecKind.ATOMIC | ExecKind.SLEEPABLE.bit())) != 0;
    }

    /** The callbacks it registers. */
    List<Callback> callbacks = List.of();

    /**
     * The functions it hands to reclaim, writeback or a page-cache read ({@code s->scan_objects = fn},
     * {@code read_cache_page(m, i, fn, d)}): callbacks with kinds 0, which carry no atomic context.
     */
    List<Callback> reclaimEntries = List.of();

    /**
     * A whole argument of call {@code call} (at position {@code arg}) that may be a function or lead to one: this
     * function's parameter {@code param}, forwarded, or ({@code param} -1) the function {@code name} of the same
     * file, the argument itself ({@code field} null) or its member {@code field} ({@code &ops} with {@code .field = name}).
     */
    public record Passed(int call, int arg, int param, String name, String field) {}

    /** Parameters it calls through ({@code cb(zone, data)}), as a bit set by index. */
    long invokedParams;
    /** Members of its parameters it calls through ({@code ops->visit(it)}), by parameter index; mostly empty. */
    Map<Integer, Set<String>> invokedFields = Map.of();
    /** What it passes on that may be a function, in call order. */
    List<Passed> passed = List.of();

    /** The packed context at call {@code i} (0: nothing held, nothing dropped). */
    long contextAt(int i) {
        if (contextAt == null) return ContextFlow.pack(0, 0, 0, 0, -1);
        long p = contextAt[i];
        if (!bootEntry) return p;
        int off = ExecKind.IRQ.bit() | ExecKind.PREEMPT.bit();
        int m = ContextFlow.must(p) & ~off, y = ContextFlow.may(p) & ~off;
        return ContextFlow.pack(m, y, ContextFlow.droppedMust(p), ContextFlow.droppedMay(p),
                (m | y) == 0 ? -1 : ContextFlow.item(p));
    }

    public final String name;
    public final String file;
    public final int line;
    public final int col;
    public final boolean isStatic;
    public final String[] paramNames;
    /** Parameters whose declared type is gfp_t, as a bit set by index. */
    public final long gfpParams;
    /** Parameters that branches test before a call passes a mask on (GUARDs in the kept arguments). */
    public final long guardParams;
    public final String[] callees;
    public final int[] lines;
    public final int[] cols;
    final byte[] scopeMust;
    final byte[] scopeMay;
    final int[] argCalls;
    /**
     * The calls to allocators ({@code calls}, ascending), the CFG node each stands in ({@code node}), and the CFG
     * without its loop back edges as successor lists ({@code succ[start[n]] .. succ[start[n + 1] - 1]}).
     */
    public record Order(int[] calls, int[] node, int[] start, int[] succ) {}

    /** Null when the function has fewer than two allocator calls. */
    final Order allocOrder;
    final MaskExpr[][] argValues;
    public final List<Save> saves;
    public final List<RestoreZero> restoreZeros;
    /** Scopes this function's own saves leave open at its return, on every path / on some path. */
    public final int openAtExitMust;
    public final int openAtExitMay;
    /** Scopes this function closes that it did not open (a restore of a value saved elsewhere). */
    public final int closesForeign;

    public FunctionFacts(String name, String file, int line, int col, boolean isStatic, String[] paramNames,
                         long gfpParams, String[] callees, int[] lines, int[] cols, byte[] scopeMust, byte[] scopeMay,
                         int[] argCalls, MaskExpr[][] argValues, Order allocOrder, List<Save> saves, List<RestoreZero> restoreZeros, int openAtExitMust,
                         int openAtExitMay, int closesForeign) {
        this.name = name;
        this.file = file;
        this.line = line;
        this.col = col;
        this.isStatic = isStatic;
        this.paramNames = paramNames;
        this.gfpParams = gfpParams;
        long guarded = 0;
        for (MaskExpr[] as : argValues) for (MaskExpr a : as) if (a != null) guarded |= a.guardParams();
        this.guardParams = guarded;
        this.callees = callees;
        this.lines = lines;
        this.cols = cols;
        this.scopeMust = scopeMust == null || allZero(scopeMust) ? null : scopeMust;
        this.scopeMay = scopeMay == null || allZero(scopeMay) ? null : scopeMay;
        this.argCalls = argCalls;
        this.argValues = argValues;
        this.allocOrder = allocOrder;
        this.saves = saves;
        this.restoreZeros = restoreZeros;
        this.openAtExitMust = openAtExitMust;
        this.openAtExitMay = openAtExitMay;
        this.closesForeign = closesForeign;
    }

    public int callCount() {
        return callees.length;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    /**
     * For every allocator call, the lowest-numbered allocator call among {@code origins} that can run before it
     * in one pass of some path (loop back edges not counted; two calls in one statement count as before each
     * other), or -1; indexed by call, {@code callCount()} long. A call that is itself an origin may get itself
     * or -1, so callers ask only about calls that are not origins. One pass over the function: each CFG node is
     * reached from the lowest origin that reaches it, because whatever a later origin reaches from a node
     * already marked, the earlier one reaches too.
     */
    public int[] earliestBefore(java.util.function.IntPredicate origins) {
        int[] out = new int[callees.length];
        java.util.Arrays.fill(out, -1);
        Order o = allocOrder;
        if (o == null) return out;
        int nodes = o.start().length - 1;
        int[] mark = new int[nodes];
        java.util.Arrays.fill(mark, -1);
        int[] queue = new int[nodes];
        for (int k = 0; k < o.calls().length; k++) {
            int from = o.calls()[k];
            int n0 = o.node()[k];
            if (mark[n0] >= 0 || !origins.test(from)) continue;
            int head = 0, tail = 0;
            mark[n0] = from;
            queue[tail++] = n0;
            while (head < tail) {
                int n = queue[head++];
                for (int e = o.start()[n]; e < o.start()[n + 1]; e++) {
                    int t = o.succ()[e];
                    if (mark[t] < 0) {
                        mark[t] = from;
                        queue[tail++] = t;
                    }
                }
            }
        }
        for (int k = 0; k < o.calls().length; k++) {
            int m = mark[o.node()[k]];
            if (m != o.calls()[k]) out[o.calls()[k]] = m;
        }
        return out;
    }

    /** Scopes open at call {@code i} on every path. */
    public int scopeMust(int i) {
        return scopeMust == null ? 0 : scopeMust[i];
    }

    /** Scopes open at call {@code i} on some path. */
    public int scopeMay(int i) {
        return scopeMay == null ? 0 : scopeMay[i];
    }

    /** The kept arguments of call {@code i} (null entries for arguments that are not masks), or null. */
    public MaskExpr[] args(int i) {
        int k = java.util.Arrays.binarySearch(argCalls, i);
        return k < 0 ? null : argValues[k];
    }

    /** The symbolic value of argument {@code a} of call {@code i}, or null when it was not kept. */
    public MaskExpr arg(int i, int a) {
        MaskExpr[] as = args(i);
        return as == null || a >= as.length ? null : as[a];
    }

    /** Argument {@code a} of call {@code i}, {@link MaskExpr#UNKNOWN} when it was not kept: what a callee's parameter {@code a} is bound to there. */
    MaskExpr argOrUnknown(int i, int a) {
        MaskExpr m = arg(i, a);
        return m == null ? MaskExpr.UNKNOWN : m;
    }

    @Override
    public String toString() {
        return name + "@" + file + ":" + line;
    }
}
