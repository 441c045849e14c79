package dev.gfplint.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allocations a call made in an atomic context reaches: those at most {@link ModelBuilder#MAX_CONTEXT_DEPTH}
 * calls from the function holding the context, through functions that hold no atomic context of their own at
 * the call (an inner lock is its own place to report), with the mask written in terms of the entered function's
 * parameters and what the calls on the way drop of their caller's context.
 *
 * <p>It depends only on the functions called, never on who else calls them: where a finding made from it goes,
 * and whether it is made, is decided by the function that holds the context and by what that function calls.
 * Computed on demand, once per function and depth left; the recursion is at most that depth.
 */
final class AtomicReach {
    /**
     * One allocation reached from a function's entry. Its mask is {@code mask} in terms of that function's
     * parameters, or, when no parameter is left in it, the {@code values} it was evaluated to where the last
     * one was filled in. {@code chain}: the calls from the function to the allocating one, outermost first
     * (null for an allocation of the function itself), {@code hops} calls long. {@code droppedMust}/{@code
     * droppedMay}: kinds of the caller's context released on every path / on some path before the allocation
     * ({@link ExecKind#ALLOWED} for a test saying that blocking is allowed). Scopes: those the functions on
     * the way hold at their calls. {@code guards}: tests of the function's parameters the allocation is
     * reached under.
     */
    record Entry(Model.AllocSite site, MaskExpr mask, List<Mask> values, Trace chain, int hops,
                 int droppedMust, int droppedMay, int scopesMust, int scopesMay, List<MaskExpr> guards) {}

    /** The identity of an entry: the same allocation reached with another mask or under other tests is another. */
    private record Key(Model.AllocSite site, MaskExpr mask, List<Mask> values, List<MaskExpr> guards) {}

    /** Entries kept per function and depth; beyond, the rest is cut and noted as a bound. */
    static final int MAX_ENTRIES = 64;

    private final Model m;
    /** Per depth left, per function: the entries, or null before they are asked for. */
    private final List<Entry>[][] memo;
    /** Per function, its allocation sites (allocator calls and calls taken as allocations by a declaration), by call. */
    private final List<Model.AllocSite>[] sitesOf;

    @SuppressWarnings("unchecked")
    AtomicReach(Model m) {
        this.m = m;
        int n = m.functions.size();
        memo = new List[ModelBuilder.MAX_CONTEXT_DEPTH][n];
        sitesOf = new List[n];
        for (List<Model.AllocSite> l : List.of(m.sites, m.declaredSites)) {
            for (Model.AllocSite s : l) {
                if (sitesOf[s.fn()] == null) sitesOf[s.fn()] = new ArrayList<>(2);
                sitesOf[s.fn()].add(s);
            }
        }
        for (List<Model.AllocSite> l : sitesOf) if (l != null) l.sort(java.util.Comparator.comparingInt(Model.AllocSite::call));
    }

    /**
     * The entries contributed by call {@code call} of {@code fn}: the function it calls, entered with
     * {@code left} further calls allowed, and any function passed to it that runs inside it. {@code root}: the
     * call is where the context is held, so what the caller dropped of its own entry context does not matter.
     */
    List<Entry> viaCall(int fn, int call, int left, boolean root) {
        FunctionFacts f = m.functions.get(fn);
        long p = f.contextAt(call);
        int dm = root ? 0 : ContextFlow.droppedMust(p), dy = root ? 0 : ContextFlow.droppedMay(p);
        if ((dm & ExecKind.ALLOWED) != 0) return List.of(); // a test said blocking is allowed on every path here
        Trace.Step step = new Trace.Step(f.name, f.file, f.lines[call], f.cols[call], f.callees[call]);
        List<Entry> out = new ArrayList<>();
        int g = m.targets[fn][call];
        if (g >= 0 && g != fn && !m.ambiguousCall(fn, g)) {
            for (Entry e : entries(g, left)) {
                Entry x = through(e, f, call, true, step, null, dm, dy);
                if (x != null) out.add(x);
            }
        }
        if (left >= 1 && m.runsInside != null && m.runsInside[fn] != null) {
            for (int[] pg : m.runsInside[fn]) {
                if (pg[0] != call || pg[1] == fn) continue;
                Trace.Step inside = ModelBuilder.insideStep(f, call, m.functions.get(pg[1]));
                for (Entry e : entries(pg[1], left - 1)) {
                    Entry x = through(e, f, call, false, step, inside, dm, dy);
                    if (x != null) out.add(x);
                }
            }
        }
        return out;
    }

    /** The entries of function {@code g} with {@code left} further calls allowed from it. */
    private List<Entry> entries(int g, int left) {
        List<Entry> done = memo[left][g];
        if (done != null) return done;
        FunctionFacts f = m.functions.get(g);
        Map<Key, Entry> out = new LinkedHashMap<>();
        boolean cut = false;
        for (Model.AllocSite s : sites(g)) {
            long p = f.contextAt(s.call());
            if (Model.kindsAt(p, 0, 0) != null) continue; // under its own lock or section: judged at the allocation
            cut |= add(out, own(f, s, p));
        }
        if (left > 0) {
            for (int c = 0; c < f.callCount() && !cut; c++) {
                if (m.targets[g][c] < 0 && (m.runsInside == null || m.runsInside[g] == null)) continue;
                if (Model.kindsAt(f.contextAt(c), 0, 0) != null) continue; // its own context: that call is a root of its own
                for (Entry e : viaCall(g, c, left - 1, false)) cut |= add(out, e);
            }
        }
        if (cut) {
            m.incidents.bound(dev.gfplint.core.scan.Incidents.Bound.REACHES, f.file, f.line, "function " + f.name
                    + " reaches more than " + MAX_ENTRIES + " allocations within " + ModelBuilder.MAX_CONTEXT_DEPTH
                    + " calls; the others are not judged against an atomic context its callers hold");
        }
        List<Entry> r = out.isEmpty() ? List.of() : List.copyOf(out.values());
        memo[left][g] = r;
        return r;
    }

    /** Adds an entry unless one for the same allocation, mask and tests is there; true when the cap was hit. */
    private static boolean add(Map<Key, Entry> out, Entry e) {
        if (e == null) return false;
        Key k = new Key(e.site(), e.mask(), e.values(), e.guards());
        Entry had = out.get(k);
        if (had != null) {
            if (e.hops() < had.hops()) out.put(k, e);
            return false;
        }
        if (out.size() >= MAX_ENTRIES) return true;
        out.put(k, e);
        return false;
    }

    /** The entry of an allocation of {@code f} itself; null when its mask cannot sleep or is chosen by a context test. */
    private Entry own(FunctionFacts f, Model.AllocSite s, long p) {
        MaskExpr mask = s.mask();
        if (m.decidesByContext(mask)) return null;
        int sm = f.scopeMust(s.call()), sy = f.scopeMay(s.call());
        MaskExpr when = f.reachedWhen == null ? null : f.reachedWhen.get(s.call());
        List<MaskExpr> guards = when == null || when.params() == 0 ? List.of() : List.of(when);
        List<Mask> values = null;
        if (mask.params() == 0) {
            values = m.evaluator.eval(mask, Evaluator.Context.inFile(f.file).withScopes(sm, sy));
            if (!maySleep(s, values, sm, sy)) return null;
            mask = null;
        }
        return new Entry(s, mask, values, null, 0, ContextFlow.droppedMust(p), ContextFlow.droppedMay(p), sm, sy, guards);
    }

    /**
     * Entry {@code e} of the function called at call {@code call} of {@code f}, as seen from f: its parameters
     * filled in with the call's arguments ({@code args}; else unknown, for a function passed to the call),
     * chain, drops and scopes extended. Null when the call's arguments rule it out.
     */
    private Entry through(Entry e, FunctionFacts f, int call, boolean args, Trace.Step step, Trace.Step inside, int dm, int dy) {
        java.util.function.IntFunction<MaskExpr> bind = q -> args ? f.argOrUnknown(call, q) : MaskExpr.UNKNOWN;
        Evaluator.Context here = Evaluator.Context.inFile(f.file);
        List<MaskExpr> guards = new ArrayList<>(e.guards().size() + 1);
        for (MaskExpr gd : e.guards()) {
            MaskExpr x = gd.substitute(bind);
            if (x.params() != 0) guards.add(x);
            else if (m.evaluator.evalFeasible(x, here).isEmpty()) return null; // this call's arguments fail the test
        }
        MaskExpr when = f.reachedWhen == null ? null : f.reachedWhen.get(call);
        if (when != null && when.params() != 0) guards.add(when);
        int sm = e.scopesMust() | f.scopeMust(call), sy = e.scopesMay() | f.scopeMay(call);
        MaskExpr mask = null;
        List<Mask> values = e.values();
        if (e.mask() != null) {
            mask = e.mask().substitute(bind);
            if (mask.params() == 0) {
                if (m.decidesByContext(mask)) return null;
                values = m.evaluator.eval(mask, here.withScopes(sm, sy));
                if (!maySleep(e.site(), values, sm, sy)) return null;
                mask = null;
            }
        }
        Trace chain = e.chain();
        if (inside != null) chain = chain == null ? Trace.of(inside) : chain.after(inside);
        chain = chain == null ? Trace.of(step) : chain.after(step);
        return new Entry(e.site(), mask, values, chain, e.hops() + (inside == null ? 1 : 2), e.droppedMust() | dm,
                e.droppedMay() | dy, sm, sy, guards.isEmpty() ? List.of() : List.copyOf(guards));
    }

    /** Whether some value may sleep under the scopes, or the allocator sleeps whatever the mask. */
    private boolean maySleep(Model.AllocSite s, List<Mask> values, int sm, int sy) {
        AllocatorSemantics q = m.semantics;
        if (q.sleepsWhateverTheMask(s.allocator())) return true;
        for (Mask v : values) if (q.maySleep(q.effective(v, sm, sy)) != Tri.NO) return true;
        return false;
    }

    private List<Model.AllocSite> sites(int g) {
        List<Model.AllocSite> l = sitesOf[g];
        return l == null ? List.of() : l;
    }
}
