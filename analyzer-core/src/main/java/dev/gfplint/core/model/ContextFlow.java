package dev.gfplint.core.model;

import dev.gfplint.core.ir.CallSite;
import dev.gfplint.core.ir.Cfg;
import dev.gfplint.core.ir.CfgNode;
import dev.gfplint.core.ir.Edge;
import dev.gfplint.core.ir.Expr;
import dev.gfplint.core.ir.Function;
import dev.gfplint.core.ir.SourcePos;
import dev.gfplint.core.ir.Stmt;
import dev.gfplint.core.scan.Incidents;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The execution context along one function's CFG: which locks and atomic sections ({@link ExecKind}) are held
 * at each call, on every path and on some path, which of the caller's contexts the function has dropped there
 * (a release of a lock it did not take), and whether a test of the context ({@code gfpflags_allow_blocking()},
 * {@code !in_atomic()}) said that blocking is allowed. Locks are matched by their expression's text; guards
 * ({@code guard(spinlock)(&l)}, {@code scoped_guard(...) { }}) hold to the end of their block, as the
 * compiler's cleanup does; trylocks and tests decide the context on the branch that tests them.
 *
 * <p>Per call the result is packed in a long (see {@link #pack}); each held item is a {@link Held}.
 */
final class ContextFlow {
    /**
     * A lock or section taken in the function: one kind, the call that takes it and its lock expression.
     * {@code indirect}: taken by a guard (released by its scope) or through a lock wrapper, so that it does not
     * make this function a wrapper itself (only the function that calls the lock API does).
     */
    record Held(int kind, String key, String api, String text, int line, int col, boolean indirect) {
        String describe() {
            return text;
        }
    }

    /** What a function does to its caller's context: kinds it returns holding, kinds of the caller's it releases. */
    record Effect(int acquires, int releases) {}

    /** The result for one function. */
    record Result(long[] atCall, List<Held> held, int exitAcquires, int exitReleases) {}

    /** Items (locks and sections) tracked one by one in a function; more share the last bit, with a note. */
    static final int MAX_ITEMS = 64;
    private static final int K = 12; // bits per kind set, ALLOWED included
    private static final int SET = (1 << K) - 1;
    static {
        if (ExecKind.ALLOWED >= 1 << K) throw new AssertionError("ExecKind sets no longer fit in " + K + " bits");
    }

    /** Packs a call's context: kinds held on every path / some path, kinds dropped on every / some path, item. */
    static long pack(int must, int may, int droppedMust, int droppedMay, int item) {
        return (must & SET) | (long) (may & SET) << K | (long) (droppedMust & SET) << 2 * K
                | (long) (droppedMay & SET) << 3 * K | (long) (item + 1 & 0xFFFF) << 4 * K;
    }

    static int must(long p) { return (int) (p & SET); }
    static int may(long p) { return (int) (p >>> K & SET); }
    static int droppedMust(long p) { return (int) (p >>> 2 * K & SET); }
    static int droppedMay(long p) { return (int) (p >>> 3 * K & SET); }
    /** The held item to name in a message, or -1. */
    static int item(long p) { return (int) (p >>> 4 * K & 0xFFFF) - 1; }

    private final Catalog.View catalog;
    private final Incidents incidents;

    ContextFlow(Catalog.View catalog, Incidents incidents) {
        this.catalog = catalog;
        this.incidents = incidents;
    }

    /** Whether the function calls anything that changes the context (else nothing needs computing). */
    boolean relevant(Function f, Map<String, Effect> wrappers) {
        if (f.cfg() == null) return false;
        for (CfgNode n : f.cfg().nodes()) {
            for (CallSite cs : n.calls()) {
                String c = cs.callee();
                if (c == null) continue;
                if (catalog.changesContext(c) || !wrappers.isEmpty() && wrappers.containsKey(c)) return true;
            }
        }
        return false;
    }

    private static final class St {
        long must, may;
        int dm, dy;

        St copy() {
            St s = new St();
            s.must = must;
            s.may = may;
            s.dm = dm;
            s.dy = dy;
            return s;
        }

        boolean same(St o) {
            return o != null && must == o.must && may == o.may && dm == o.dm && dy == o.dy;
        }
    }

    /** An item's validity range for guards: held only at nodes within [start, end] (end null: to the function's end). */
    private record Range(SourcePos start, SourcePos end) {
        boolean contains(SourcePos p) {
            if (p == null || p.line() == 0) return true;
            return p.compareTo(start) >= 0 && (end == null || p.compareTo(end) <= 0);
        }
    }

    Result analyze(Function f, String file, Map<String, Effect> wrappers) {
        Cfg cfg = f.cfg();
        List<CfgNode> nodes = cfg.nodes();
        List<Held> held = new ArrayList<>();
        Map<Expr, long[]> itemsOf = new IdentityHashMap<>(); // a call -> the item bits it takes
        List<Range> ranges = new ArrayList<>();            // per item: null, or a guard's range
        Map<Stmt, SourcePos> blockEnd = blockEnds(f.body());
        boolean[] tooMany = {false};
        for (CfgNode n : nodes) {
            List<CallSite> calls = n.calls();
            for (int i = 0; i < calls.size(); i++) {
                CallSite cs = calls.get(i);
                String c = cs.callee();
                if (c == null) continue;
                Catalog.ContextApi api = catalog.contextApi(c);
                if (api != null && api.effect() != Catalog.ContextApi.Effect.RELEASE) {
                    String key = api.lockArg() >= 0 ? key(cs.arg(api.lockArg())) : null;
                    itemsOf.put(cs.call(), items(held, ranges, api.kinds(), key, c, cs, null, false, tooMany));
                    continue;
                }
                Effect w = wrappers.get(c);
                if (w != null && w.acquires() != 0) {
                    // taken through a wrapper: held here, but this function does not become a wrapper by it
                    itemsOf.put(cs.call(), items(held, ranges, w.acquires(), null, c, cs, null, true, tooMany));
                    continue;
                }
                Boolean test = catalog.contextTest(c);
                if (test != null) {
                    itemsOf.put(cs.call(), items(held, ranges, ExecKind.TESTED.bit(), null, c, cs, null, false, tooMany));
                    continue;
                }
                if (c.equals("guard") && cs.args().size() == 1) {
                    Integer kinds = catalog.guardClass(nameOf(cs.arg(0)));
                    if (kinds == null) continue;
                    CallSite outer = i + 1 < calls.size() && calls.get(i + 1).callee() == null ? calls.get(i + 1) : null;
                    String key = outer == null ? null : key(outer.arg(0));
                    Range r = new Range(cs.pos(), n.stmt() == null ? null : blockEnd.get(n.stmt()));
                    String shown = "guard(" + cs.arg(0).text() + ")(" + (outer == null || outer.arg(0) == null ? "" : outer.arg(0).text()) + ")";
                    itemsOf.put(cs.call(), items(held, ranges, kinds, key, shown, cs, r, true, tooMany));
                } else if (c.equals("scoped_guard") && n.kind() == CfgNode.Kind.GUARD_BEGIN && !cs.args().isEmpty()) {
                    Integer kinds = catalog.guardClass(nameOf(cs.arg(0)));
                    if (kinds == null) continue;
                    Stmt s = n.stmt();
                    SourcePos end = s == null ? null : s.then != null && s.then.end != null ? s.then.end : s.end;
                    Range r = new Range(n.pos(), end);
                    itemsOf.put(cs.call(), items(held, ranges, kinds, key(cs.arg(1)), "scoped_guard", cs, r, true, tooMany));
                }
            }
        }
        if (tooMany[0]) {
            incidents.bound(Incidents.Bound.LOCKS, file, f.pos().line(), "function " + f.name() + " takes more than "
                    + MAX_ITEMS + " locks and sections; the others are tracked together");
        }
        Map<CfgNode, List<long[]>> onEdge = new IdentityHashMap<>(); // branch -> {TRUE items, FALSE items, TRUE flags, FALSE flags}
        for (CfgNode n : nodes) {
            if (n.kind() != CfgNode.Kind.BRANCH || n.expr() == null) continue;
            long[] e = new long[4];
            facts(n.expr(), true, itemsOf, e, 0);
            facts(n.expr(), false, itemsOf, e, 1);
            if ((e[0] | e[1] | e[2] | e[3]) != 0) onEdge.put(n, List.of(e));
        }

        int count = 0;
        for (CfgNode n : nodes) count += n.calls().size();
        long[] atCall = new long[count];
        Map<Expr, Integer> callIndex = new IdentityHashMap<>();
        int ci = 0;
        for (CfgNode n : nodes) for (CallSite cs : n.calls()) callIndex.put(cs.call(), ci++);

        Map<CfgNode, St> out = new IdentityHashMap<>();
        ArrayDeque<CfgNode> work = new ArrayDeque<>();
        Set<CfgNode> queued = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        work.add(cfg.entry());
        queued.add(cfg.entry());
        long guardSteps = 0, limit = 50L * (nodes.size() + 1);
        St exitIn = null;
        while (!work.isEmpty()) {
            if (guardSteps++ >= limit) {
                incidents.limit(file, f.pos().line(), "function " + f.name() + ": its locks were not followed to the"
                        + " end (more than " + limit + " steps); the context at its later calls may be missing");
                break;
            }
            CfgNode n = work.poll();
            queued.remove(n);
            St st = null;
            for (Edge e : n.predecessors()) {
                St o = out.get(e.from());
                if (o == null) continue;
                List<long[]> ed = onEdge.get(e.from());
                if (ed != null && (e.kind() == Edge.Kind.TRUE || e.kind() == Edge.Kind.FALSE)) {
                    long[] x = ed.get(0);
                    int w = e.kind() == Edge.Kind.TRUE ? 0 : 1;
                    o = o.copy();
                    o.must |= x[w];
                    o.may |= x[w];
                    o.dm |= (int) x[2 + w];
                    o.dy |= (int) x[2 + w];
                }
                if (st == null) {
                    st = o.copy();
                } else {
                    st.must &= o.must;
                    st.may |= o.may;
                    st.dm &= o.dm;
                    st.dy |= o.dy;
                }
            }
            if (st == null) st = new St();
            // guards end with their block
            for (int b = 0; b < ranges.size(); b++) {
                Range r = ranges.get(b);
                if (r != null && !r.contains(n.pos())) {
                    st.must &= ~(1L << b);
                    st.may &= ~(1L << b);
                }
            }
            if (n == cfg.exit()) exitIn = st.copy();
            for (CallSite cs : n.calls()) {
                Integer idx = callIndex.get(cs.call());
                if (idx != null) {
                    Integer drops = cs.callee() == null ? null : catalog.lockDropping(cs.callee());
                    St at = drops == null ? st : dropping(st, held, key(cs.arg(drops)));
                    atCall[idx] = pack(kinds(held, at.must), kinds(held, at.may), at.dm, at.dy, nameItem(held, at));
                }
                effect(cs, st, held, itemsOf, wrappers);
            }
            St prev = out.get(n);
            if (!st.same(prev)) {
                out.put(n, st);
                for (Edge e : n.successors()) if (queued.add(e.to())) work.add(e.to());
            }
        }
        int exitAcq = 0, exitRel = 0;
        if (exitIn != null) {
            for (int b = 0; b < held.size() && b < MAX_ITEMS; b++) {
                if ((exitIn.must & 1L << b) != 0 && !held.get(b).indirect()) exitAcq |= held.get(b).kind();
            }
            exitRel = exitIn.dm & ~ExecKind.ALLOWED;
        }
        boolean any = false;
        for (long p : atCall) if (p != pack(0, 0, 0, 0, -1)) any = true;
        return new Result(any ? atCall : null, held, exitAcq & ~ExecKind.TESTED.bit(), exitRel);
    }

    /**
     * The state a call sees that drops the spinlock {@code key} around its own allocation (__xa_store under
     * xa_lock): that lock is not held there, and neither is a spinning lock a caller holds, which may be it.
     */
    private static St dropping(St st, List<Held> held, String key) {
        St r = st.copy();
        for (int b = 0; b < held.size() && b < MAX_ITEMS; b++) {
            Held h = held.get(b);
            if (h.kind() != ExecKind.SPIN.bit() || key == null || !key.equals(h.key())) continue;
            for (int o = 0; o < held.size() && o < MAX_ITEMS; o++) { // with what the same call took (xa_lock_irq: irq)
                Held x = held.get(o);
                if (x.line() == h.line() && x.col() == h.col()) {
                    r.must &= ~(1L << o);
                    r.may &= ~(1L << o);
                }
            }
        }
        // the xa API drops its lock the way it was taken (xas_unlock_bh, xas_unlock_irq): a caller's too
        int dropped = ExecKind.SPIN.bit() | ExecKind.BH.bit() | ExecKind.IRQ.bit();
        r.dm |= dropped;
        r.dy |= dropped;
        return r;
    }

    /** Takes, drops: what one call does to the state. */
    private void effect(CallSite cs, St st, List<Held> held, Map<Expr, long[]> itemsOf, Map<String, Effect> wrappers) {
        String c = cs.callee();
        if (c == null) return;
        Catalog.ContextApi api = catalog.contextApi(c);
        Effect w = api == null ? wrappers.get(c) : null;
        if (api != null && api.effect() == Catalog.ContextApi.Effect.RELEASE) {
            release(st, held, api.kinds(), api.lockArg() >= 0 ? key(cs.arg(api.lockArg())) : null);
        } else if (w != null && w.releases() != 0) {
            release(st, held, w.releases(), null);
        }
        if (api != null && api.effect() == Catalog.ContextApi.Effect.TRYLOCK) return; // held on its branch only
        if (catalog.contextTest(c) != null) return;
        long[] it = itemsOf.get(cs.call());
        if (it != null) {
            st.must |= it[0];
            st.may |= it[0];
        }
    }

    /** Releases the held items of {@code kinds} (with lock {@code key}, when given); a release of what the function
     *  does not hold drops the caller's context of that kind. */
    private static void release(St st, List<Held> held, int kinds, String key) {
        for (int kb = kinds; kb != 0; kb &= kb - 1) {
            int kind = Integer.lowestOneBit(kb);
            boolean lockLike = kind == ExecKind.SPIN.bit() || kind == ExecKind.RAW.bit() || kind == ExecKind.SLEEPABLE.bit();
            long match = 0;
            for (int b = 0; b < held.size() && b < MAX_ITEMS; b++) {
                Held h = held.get(b);
                if (h.kind() != kind) continue;
                if (lockLike && key != null && h.key() != null && !h.key().equals(key)) continue;
                match |= 1L << b;
            }
            if ((st.may & match) == 0 && lockLike && key != null) {
                // The same lock through another name (a local that aliases a struct, p = h->info; spin_lock(&h->info->lock);
                // spin_unlock(&p->lock)): taken to be one of the held locks with the same field name.
                String field = field(key);
                for (int b = 0; b < held.size() && b < MAX_ITEMS; b++) {
                    Held h = held.get(b);
                    if (h.kind() == kind && h.key() != null && (st.may & 1L << b) != 0 && field.equals(field(h.key()))) match |= 1L << b;
                }
            }
            if ((st.may & match) == 0) { // the caller's: dropped (for a sleepable lock this only makes an unlock wrapper)
                st.dm |= kind;
                st.dy |= kind;
            }
            st.must &= ~match;
            st.may &= ~match;
        }
    }

    /** The kinds of a set of held items. */
    private static int kinds(List<Held> held, long items) {
        int k = 0;
        for (long b = items; b != 0; b &= b - 1) {
            int i = Long.numberOfTrailingZeros(b);
            if (i < held.size()) k |= held.get(i).kind();
        }
        return k;
    }

    /** The most recently taken atomic item held on every path, else on some path; -1 if none. */
    private static int nameItem(List<Held> held, St st) {
        for (long set : new long[] {st.must, st.may}) {
            int best = -1;
            for (long b = set; b != 0; b &= b - 1) {
                int i = Long.numberOfTrailingZeros(b);
                if (i >= held.size() || (held.get(i).kind() & ExecKind.ATOMIC) == 0) continue;
                // one call that takes several (spin_lock_irqsave: the lock, and interrupts off) is named by the lock
                Held h = held.get(i), o = best < 0 ? null : held.get(best);
                if (o == null || o.line() != h.line() || o.col() != h.col()
                        || Integer.lowestOneBit(h.kind()) < Integer.lowestOneBit(o.kind())) best = i;
            }
            if (best >= 0) return best;
        }
        return -1;
    }

    /**
     * What a branch condition says when it is {@code truth}: items a trylock or a test takes ({@code e[side]}),
     * and ALLOWED when blocking is allowed ({@code e[2 + side]}). Through {@code !}, {@code &&} (when true),
     * {@code ||} (when false), likely() and unlikely().
     */
    private void facts(Expr x, boolean truth, Map<Expr, long[]> itemsOf, long[] e, int side) {
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {x, truth});
        int steps = 0;
        while (!stack.isEmpty() && steps++ < 64) {
            Object[] t = stack.pop();
            Expr c = (Expr) t[0];
            boolean v = (Boolean) t[1];
            if (c == null) continue;
            switch (c.kind()) {
                case UNARY -> {
                    if ("!".equals(c.op()) && !c.kids().isEmpty()) stack.push(new Object[] {c.kid(0), !v});
                }
                case BINARY -> {
                    if (c.kids().size() == 2 && ("&&".equals(c.op()) && v || "||".equals(c.op()) && !v)) {
                        stack.push(new Object[] {c.kid(0), v});
                        stack.push(new Object[] {c.kid(1), v});
                    } else if (c.kids().size() == 2 && ("&&".equals(c.op()) || "||".equals(c.op()))) {
                        // the side where a test saying blocking is allowed was one condition of several
                        // (if (gfpflags_allow_blocking(gfp) && !external) { unlock; alloc; lock } else alloc): the
                        // code chose it by that test and another it knows of; trusted like the test alone
                        boolean and = "&&".equals(c.op());
                        for (Expr k : c.kids()) if (allowsWhen(k, and)) e[2 + side] |= ExecKind.ALLOWED;
                    }
                }
                case CALL -> {
                    String n = c.calleeName();
                    if (n == null) break;
                    if ((n.equals("likely") || n.equals("unlikely")) && c.args().size() == 1) {
                        stack.push(new Object[] {c.args().get(0), v});
                        break;
                    }
                    Catalog.ContextApi api = catalog.contextApi(n);
                    long[] it = itemsOf.get(c);
                    if (api != null && api.effect() == Catalog.ContextApi.Effect.TRYLOCK) {
                        if (v && it != null) e[side] |= it[0];
                        break;
                    }
                    Boolean atomicWhenTrue = catalog.contextTest(n);
                    if (atomicWhenTrue == null) break;
                    if (atomicWhenTrue) {
                        if (v && it != null) e[side] |= it[0];
                        else if (!v) e[2 + side] |= ExecKind.ALLOWED;
                    } else if (v) {
                        e[2 + side] |= ExecKind.ALLOWED;
                    }
                }
                default -> { }
            }
        }
    }

    /** Whether {@code x}, through {@code !}, likely() and unlikely(), is a test saying blocking is allowed when it holds, and is {@code truth} when it holds. */
    private boolean allowsWhen(Expr x, boolean truth) {
        for (int steps = 0; x != null && steps < 16; steps++) {
            if (x.kind() == Expr.Kind.UNARY && "!".equals(x.op()) && !x.kids().isEmpty()) {
                x = x.kid(0);
                truth = !truth;
                continue;
            }
            if (x.kind() != Expr.Kind.CALL || x.calleeName() == null) return false;
            String n = x.calleeName();
            if ((n.equals("likely") || n.equals("unlikely")) && x.args().size() == 1) {
                x = x.args().get(0);
                continue;
            }
            // only a test that says blocking is allowed when it holds (gfpflags_allow_blocking(), preemptible()):
            // in_atomic() || irqs_disabled() is the atomic side of its if, not a choice with another condition
            return Boolean.FALSE.equals(catalog.contextTest(n)) && truth;
        }
        return false;
    }

    /** One item per kind of {@code kinds}, all taken by one call; returns {bits}. */
    private static long[] items(List<Held> held, List<Range> ranges, int kinds, String key, String api, CallSite cs,
                                Range r, boolean indirect, boolean[] tooMany) {
        long bits = 0;
        String text = api.startsWith("guard(") || api.equals("scoped_guard")
                ? (api.equals("scoped_guard") ? "scoped_guard(" + String.join(", ", cs.argTexts()) + ")" : api)
                : api + "(" + String.join(", ", cs.argTexts()) + ")";
        for (int kb = kinds; kb != 0; kb &= kb - 1) {
            int kind = Integer.lowestOneBit(kb);
            int i = held.size();
            if (i >= MAX_ITEMS) {
                tooMany[0] = true;
                i = MAX_ITEMS - 1;
            } else {
                boolean keyed = kind == ExecKind.SPIN.bit() || kind == ExecKind.RAW.bit() || kind == ExecKind.SLEEPABLE.bit();
                held.add(new Held(kind, keyed ? key : null, api, text, cs.pos().line(), cs.pos().column(), indirect));
                ranges.add(r);
            }
            bits |= 1L << i;
        }
        return new long[] {bits};
    }

    /** The last member of a lock expression ({@code lock} of {@code p->info->lock}), or the whole text. */
    private static String field(String key) {
        int i = Math.max(key.lastIndexOf("->"), key.lastIndexOf('.'));
        return i < 0 ? key : key.substring(i + (key.startsWith("->", i) ? 2 : 1));
    }

    /** A lock's expression as text, without blanks or a leading {@code &} (pte_offset_map_lock(.., &ptl) takes ptl). */
    private static String key(Expr e) {
        if (e == null) return null;
        String k = e.text().replaceAll("\\s+", "");
        return k.startsWith("&") ? k.substring(1) : k;
    }

    private static String nameOf(Expr e) {
        return e != null && e.kind() == Expr.Kind.NAME ? e.name() : "";
    }

    /** For every statement directly in a block, the position of that block's closing brace. */
    private static Map<Stmt, SourcePos> blockEnds(Stmt body) {
        Map<Stmt, SourcePos> out = new IdentityHashMap<>();
        if (body == null) return out;
        ArrayDeque<Stmt> stack = new ArrayDeque<>();
        stack.push(body);
        while (!stack.isEmpty()) {
            Stmt s = stack.pop();
            if (s.kind == Stmt.Kind.BLOCK) {
                for (Stmt c : s.body) {
                    if (c == null) continue;
                    out.put(c, s.end);
                    stack.push(c);
                }
                continue;
            }
            if (s.then != null) stack.push(s.then);
            if (s.otherwise != null) stack.push(s.otherwise);
            if (s.init != null) stack.push(s.init);
        }
        return out;
    }
}
