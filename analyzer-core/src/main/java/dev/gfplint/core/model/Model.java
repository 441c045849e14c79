package dev.gfplint.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The allocator-semantics model of a scanned tree: every function's facts, the call graph, per-function
 * summaries (wrappers, values callers pass, scopes callers hold), and the allocation sites with the masks
 * they may see. Built by {@link ModelBuilder}; read by rules.
 */
public final class Model {
    /** An allocation: call {@code call} of function {@code fn} reaches {@code allocator} with {@code mask}. */
    public record AllocSite(int fn, int call, Catalog.Allocator allocator, MaskExpr mask) {}

    /**
     * One way an allocation can be reached: the mask as written ({@code raw}), what the allocator acts on
     * under the open scopes ({@code effective}), those scopes, and the call chain (outermost call first)
     * that supplied the mask or the scope; empty when the site's own function decides everything.
     */
    public record SiteContext(Mask raw, Mask effective, int scopesMust, int scopesMay, List<Trace.Step> chain) {}

    /** A wrapper's allocation: through {@code chain} (outermost first, starting in the wrapper), {@code site}
     *  gets {@code mask}, written in terms of the wrapper's parameters. */
    public record Reach(AllocSite site, MaskExpr mask, Trace chain) {}

    /** Parameter {@code param} of a function flows into argument {@code arg} of its call {@code call} to {@code callee}. */
    public record Forward(int param, int call, String callee, int arg, MaskExpr value) {}

    /** An allocation reached through a call to a wrapper, with what this call makes of its mask. */
    public record Through(Reach reach, List<SiteContext> contexts) {}

    /** A value a caller passes for a gfp parameter, with the chain that brings it (innermost call first);
     *  a null chain stands for several callers whose values were folded together. */
    public record Incoming(Mask value, Trace chain, Mask[] withAll) {
        /** What the same call passed for parameter {@code i}, or null when not known. */
        public List<Mask> with(int i) {
            return withAll == null || i >= withAll.length || withAll[i] == null ? null : List.of(withAll[i]);
        }

        /** Element-wise join (unknown where either is unknown); returns {@code a} itself when nothing changes. */
        static Mask[] joinWith(Mask[] a, Mask[] b) {
            if (a == null || b == null) return null;
            if (java.util.Arrays.equals(a, b)) return a;
            Mask[] r = new Mask[Math.min(a.length, b.length)];
            for (int i = 0; i < r.length; i++) r[i] = a[i] == null || b[i] == null ? null : a[i].join(b[i]);
            return r;
        }
    }

    /** Figures for the debug report and the acceptance. */
    public record Stats(int functions, long calls, long resolvedCalls, int duplicateNames, int sccs, int largestScc,
                        int allocationSites, int definiteFs, int definiteDirectReclaim, int wrappers,
                        int gfpMacros, String flagSource, long buildMillis) {}

    final KernelVersion version;
    final FlagTable flags;
    final Catalog.View catalog;
    final Evaluator evaluator;
    final AllocatorSemantics semantics;
    final List<FunctionFacts> functions;
    final int[][] targets;
    final List<AllocSite> sites;
    final List<List<Reach>> reaches;
    final List<Incoming>[][] incoming;
    final int[] entryMust;
    final int[] entryMay;
    final Trace[] scopeWitness;
    final int[] callers;
    final List<String> duplicateNames;
    TreeMacros treeMacros;
    Stats stats;
    final dev.gfplint.core.scan.Incidents incidents;

    Model(KernelVersion version, FlagTable flags, Catalog.View catalog, Evaluator evaluator, List<FunctionFacts> functions,
          int[][] targets, List<AllocSite> sites, List<List<Reach>> reaches, List<Incoming>[][] incoming,
          int[] entryMust, int[] entryMay, Trace[] scopeWitness, int[] callers, List<String> duplicateNames,
          dev.gfplint.core.scan.Incidents incidents) {
        this.incidents = incidents;
        this.version = version;
        this.flags = flags;
        this.catalog = catalog;
        this.evaluator = evaluator;
        this.semantics = new AllocatorSemantics(version, flags, catalog);
        this.functions = functions;
        this.targets = targets;
        this.sites = sites;
        this.reaches = reaches;
        this.incoming = incoming;
        this.entryMust = entryMust;
        this.entryMay = entryMay;
        this.scopeWitness = scopeWitness;
        this.callers = callers;
        this.duplicateNames = duplicateNames;
    }

