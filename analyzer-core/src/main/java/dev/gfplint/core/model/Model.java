package dev.gfplint.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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
    public record SiteContext(Mask raw, Mask effective, int scopesMust, int scopesMay, List<Trace.Step> chain, Atomic atomic) {}

    /** A wrapper's allocation: through {@code chain} (outermost first, starting in the wrapper), {@code site}
     *  gets {@code mask}, written in terms of the wrapper's parameters. */
    public record Reach(AllocSite site, MaskExpr mask, Trace chain) {}

    /** Parameter {@code param} of a function flows into argument {@code arg} of its call {@code call} to {@code callee}. */
    public record Forward(int param, int call, String callee, int arg, MaskExpr value) {}

    /** An allocation reached through a call to a wrapper, with what this call makes of its mask. */
    public record Through(Reach reach, List<SiteContext> contexts) {}

    /** A value a caller passes for a gfp parameter, with the chain that brings it (innermost call first);
     *  a null chain stands for several callers whose values were folded together. */
    public record Incoming(Mask value, Trace chain, Mask[] withAll, Ctx ctx) {
        public Incoming(Mask value, Trace chain, Mask[] withAll) {
            this(value, chain, withAll, Ctx.NONE);
        }

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

    /** A function the tree declares with gfp_t parameters ({@code gfpParams}, by index), first at file:line. */
    public record Declared(String name, long gfpParams, String file, int line) {
        /** The first of two declarations by path and line, with both's gfp_t parameters (so the merge is order-free). */
        static Declared first(Declared a, Declared b) {
            int c = a.file.compareTo(b.file);
            Declared f = c < 0 || c == 0 && a.line <= b.line ? a : b;
            return new Declared(f.name, a.gfpParams | b.gfpParams, f.file, f.line);
        }
    }

    /** Where an atomic context began: a lock or section taken ({@code spin_lock(&q->lock)}), or a callback's registration. */
    public record AtomicRoot(String what, int kind, String function, String file, int line, int col) {}

    /**
     * The atomic context a value travels with: kinds ({@link ExecKind}) held on every path along its chain /
     * on some path, where it began, and the calls from there (innermost first; null when it began at the call).
     */
    public record Ctx(int must, int may, AtomicRoot root, Trace chain) {
        public static final Ctx NONE = new Ctx(0, 0, null, null);

        boolean sameKinds(Ctx o) {
            return must == o.must && may == o.may;
        }

        /** Either context: kinds held in both on every path / in either on some, with the first's root and chain if it has one. */
        Ctx join(Ctx o) {
            return new Ctx(must & o.must, may | o.may, root != null ? root : o.root, root != null ? chain : o.chain);
        }
    }

    /** Atomic kinds at a call: held on every path / on some path (entry included), and by the function itself. */
    record Kinds(int must, int may, int local) {}

    /**
     * The atomic kinds at a call whose own context is {@code p} ({@link ContextFlow#pack}) in a function entered
     * with {@code em} on every path and {@code ey} on some: what the function holds there, and what it was entered
     * with less what it dropped on the way; null when nothing atomic is held, or when a test said blocking is
     * allowed on every path. Only what is held on every path through the function counts as its own: a lock
     * taken on some paths only is most often taken and dropped under the same condition (if (irq_on)
     * spin_lock(...)), which a path-insensitive merge cannot tell from a real overlap.
     */
    static Kinds kindsAt(long p, int em, int ey) {
        int lm = ContextFlow.must(p), dm = ContextFlow.droppedMust(p), dy = ContextFlow.droppedMay(p);
        if ((dm & ExecKind.ALLOWED) != 0) return null;
        em &= ~dy;
        ey &= ~dy;
        if ((dy & ExecKind.ALLOWED) != 0) em = 0;
        int must = (lm | em) & ExecKind.ATOMIC, may = (lm | ey) & ExecKind.ATOMIC;
        return may == 0 ? null : new Kinds(must, may, lm & ExecKind.ATOMIC);
    }

    /**
     * The execution context of an allocation: atomic kinds held on every path and caller ({@code must}) / on some
     * ({@code may}), where it began, and the call chain from there (outermost first; empty when it began in the
     * allocating function). Kinds held in the allocating function itself are {@code localMay}.
     */
    public record Atomic(int must, int may, int localMay, AtomicRoot root, List<Trace.Step> chain) {
        public static final Atomic NONE = new Atomic(0, 0, 0, null, List.of());

        public boolean isAtomic() {
            return (may & ExecKind.ATOMIC) != 0;
        }
    }

    /** Figures for the debug report and the acceptance. */
    public record Stats(int functions, long calls, long resolvedCalls, int duplicateNames, int sccs, int largestScc,
                        int allocationSites, int definiteFs, int definiteDirectReclaim, int wrappers,
                        int gfpMacros, String flagSource, long buildMillis) {}

    /** Wall time of each step of the build, for --model-stats ("calls 812 ms, ..."). */
    String laps = "";

    public String laps() {
        return laps;
    }

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
    /** Calls that pass a mask to a function only declared in the tree (see {@link #declaredCalls}). */
    List<AllocSite> declaredSites = List.of();
    /** Lock wrappers called from another file than their own, and the files read again for them. */
    List<String> foreignLockWrappers = List.of();
    int revisitedFiles;
    /** Calls that are passed a function they call (it runs inside them), and the functions that call a parameter. */
    int passedCalls, invokingFunctions;

    /** Calls that are passed a function they call, so that it runs in their context and scopes. */
    public int passedCalls() { return passedCalls; }
    /** Functions that call one of their parameters, themselves or through what they pass it to. */
    public int invokingFunctions() { return invokingFunctions; }

    /** The lock wrappers called from another file than their own, by name. */
    public List<String> foreignLockWrappers() { return foreignLockWrappers; }
    public int revisitedFiles() { return revisitedFiles; }
    /** The declarations of {@link #declaredSites}' functions, by name (no catalog allocator among them). */
    Map<String, Declared> declared = Map.of();
    /** Per function: atomic kinds held at its entry by every known caller / by some, where that began, and how. */
    int[] ctxMust, ctxMay;
    AtomicRoot[] ctxRoot;
    Trace[] ctxWitness;
    /** Per function registered as a callback: kinds it runs in for every registration / for some, where and how it was registered (null: none). */
    int[] cbMust, cbMay;
    AtomicRoot[] cbRoot;
    Trace[] cbWitness;
    /** Per function, the {call, function} pairs whose function runs inside the call (null: none). */
    int[][][] runsInside;
    /** Whether a call of the first function resolving to the second may be to another definition of its name. */
    ModelBuilder.Ambiguity ambiguous;
    private AtomicReach atomicReach;

    boolean ambiguousCall(int fn, int g) {
        return ambiguous != null && ambiguous.at(fn, g);
    }
    /** Per function, a lock a direct caller holds around a call to it (null: none seen). */
    String[] callerLock;
    /** Per function, how reclaim, writeback or a locked page's read reaches it (top-down, innermost first), or null. */
    Trace[] reclaimFrom;
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
        each(sites, what, body);
    }

    private void each(List<AllocSite> list, String what, java.util.function.Consumer<AllocSite> body) {
        for (AllocSite s : list) {
            FunctionFacts f = functions.get(s.fn());
            incidents.guard(f.file, f.lines[s.call()], what, () -> body.accept(s));
        }
    }

    /**
     * Calls that pass a mask to a gfp_t parameter of a function the tree declares but does not define: taken at
     * the declaration's word as allocations with that mask (their allocator is the declared function). Not in
     * {@link #allocationSites()}: rules that judge what a mask means to the allocator itself skip them.
     */
    public List<AllocSite> declaredCalls() { return Collections.unmodifiableList(declaredSites); }

    /** Like {@link #forEachSite}, over {@link #declaredCalls()}. */
    public void forEachDeclaredCall(String what, java.util.function.Consumer<AllocSite> body) {
        each(declaredSites, what, body);
    }

    /** The declaration a call of {@link #declaredCalls()} was taken from, or null for any other site. */
    public Declared declaration(AllocSite s) {
        return catalog.known(s.allocator().name()) ? null : declared.get(s.allocator().name());
    }

    public FlagTable flags() { return flags; }
    public AllocatorSemantics semantics() { return semantics; }
    public Evaluator evaluator() { return evaluator; }
    public List<FunctionFacts> functions() { return Collections.unmodifiableList(functions); }
    public FunctionFacts function(int i) { return functions.get(i); }
    public List<AllocSite> allocationSites() { return Collections.unmodifiableList(sites); }
    /** The figures, the two counts of definite masks made on the first ask (they evaluate every site: --model-stats only). */
    public synchronized Stats stats() {
        Stats s = stats;
        if (s == null || s.definiteFs() >= 0) return s;
        long fsBit = flags.bits(Flag.FS), drBit = flags.bits(Flag.DIRECT_RECLAIM);
        int[] definite = new int[2];
        forEachSite("the model's figures", site -> {
            Mask e = effectiveJoined(site);
            if (e.isDefinite(fsBit)) definite[0]++;
            if (e.isDefinite(drBit)) definite[1]++;
        });
        stats = new Stats(s.functions(), s.calls(), s.resolvedCalls(), s.duplicateNames(), s.sccs(), s.largestScc(),
                s.allocationSites(), definite[0], definite[1], s.wrappers(), s.gfpMacros(), s.flagSource(), s.buildMillis());
        return stats;
    }
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
            MaskExpr m = r.mask().substitute(q -> f.argOrUnknown(call, q));
            FunctionFacts site = functions.get(r.site().fn());
            int sm = must | site.scopeMust(r.site().call()), sy = may | site.scopeMay(r.site().call());
            List<Trace.Step> chain = new ArrayList<>();
            chain.add(into);
            chain.addAll(r.chain().steps());
            List<SiteContext> cs = new ArrayList<>();
            Atomic a = atomicAt(fn, call, null);
            for (Mask v : evaluator.eval(m, c.withScopes(sm, sy))) cs.add(context(v, sm, sy, chain, a));
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

    /**
     * What in the code says that the filesystem may be held where allocation {@code s} runs in context
     * {@code c}, so that an earlier NOFS mask on its path is a constraint, not caution: a lock held there (by
     * the function, or by its direct caller around the call), an atomic context of its callers, reclaim or
     * writeback or a page-cache read with the page locked running it (an operations table's member, a shrinker,
     * a filler: {@link ModelBuilder#MAX_RECLAIM_DEPTH} calls deep at most), or callers that pass it a mask that
     * may reclaim but not enter the filesystem. Null when nothing does (mount, init and creation code, where an
     * earlier GFP_NOFS is usually over-cautious).
     */
    public String nofsEvidence(AllocSite s, SiteContext c) {
        FunctionFacts f = functions.get(s.fn());
        String own = lockHeldAt(f, s.call()); // a lock of its own, mutexes too
        if (own != null) return own + " is held there";
        if (callerLock != null && callerLock[s.fn()] != null) return callerLock[s.fn()] + " is held around the call";
        Trace r = reclaimFrom == null ? null : reclaimFrom[s.fn()];
        if (r != null) { // reclaim, writeback or a locked page's read runs it
            List<Trace.Step> path = r.reversedSteps();
            String how = path.get(0).describe();
            int calls = path.size() - 1;
            return calls == 0 ? how : how + ", and reaches " + f.name + " through " + (calls == 1 ? "one call" : calls + " calls");
        }
        Atomic a = c.atomic();
        if (a != null && (a.must() | a.may()) != 0 && a.root() != null) { // an atomic context of its callers
            return a.root().what() + " is held there (taken in " + a.root().function() + ")";
        }
        long fs = flags.bits(Flag.FS), dr = flags.bits(Flag.DIRECT_RECLAIM);
        for (long ps = f.gfpParams; ps != 0; ps &= ps - 1) {
            int p = Long.numberOfTrailingZeros(ps);
            for (Incoming in : incoming(s.fn(), p)) {
                Mask v = in.value();
                if (fs != 0 && v.hasAny(fs) == Tri.NO && v.hasAny(dr) == Tri.YES) {
                    return "callers pass " + flags.describe(v) + " in its parameter " + f.paramNames[p];
                }
            }
        }
        return null;
    }

    /** The masks the allocation may see: one context per path value and per value callers pass. */
    public List<SiteContext> contexts(AllocSite s) {
        return computeContexts(s);
    }

    private List<SiteContext> computeContexts(AllocSite s) {
        FunctionFacts f = functions.get(s.fn());
        int must = f.scopeMust(s.call()) | entryMust[s.fn()];
        int may = f.scopeMay(s.call()) | entryMay[s.fn()];
        List<Trace.Step> scopeChain = (f.scopeMay(s.call()) == 0 && entryMay[s.fn()] != 0) ? scopeWitness(s.fn()) : List.of();
        List<SiteContext> out = new ArrayList<>();
        long deps = s.mask().params();
        Evaluator.Context base = Evaluator.Context.inFile(f.file).withScopes(must, may);
        if (deps == 0) {
            Atomic a = atomicAt(s.fn(), s.call(), reachingCallers(s));
            if (decidesByContext(s.mask())) a = Atomic.NONE;
            for (Mask m : evaluator.eval(s.mask(), base)) out.add(context(m, must, may, scopeChain, a));
            return out;
        }
        int p0 = Long.numberOfTrailingZeros(deps);
        List<Incoming> in = incoming(s.fn(), p0);
        if (in.isEmpty()) {
            Atomic a = atomicAt(s.fn(), s.call(), null);
            for (Mask m : evaluator.eval(s.mask(), base)) out.add(context(m, must, may, scopeChain, a));
            return out;
        }
        for (Incoming inc : in) {
            Evaluator.Context c = withCaller(base, s.fn(), p0, inc);
            List<Trace.Step> chain = inc.chain() == null ? List.of() : inc.chain().reversedSteps();
            Atomic a = decidesByContext(s.mask()) ? Atomic.NONE : atomicAt(s.fn(), s.call(), inc.ctx());
            for (Mask m : evaluator.evalFeasible(s.mask(), c)) out.add(context(m, must, may, chain, a));
        }
        if (out.isEmpty()) out.add(context(Mask.UNKNOWN, must, may, scopeChain, atomicAt(s.fn(), s.call(), null))); // no caller's value reaches it
        return out;
    }

    private SiteContext context(Mask raw, int must, int may, List<Trace.Step> chain, Atomic atomic) {
        return new SiteContext(raw, semantics.effective(raw, must, may), must, may, chain, atomic);
    }

    /**
     * The execution context at call {@code call} of {@code fn}: what the function holds there, and what it was
     * entered with: {@code via}, the context that came with a caller's value, or else what its callers hold
     * (every caller for {@code must}, some caller for {@code may}), less what the function dropped on the way.
     * A path that passed a test saying blocking is allowed ({@code gfpflags_allow_blocking()}) has no context.
     */
    public Atomic atomicAt(int fn, int call, Ctx via) {
        FunctionFacts f = functions.get(fn);
        long p = f.contextAt(call);
        AtomicRoot root;
        List<Trace.Step> chain;
        int em, ey;
        if (via != null) {
            em = via.must();
            ey = via.may();
            root = via.root();
            chain = via.chain() == null ? List.of() : via.chain().reversedSteps();
        } else {
            em = ctxMust == null ? 0 : ctxMust[fn];
            ey = ctxMay == null ? 0 : ctxMay[fn];
            root = ctxRoot == null ? null : ctxRoot[fn];
            chain = ctxWitness == null || ctxWitness[fn] == null ? List.of() : ctxWitness[fn].reversedSteps();
        }
        Kinds k = kindsAt(p, em, ey);
        if (k == null) return Atomic.NONE;
        if (k.local() != 0) {
            root = localRoot(f, p);
            chain = List.of();
        }
        return new Atomic(k.must(), k.may(), k.local(), root, chain);
    }

    /**
     * The atomic context function {@code fn} holds itself at call {@code call}: a lock or section it takes
     * there on every path, or the context it runs in as a registered callback (a hard-irq handler, a timer),
     * less what it dropped on the way; {@link Atomic#NONE} otherwise. Unlike {@link #atomicAt} it does not
     * depend on the function's callers: what they hold is theirs to report, at their call.
     */
    public Atomic ownAtomicAt(int fn, int call) {
        FunctionFacts f = functions.get(fn);
        long p = f.contextAt(call);
        int em = cbMust == null ? 0 : cbMust[fn], ey = cbMay == null ? 0 : cbMay[fn];
        Kinds k = kindsAt(p, em, ey);
        if (k == null) return Atomic.NONE;
        if (k.local() != 0) return new Atomic(k.must(), k.may(), k.local(), localRoot(f, p), List.of());
        return new Atomic(k.must(), k.may(), 0, cbRoot[fn], cbWitness[fn].steps());
    }

    /** The masks allocation {@code s} may see (as {@link #contexts}), each with the context its own function holds ({@link #ownAtomicAt}). */
    public List<SiteContext> ownContexts(AllocSite s) {
        Atomic a = decidesByContext(s.mask()) ? Atomic.NONE : ownAtomicAt(s.fn(), s.call());
        List<SiteContext> out = new ArrayList<>();
        for (SiteContext c : computeContexts(s)) {
            out.add(new SiteContext(c.raw(), c.effective(), c.scopesMust(), c.scopesMay(), c.chain(), a));
        }
        return out;
    }

    /**
     * An allocation that call {@code call} of {@code fn}, made in an atomic context {@code fn} holds itself
     * ({@link #ownAtomicAt}), reaches through at most {@link ModelBuilder#MAX_CONTEXT_DEPTH} calls, with the masks
     * this call gives it: one context per value, its atomic context the one held at the call less what the calls
     * on the way drop, its chain from the call to the allocating function.
     */
    public record Reached(int fn, int call, AllocSite site, List<SiteContext> contexts) {}

    /**
     * Runs {@code body} on what every call made in an atomic context reaches ({@link Reached}), function by
     * function and call by call; what it throws for one function (a bug) is recorded as an internal error of
     * {@code what} in that function's file, and the others are still handled.
     */
    public void forEachReachedInContext(String what, java.util.function.Consumer<Reached> body) {
        if (atomicReach == null) atomicReach = new AtomicReach(this);
        for (int fn = 0; fn < functions.size(); fn++) {
            FunctionFacts f = functions.get(fn);
            if (f.contextAt == null && (cbMay == null || cbMay[fn] == 0)) continue; // holds nothing and runs in no callback context
            final int g = fn;
            incidents.guard(f.file, f.line, what, () -> {
                for (int c = 0; c < f.callCount(); c++) {
                    for (Reached r : reachedInContext(g, c)) body.accept(r);
                }
            });
        }
    }

    private List<Reached> reachedInContext(int fn, int call) {
        Atomic own = ownAtomicAt(fn, call);
        if (!own.isAtomic()) return List.of();
        FunctionFacts f = functions.get(fn);
        List<AtomicReach.Entry> entries = atomicReach.viaCall(fn, call, ModelBuilder.MAX_CONTEXT_DEPTH - 1, true);
        if (entries.isEmpty()) return List.of();
        List<Reached> out = new ArrayList<>();
        for (AtomicReach.Entry e : entries) {
            // what the calls on the way dropped of the context held at the call, as a callee's own entry would
            Kinds k = kindsAt(ContextFlow.pack(0, 0, e.droppedMust(), e.droppedMay(), -1), own.must(), own.may());
            if (k == null) continue;
            List<Trace.Step> chain = new ArrayList<>(own.chain());
            chain.addAll(e.chain().steps());
            Atomic a = new Atomic(k.must(), k.may(), 0, own.root(), chain);
            int sm = e.scopesMust() | f.scopeMust(call) | entryMust[fn], sy = e.scopesMay() | f.scopeMay(call) | entryMay[fn];
            List<SiteContext> cs = new ArrayList<>();
            long deps = e.mask() == null ? 0 : e.mask().params();
            for (MaskExpr g : e.guards()) deps |= g.params();
            Evaluator.Context base = Evaluator.Context.inFile(f.file).withScopes(sm, sy);
            if (deps == 0) {
                addContexts(cs, e, base, sm, sy, chain, a);
            } else {
                int p0 = Long.numberOfTrailingZeros(deps);
                List<Incoming> in = incoming(fn, p0);
                if (in.isEmpty()) addContexts(cs, e, base, sm, sy, chain, a);
                for (Incoming inc : in) addContexts(cs, e, withCaller(base, fn, p0, inc), sm, sy, chain, a);
            }
            if (!cs.isEmpty()) out.add(new Reached(fn, call, e.site(), cs));
        }
        return out;
    }

    /**
     * {@code base} with function {@code fn}'s parameters as one caller's call gives them: {@code inc} for
     * parameter {@code p0}, what the same call passed for the others, else what all callers pass, joined.
     */
    private Evaluator.Context withCaller(Evaluator.Context base, int fn, int p0, Incoming inc) {
        return base.withParams(i -> {
            if (i == p0) return List.of(inc.value());
            List<Mask> w = inc.with(i);
            return w != null ? w : joinedIncoming(fn, i);
        });
    }

    /** The contexts of entry {@code e} where the caller's parameters are as {@code c} says; none when its tests fail there. */
    private void addContexts(List<SiteContext> out, AtomicReach.Entry e, Evaluator.Context c, int sm, int sy,
                             List<Trace.Step> chain, Atomic a) {
        for (MaskExpr g : e.guards()) if (evaluator.evalFeasible(g, c).isEmpty()) return;
        if (e.mask() != null && decidesByContext(e.mask())) return;
        List<Mask> vs = e.mask() == null ? e.values() : evaluator.eval(e.mask(), c);
        for (Mask v : vs) out.add(context(v, sm, sy, chain, a));
    }

    /**
     * For an allocation reached only where tests of parameters hold ({@code if (!nofail) return
     * kmalloc(.., GFP_ATOMIC); return kmalloc(.., GFP_KERNEL);}), the context of the callers whose values make
     * the tests hold, joined; null when the allocation is not guarded or no caller's value is known (then what
     * every caller holds applies).
     */
    private Ctx reachingCallers(AllocSite s) {
        return reachingCallers(evaluator, functions.get(s.fn()), s.call(), p -> incoming(s.fn(), p));
    }

    /**
     * For call {@code call} of {@code f}, reached only where tests of f's parameters hold, the joined context of
     * the callers whose values make the tests hold; null when the call is not guarded or no value is known.
     */
    static Ctx reachingCallers(Evaluator evaluator, FunctionFacts f, int call, java.util.function.IntFunction<List<Incoming>> incoming) {
        MaskExpr when = f.reachedWhen == null ? null : f.reachedWhen.get(call);
        if (when == null || when.params() == 0) return null;
        int p0 = Long.numberOfTrailingZeros(when.params());
        List<Incoming> in = incoming.apply(p0);
        if (in == null || in.isEmpty()) return null;
        Ctx r = null;
        for (Incoming inc : in) {
            if (inc.chain() == null) return null; // folded values: no single context to follow
            Evaluator.Context c = Evaluator.Context.inFile(f.file).withParams(i -> {
                if (i == p0) return List.of(inc.value());
                return inc.with(i);
            });
            if (evaluator.evalFeasible(when, c).isEmpty()) continue;
            r = r == null ? inc.ctx() : r.join(inc.ctx());
        }
        return r == null ? Ctx.NONE : r;
    }

    /** Whether a mask is chosen by a test of the context ({@code in_interrupt() ? GFP_ATOMIC : GFP_NOIO}). */
    boolean decidesByContext(MaskExpr m) {
        if (m == null) return false;
        if (m.kind() == MaskExpr.Kind.CALL && catalog.contextTest(m.name()) != null) return true;
        for (MaskExpr k : m.kids()) if (decidesByContext(k)) return true;
        return false;
    }

    /**
     * The lock (spinlock, mutex, rw_semaphore) or atomic section the function holds at call {@code call} on some
     * path, described; null when it holds none. A sleepable lock is named when the function takes only one (the
     * packed context names atomic items only).
     */
    static String lockHeldAt(FunctionFacts f, int call) {
        long p = f.contextAt(call);
        if ((ContextFlow.may(p) & (ExecKind.ATOMIC | ExecKind.SLEEPABLE.bit())) == 0) return null;
        AtomicRoot r = localRoot(f, p);
        if (r != null) return r.what();
        ContextFlow.Held only = null;
        int count = 0;
        for (ContextFlow.Held h : f.held) if (h.kind() == ExecKind.SLEEPABLE.bit()) { only = h; count++; }
        return count == 1 ? only.describe() : "a sleepable lock (mutex, rw_semaphore)";
    }

    static AtomicRoot localRoot(FunctionFacts f, long p) {
        int i = ContextFlow.item(p);
        if (i < 0 || i >= f.held.size()) return null;
        ContextFlow.Held h = f.held.get(i);
        return new AtomicRoot(h.describe(), h.kind(), f.name, f.file, h.line(), h.col());
    }

    /** Whether the function holds a raw spinlock at call {@code call} (on some path): atomic even on PREEMPT_RT. */
    public boolean rawSpinAt(int fn, int call) {
        long p = functions.get(fn).contextAt(call);
        return (ContextFlow.must(p) & ExecKind.RAW.bit()) != 0 && (ContextFlow.droppedMay(p) & ExecKind.ALLOWED) == 0;
    }

    List<Mask> joinedIncoming(int fn, int p) {
        List<Incoming> in = incoming(fn, p);
        if (in.isEmpty()) return null;
        Mask m = in.get(0).value();
        for (Incoming x : in) m = m.join(x.value());
        return List.of(m);
    }

    private Map<Integer, List<AllocSite>> sitesByFn;

    /**
     * Whether {@code s} is a first, lighter attempt: its mask is the function's gfp parameter with
     * {@code __GFP_NORETRY} added or direct reclaim cleared ({@code gfp | __GFP_NORETRY | __GFP_NOWARN},
     * {@code gfp & ~__GFP_DIRECT_RECLAIM}), and a later allocation of the same function, on a path after it,
     * asks with that parameter's mask as it is. Such an attempt is meant to fail fast whatever the caller passed.
     */
    public boolean isLightFirstAttempt(AllocSite s) {
        long ps = s.mask().params();
        if (Long.bitCount(ps) != 1) return false;
        int p = Long.numberOfTrailingZeros(ps);
        FunctionFacts f = functions.get(s.fn());
        Evaluator.Context ctx = Evaluator.Context.inFile(f.file);
        if (lightened(s.mask(), p, ctx, false) != Boolean.TRUE) return false;
        if (sitesByFn == null) {
            Map<Integer, List<AllocSite>> m = new java.util.HashMap<>();
            for (AllocSite x : sites) m.computeIfAbsent(x.fn(), k -> new ArrayList<>(2)).add(x);
            sitesByFn = m;
        }
        List<AllocSite> mine = sitesByFn.getOrDefault(s.fn(), List.of());
        if (mine.size() < 2) return false;
        int[] before = f.earliestBefore(c -> c == s.call());
        for (AllocSite t : mine) {
            if (t.call() == s.call() || before[t.call()] != s.call() || t.mask().params() != ps) continue;
            if (lightened(t.mask(), p, ctx, false) == Boolean.FALSE) return true;
        }
        return false;
    }

    /**
     * For a mask built from parameter {@code p} by ORing and clearing constant bits: TRUE when that adds
     * __GFP_NORETRY or clears __GFP_DIRECT_RECLAIM, FALSE when it does neither, null for any other shape.
     */
    private Boolean lightened(MaskExpr m, int p, Evaluator.Context ctx, boolean light) {
        switch (m.kind()) {
            case PARAM:
                return m.params() == 1L << p ? light : null;
            case GUARD: // the value on the path its test leads to
                return m.kid(0).params() == 1L << p ? lightened(m.kid(1), p, ctx, light) : null;
            case BINARY: {
                if (m.kids().size() != 2) return null;
                MaskExpr a = m.kid(0), b = m.kid(1);
                if ("|".equals(m.name())) {
                    if (a.params() != 0 && b.params() == 0) return lightened(a, p, ctx, light || has(b, Flag.NORETRY, ctx));
                    if (b.params() != 0 && a.params() == 0) return lightened(b, p, ctx, light || has(a, Flag.NORETRY, ctx));
                    return null;
                }
                if ("&".equals(m.name()) && b.kind() == MaskExpr.Kind.UNARY && "~".equals(b.name()) && b.params() == 0) {
                    return lightened(a, p, ctx, light || has(b.kid(0), Flag.DIRECT_RECLAIM, ctx));
                }
                return null;
            }
            default:
                return null;
        }
    }

    private boolean has(MaskExpr constant, Flag flag, Evaluator.Context ctx) {
        Mask v = evaluator.evalJoined(constant, ctx);
        long bit = flags.bits(flag);
        return v.isConstant() && bit != 0 && (v.value() & bit) == bit;
    }

    /** All contexts of a site joined: what is true of the allocation however it is reached. */
    public Mask effectiveJoined(AllocSite s) {
        Mask m = null;
        for (SiteContext c : contexts(s)) m = m == null ? c.effective() : m.join(c.effective());
        return m == null ? Mask.UNKNOWN : m;
    }
}