    public KernelVersion version() { return version; }
    /** Where internal errors and bounds reached while the model is asked are recorded. */
    public dev.gfplint.core.scan.Incidents incidents() { return incidents; }

    /**
     * Runs {@code body} on every allocation site in order; whatever it throws for one site (a bug) is recorded
     * as an internal error of {@code what} in that site's file, and the other sites are still handled.
     */
    public void forEachSite(String what, java.util.function.Consumer<AllocSite> body) {
        for (AllocSite s : sites) {
            FunctionFacts f = functions.get(s.fn());
            incidents.guard(f.file, f.lines[s.call()], what, () -> body.accept(s));
        }
    }
    public FlagTable flags() { return flags; }
    public AllocatorSemantics semantics() { return semantics; }
    public Evaluator evaluator() { return evaluator; }
    public List<FunctionFacts> functions() { return Collections.unmodifiableList(functions); }
    public FunctionFacts function(int i) { return functions.get(i); }
    public List<AllocSite> allocationSites() { return Collections.unmodifiableList(sites); }
    public Stats stats() { return stats; }
    /** The tree's gfp-related macro definitions, by file and line. */
    public List<MacroDef> treeMacros() { return treeMacros == null ? List.of() : treeMacros.all(); }
    /** Global function names defined more than once (resolved to the first by path). */
    public List<String> duplicateNames() { return Collections.unmodifiableList(duplicateNames); }

    /** The index of the function a call resolves to, or -1 (unknown callee, call through a pointer). */
    public int target(int fn, int call) {
        return targets[fn][call];
    }

    /** The index of a function by name and file, or -1. */
    public int find(String name, String file) {
        for (int i = 0; i < functions.size(); i++) {
            FunctionFacts f = functions.get(i);
            if (f.name.equals(name) && (file == null || f.file.equals(file))) return i;
        }
        return -1;
    }

    /** Whether the function passes one of its parameters, directly or through other wrappers, to an allocator. */
    public boolean isWrapper(int fn) {
        return !reaches.get(fn).isEmpty();
    }

    /** Which of its parameters a function passes on, to which call and argument (gfp-relevant arguments only). */
    public List<Forward> forwards(int fn) {
        FunctionFacts f = functions.get(fn);
        List<Forward> out = new ArrayList<>();
        for (int c = 0; c < f.callCount(); c++) {
            MaskExpr[] as = f.args(c);
            if (as == null) continue;
            for (int a = 0; a < as.length; a++) {
                if (as[a] == null) continue;
                for (long ps = as[a].params(); ps != 0; ps &= ps - 1) {
                    out.add(new Forward(Long.numberOfTrailingZeros(ps), c, f.callees[c], a, as[a]));
                }
            }
        }
        return out;
    }

    /** The allocations a wrapper reaches with its parameters in the mask. */
    public List<Reach> reaches(int fn) {
        return Collections.unmodifiableList(reaches.get(fn));
    }

    /**
     * The allocations that call {@code call} of {@code fn} reaches when its callee is a wrapper, each with the
     * masks this call gives it: the wrapper's parameters replaced by this call's arguments, under the scopes
     * open at this call. This is where {@code my_alloc(n, GFP_NOFS)} is judged against the allocator it reaches.
     */
    public List<Through> throughCall(int fn, int call) {
        int g = targets[fn][call];
        if (g < 0 || reaches.get(g).isEmpty()) return List.of();
        FunctionFacts f = functions.get(fn);
        int must = f.scopeMust(call) | entryMust[fn], may = f.scopeMay(call) | entryMay[fn];
        Trace.Step into = new Trace.Step(f.name, f.file, f.lines[call], f.cols[call], f.callees[call]);
        Evaluator.Context c = Evaluator.Context.inFile(f.file).withScopes(must, may).withParams(i -> joinedIncoming(fn, i));
        List<Through> out = new ArrayList<>();
        for (Reach r : reaches.get(g)) {
            MaskExpr m = r.mask().substitute(q -> {
                MaskExpr a = f.arg(call, q);
                return a == null ? MaskExpr.UNKNOWN : a;
            });
            FunctionFacts site = functions.get(r.site().fn());
            int sm = must | site.scopeMust(r.site().call()), sy = may | site.scopeMay(r.site().call());
            List<Trace.Step> chain = new ArrayList<>();
            chain.add(into);
            chain.addAll(r.chain().steps());
            List<SiteContext> cs = new ArrayList<>();
            for (Mask v : evaluator.eval(m, c.withScopes(sm, sy))) cs.add(context(v, sm, sy, chain));
            out.add(new Through(r, cs));
        }
        return out;
    }

    /** What callers pass for parameter {@code p} of {@code fn} (kept for gfp_t parameters and parameters that reach an allocation). */
    public List<Incoming> incoming(int fn, int p) {
        List<Incoming>[] in = incoming[fn];
        return in == null || p >= in.length || in[p] == null ? List.of() : Collections.unmodifiableList(in[p]);
    }

    /** Scopes open at entry to {@code fn} in every known caller (0 if it has none) and in some caller. */
    public int entryScopesMust(int fn) { return entryMust[fn]; }
    public int entryScopesMay(int fn) { return entryMay[fn]; }
    /** A call chain (outermost first) through which {@code fn} is entered with a scope open, or empty. */
    public List<Trace.Step> scopeWitness(int fn) {
        return scopeWitness[fn] == null ? List.of() : scopeWitness[fn].reversedSteps();
    }
    public int callerCount(int fn) { return callers[fn]; }

    /** Whether {@code file} is in the storage stack, where a NOFS/NOIO mask is a constraint of the context. */
    public boolean isStorageCode(String file) { return catalog.isStorageCode(file); }

    /** The masks the allocation may see: one context per path value and per value callers pass. */
    public List<SiteContext> contexts(AllocSite s) {
        FunctionFacts f = functions.get(s.fn());
        int must = f.scopeMust(s.call()) | entryMust[s.fn()];
        int may = f.scopeMay(s.call()) | entryMay[s.fn()];
        List<Trace.Step> scopeChain = (f.scopeMay(s.call()) == 0 && entryMay[s.fn()] != 0) ? scopeWitness(s.fn()) : List.of();
        List<SiteContext> out = new ArrayList<>();
        long deps = s.mask().params();
        Evaluator.Context base = Evaluator.Context.inFile(f.file).withScopes(must, may);
        if (deps == 0) {
            for (Mask m : evaluator.eval(s.mask(), base)) out.add(context(m, must, may, scopeChain));
            return out;
        }
        int p0 = Long.numberOfTrailingZeros(deps);
        List<Incoming> in = incoming(s.fn(), p0);
        if (in.isEmpty()) {
            for (Mask m : evaluator.eval(s.mask(), base)) out.add(context(m, must, may, scopeChain));
            return out;
        }
        for (Incoming inc : in) {
            Evaluator.Context c = base.withParams(i -> {
                if (i == p0) return List.of(inc.value());
                List<Mask> w = inc.with(i);
                return w != null ? w : joinedIncoming(s.fn(), i);
            });
            List<Trace.Step> chain = inc.chain() == null ? List.of() : inc.chain().reversedSteps();
            for (Mask m : evaluator.evalFeasible(s.mask(), c)) out.add(context(m, must, may, chain));
        }
        if (out.isEmpty()) out.add(context(Mask.UNKNOWN, must, may, scopeChain)); // no caller's value reaches it
        return out;
    }

    private SiteContext context(Mask raw, int must, int may, List<Trace.Step> chain) {
        return new SiteContext(raw, semantics.effective(raw, must, may), must, may, chain);
    }

    List<Mask> joinedIncoming(int fn, int p) {
        List<Incoming> in = incoming(fn, p);
        if (in.isEmpty()) return null;
        Mask m = in.get(0).value();
        for (Incoming x : in) m = m.join(x.value());
        return List.of(m);
    }

    /** All contexts of a site joined: what is true of the allocation however it is reached. */
    public Mask effectiveJoined(AllocSite s) {
        Mask m = null;
        for (SiteContext c : contexts(s)) m = m == null ? c.effective() : m.join(c.effective());
        return m == null ? Mask.UNKNOWN : m;
    }
}
