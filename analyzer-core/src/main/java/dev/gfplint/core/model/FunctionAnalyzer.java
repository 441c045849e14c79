package dev.gfplint.core.model;

import dev.gfplint.core.ir.Assignment;
import dev.gfplint.core.ir.CallSite;
import dev.gfplint.core.ir.Cfg;
import dev.gfplint.core.ir.CfgNode;
import dev.gfplint.core.ir.Edge;
import dev.gfplint.core.ir.Expr;
import dev.gfplint.core.ir.Function;
import dev.gfplint.core.ir.OpsTable;
import dev.gfplint.core.ir.Parameter;
import dev.gfplint.core.ir.SourcePos;
import dev.gfplint.core.ir.Stmt;
import dev.gfplint.core.lex.IntList;
import dev.gfplint.core.scan.Incidents;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The per-function half of the model, run on each function while its file's IR exists: evaluates which gfp
 * values locals hold along the CFG (per path, as CHOICEs), tracks the memalloc scopes open at each call, and
 * keeps the result as {@link FunctionFacts}. Everything that needs the whole tree (macros from headers, the
 * callers' values, callees' summaries) is left symbolic for {@link ModelBuilder}.
 */
public final class FunctionAnalyzer {
    /** A node is revisited at most this often before the locals it changes are widened to UNKNOWN. */
    private static final int WIDEN_AFTER = 4;
    /**
     * The most work (locals' values carried into nodes) the values of locals may take in one function; beyond
     * it they are taken as unknown and a note says so. Linux's largest functions take well under a hundredth.
     */
    static final long VALUE_FLOW_BUDGET = 20_000_000;
    /** Visits per CFG node the scope analysis may make (it converges in a few; this only bounds a bug). */
    static final int SCOPE_VISITS_PER_NODE = 50;

    private static final String[] NO_NAMES = new String[0];
    private static final java.util.regex.Pattern FIXED_WIDTH = java.util.regex.Pattern.compile("\\b(u|s|__u)(32|64)\\b");

    /** One copy of each name across the whole tree (cheaper than String.intern, which every GC scans). */
    private final dev.gfplint.core.cache.Interner names = new dev.gfplint.core.cache.Interner();

    String canonical(String s) {
        return names.intern(s);
    }

    /** The table of {@link #canonical}, for names read back from the cache. */
    dev.gfplint.core.cache.Interner names() {
        return names;
    }

    private final Catalog.View catalog;
    private final boolean restoreClearsOwn;
    private final Incidents incidents;

    public FunctionAnalyzer(Catalog.View catalog) {
        this(catalog, new dev.gfplint.core.scan.Incidents());
    }

    /** {@code incidents}: where to say that a function's analysis reached a bound. */
    public FunctionAnalyzer(Catalog.View catalog, dev.gfplint.core.scan.Incidents incidents) {
        this.catalog = catalog;
        this.incidents = incidents;
        this.restoreClearsOwn = "clears-own".equals(catalog.behaviour("scope", "restore"));
        this.contexts = new ContextFlow(catalog, incidents);
    }

    private final ContextFlow contexts;

    private static final class Ctx {
        Function f;
        String file;
        Cfg cfg;
        Map<String, Integer> paramIndex = new HashMap<>();
        Set<String> locals = new HashSet<>();
        Set<String> gfpLocals = new HashSet<>();
        long maskParams;
        /** gfp_t and bool parameters the function never assigns: branches on them refine values. */
        long testedParams;
        /** The tested parameters whose tests refine values (gfp_t and bool); integer ones only say which calls are reached. */
        long valueTested;
        /** Tested parameters the function assigns: a test of one counts only where no path has assigned it yet. */
        long assignedParams;
        /** Per node, the branch conditions on {@link #testedParams} that hold on every path to it; null if none. */
        Map<CfgNode, List<MaskExpr>> guardsIn;
        Map<CfgNode, MaskExpr> conds;
        /** The file's #defines, for the integers they stand for ({@link #fileInteger}); null when not given. */
        dev.gfplint.core.ir.MacroTable macros;
        /** Branches whose whole condition is not about parameters, but which say something on one edge ({@link #conjuncts}). */
        Map<CfgNode, List<MaskExpr>> partTrue, partFalse;
        /** Bounds reached: a local's values became unknown because there were too many or they got too large,
         *  or because a loop still changed them after {@link #WIDEN_AFTER} passes. */
        boolean valuesCut;
        boolean widened;
        /** Per branch edge, the last values refined along it and the result ({@link #refined}). */
        Map<Edge, Object[]> refineCache;
    }

    public FunctionFacts analyze(Function f, String file) {
        return analyze(f, file, Map.of(), null);
    }

    /**
     * The lock wrappers among a file's functions: those that return holding a lock or section they took, or
     * having released one of their caller's, with that effect; computed to a fixed point (a wrapper of a
     * wrapper). {@code results} receives each function's context as computed with the final wrappers.
     */
    public Map<String, ContextFlow.Effect> lockWrappers(List<Function> fs, String file, Map<Function, ContextFlow.Result> results) {
        return lockWrappers(fs, file, results, Map.of());
    }

    /**
     * Like {@link #lockWrappers(List, String, Map)}, knowing already the effects of {@code foreign}: lock wrappers
     * defined in other files (a name the file defines itself is its own).
     */
    public Map<String, ContextFlow.Effect> lockWrappers(List<Function> fs, String file, Map<Function, ContextFlow.Result> results,
                                                        Map<String, ContextFlow.Effect> foreign) {
        Map<String, ContextFlow.Effect> wrappers = new HashMap<>(foreign);
        for (Function f : fs) wrappers.remove(f.name());
        java.util.Set<String> changed = null; // null: the first round, every function is computed
        for (int round = 0; round < 4; round++) {
            java.util.Set<String> now = new java.util.HashSet<>();
            for (Function f : fs) {
                if (changed != null && !calls(f, changed)) continue; // its context cannot have changed
                if (!contexts.relevant(f, wrappers)) continue;
                ContextFlow.Result r = contexts.analyze(f, file, wrappers);
                results.put(f, r);
                if (r.exitAcquires() == 0 && r.exitReleases() == 0) {
                    if (wrappers.remove(f.name()) != null) now.add(f.name());
                    continue;
                }
                ContextFlow.Effect e = new ContextFlow.Effect(r.exitAcquires(), r.exitReleases());
                if (!e.equals(wrappers.put(f.name(), e))) now.add(f.name());
            }
            if (now.isEmpty()) break;
            changed = now;
        }
        return wrappers;
    }

    private static boolean calls(Function f, java.util.Set<String> names) {
        if (f.cfg() == null) return false;
        for (CfgNode n : f.cfg().nodes()) for (CallSite cs : n.calls()) if (cs.callee() != null && names.contains(cs.callee())) return true;
        return false;
    }

    /** {@code wrappers}: the file's lock wrappers; {@code known}: the function's context if already computed. */
    public FunctionFacts analyze(Function f, String file, Map<String, ContextFlow.Effect> wrappers, ContextFlow.Result known) {
        return analyze(f, file, wrappers, known, null);
    }

    /**
     * {@code macros}: the file's own #defines; an object-like one whose body is an integer ({@code #define
     * lbmSYNC 0x0008}) stands for that integer in arguments and parameter tests (gfp flag names are the
     * catalog's and the tree's, never read from here).
     */
    public FunctionFacts analyze(Function f, String file, Map<String, ContextFlow.Effect> wrappers, ContextFlow.Result known,
                                 dev.gfplint.core.ir.MacroTable macros) {
        return analyze(f, file, wrappers, known, macros, FileScope.NONE);
    }

    /** {@code scope}: the functions and tables of functions of the file, which it may pass to calls ({@link #passedFunctions}). */
    public FunctionFacts analyze(Function f, String file, Map<String, ContextFlow.Effect> wrappers, ContextFlow.Result known,
                                 dev.gfplint.core.ir.MacroTable macros, FileScope scope) {
        Cfg cfg = f.cfg();
        Ctx c = new Ctx();
        c.macros = macros;
        c.f = f;
        c.file = file;
        c.cfg = cfg;
        List<Parameter> ps = f.params();
        String[] paramNames = ps.isEmpty() ? NO_NAMES : new String[ps.size()];
        long gfpParams = 0;
        for (int i = 0; i < ps.size(); i++) {
            Parameter p = ps.get(i);
            paramNames[i] = canonical(p.name());
            if (!p.name().isEmpty()) c.paramIndex.put(p.name(), i);
            if (isGfpType(p.type())) gfpParams |= bit(i);
            if (isGfpType(p.type()) || isIntegerType(p.type())) c.maskParams |= bit(i);
            if (isGfpType(p.type()) || isBoolType(p.type())) c.testedParams |= bit(i);
            if (isGfpType(p.type()) || isBoolType(p.type())) c.valueTested |= bit(i);
            else if (isIntegerType(p.type())) c.testedParams |= bit(i); // for which calls are reached only
        }
        List<CfgNode> nodes = cfg == null ? List.of() : cfg.nodes();
        boolean scopeCalls = false, valueFlow = false;
        for (CfgNode n : nodes) {
            Stmt s = n.stmt();
            if (s != null && s.kind == Stmt.Kind.DECL) {
                for (Stmt.Declarator d : s.declarators) {
                    c.locals.add(d.name());
                    if (isGfpType(d.type())) c.gfpLocals.add(d.name());
                }
            }
            for (CallSite cs : n.calls()) if (cs.callee() != null && isScopeCall(cs.callee())) scopeCalls = true;
        }
        for (CfgNode n : nodes) {
            for (Assignment a : n.assignments()) {
                String t = a.targetName();
                if (t == null || !(c.locals.contains(t) || c.paramIndex.containsKey(t))) continue;
                if (c.gfpLocals.contains(t) || mentionsGfp(a.value(), c)) valueFlow = true;
                Integer p = c.paramIndex.get(t);
                if (p != null) c.assignedParams |= bit(p);
            }
        }
        for (String l : c.locals) {
            Integer p = c.paramIndex.get(l);
            if (p != null) c.testedParams &= ~bit(p);
        }
        c.valueTested &= c.testedParams;
        if (c.testedParams != 0) c.guardsIn = guards(c);
        Map<CfgNode, Map<String, MaskExpr>> envIn = valueFlow ? valueFlow(c) : null;
        ScopeResult sr = scopeCalls ? scopeFlow(c) : null;

        int count = 0;
        for (CfgNode n : nodes) count += n.calls().size();
        String[] callees = new String[count];
        int[] lines = new int[count], cols = new int[count];
        byte[] must = sr == null ? null : new byte[count], may = sr == null ? null : new byte[count];
        IntList argCalls = new IntList(4);
        List<MaskExpr[]> argValues = new ArrayList<>();
        Map<String, MaskExpr> entryEnv = c.paramIndex.isEmpty() ? Map.of() : entryEnv(c);
        Map<Integer, MaskExpr> reached = null; // allocator calls reached only where tests of parameters hold
        ContextFlow.Result ctx = known != null ? known : cfg != null && contexts.relevant(f, wrappers)
                ? contexts.analyze(f, file, wrappers) : null;
        int i = 0;
        for (CfgNode n : nodes) {
            Map<String, MaskExpr> env = envIn != null ? envIn.getOrDefault(n, entryEnv) : entryEnv;
            for (CallSite cs : n.calls()) {
                callees[i] = cs.callee() == null ? null : canonical(cs.callee());
                lines[i] = cs.pos().line();
                cols[i] = cs.pos().column();
                if (sr != null) {
                    int[] st = sr.atCall.get(cs.call());
                    if (st != null) {
                        must[i] = (byte) st[0];
                        may[i] = (byte) st[1];
                    }
                }
                if (c.guardsIn != null && cs.callee() != null) { // allocations and calls that carry a context on
                    List<MaskExpr> g = c.guardsIn.get(n);
                    if (g != null && !g.isEmpty()) {
                        if (reached == null) reached = new HashMap<>();
                        reached.put(i, MaskExpr.guard(g, MaskExpr.constant(1)));
                    }
                }
                // integer literals are kept where the function holds an atomic context: a callee's test of them
                // (snd_opl3_find_patch(.., 0): no allocation when create is 0) decides what runs under it
                boolean atomicHere = ctx != null && ctx.atCall() != null
                        && (ContextFlow.must(ctx.atCall()[i]) & ExecKind.ATOMIC) != 0;
                MaskExpr[] kept = cs.fromSkippedCode() ? null : keptArgs(cs, n, env, c, atomicHere);
                if (kept != null) {
                    argCalls.add(i);
                    argValues.add(kept);
                }
                i++;
            }
        }
        FunctionFacts.Order order = allocationOrder(nodes);
        List<FunctionFacts.Callback> callbacks = callbacks(nodes, c);
        FunctionFacts ff = new FunctionFacts(canonical(f.name()), file, f.pos().line(), f.pos().column(), f.isStatic(), paramNames,
                gfpParams, callees, lines, cols, must, may, argCalls.toArray(),
                argValues.toArray(new MaskExpr[0][]), order,
                sr == null ? List.of() : sr.saves, sr == null ? List.of() : sr.restoreZeros,
                sr == null ? 0 : sr.exitMust, sr == null ? 0 : sr.exitMay, sr == null ? 0 : sr.closesForeign);
        if (ctx != null && ctx.atCall() != null) {
            ff.contextAt = ctx.atCall();
            ff.held = ctx.held();
        }
        ff.callbacks = callbacks;
        if (reached != null) {
            ff.reachedWhen = reached;
            for (MaskExpr g : reached.values()) ff.reachParams |= g.params();
        }
        for (String a : f.annotations()) if (catalog.isEarlyBootAnnotation(a)) ff.earlyBoot = true;
        passedFunctions(c, ff, scope);
        ff.reclaimEntries = reclaimEntries(nodes, c);
        return ff;
    }

    /** At most this many functions are taken from one table or struct passed to a call. */
    private static final int MAX_PASSED_PER_ARG = 64;

    /**
     * Fills in {@link FunctionFacts#invokedParams} and {@link FunctionFacts#passed}: the parameters the function
     * calls through ({@code cb(x)}, or a member of one: {@code ops->cb(x)}), and what it passes to calls as whole
     * arguments that may hold functions: a function of its file ({@code fn} or {@code &fn}), a table of the file
     * ({@code &foo_ops}), a local struct given functions ({@code struct walk_ops w = {.cb = fn}; walk(&w)} or
     * {@code w.cb = fn}), or a parameter that may hold a function or points to a struct. The model decides from
     * these which passed functions run inside the call that is given them.
     */
    private void passedFunctions(Ctx c, FunctionFacts ff, FileScope scope) {
        if (c.cfg == null) return;
        Function f = c.f;
        Map<String, Integer> index = c.paramIndex;
        Set<String> locals = c.locals;
        Set<String> fileFunctions = scope.functions();
        long candidates = 0;
        for (Parameter p : f.params()) {
            if (!p.name().isEmpty() && (mayHoldFunction(p.type()) || pointsToConstStruct(p.type()))) candidates |= bit(p.index());
        }
        Map<String, List<OpsTable.Member>> holders = Map.of(); // locals given functions in their members
        for (CfgNode n : c.cfg.nodes()) {
            for (Assignment a : n.assignments()) {
                String local = null;
                List<OpsTable.Member> fns = new ArrayList<>(1);
                if (a.declaration() && a.value() != null && a.value().kind() == Expr.Kind.INIT_LIST) {
                    local = a.targetName();
                    designatedFunctions(a.value().text(), fileFunctions, fns, a.pos());
                } else if (a.target() != null && a.target().kind() == Expr.Kind.MEMBER && "=".equals(a.op())) {
                    local = memberRoot(a.target(), true);
                    String v = nameOf(stripAddress(a.value()));
                    if (fileFunctions.contains(v) && !locals.contains(v)) fns.add(new OpsTable.Member(a.target().name(), v, a.pos()));
                }
                if (local == null || fns.isEmpty() || !locals.contains(local)) continue;
                if (holders.isEmpty()) holders = new HashMap<>();
                List<OpsTable.Member> h = holders.computeIfAbsent(local, k -> new ArrayList<>(2));
                for (OpsTable.Member x : fns) if (h.size() < MAX_PASSED_PER_ARG) h.add(x);
            }
        }
        long invoked = 0;
        Map<Integer, Set<String>> fields = Map.of();
        List<FunctionFacts.Passed> passed = List.of();
        int i = 0;
        for (CfgNode n : c.cfg.nodes()) {
            for (CallSite cs : n.calls()) {
                String through = cs.callee() != null ? cs.callee() : pointerName(cs.calleeText());
                Integer p = through == null || locals.contains(through) ? null : index.get(through);
                if (p != null) invoked |= bit(p);
                Expr callee = cs.callee() == null && !cs.fromSkippedCode() && cs.call() != null && !cs.call().kids().isEmpty()
                        ? cs.call().kid(0) : null;
                String root = callee == null ? null : memberRoot(callee, false); // ops->visit(it), (*ops->visit)(it)
                Integer q0 = root == null || locals.contains(root) ? null : index.get(root);
                if (q0 != null) {
                    if (fields.isEmpty()) fields = new HashMap<>();
                    Set<String> fs = fields.computeIfAbsent(q0, k -> new HashSet<>(2));
                    if (fs.size() < MAX_PASSED_PER_ARG) fs.add(memberField(callee));
                }
                if (!cs.fromSkippedCode()) {
                    List<Expr> as = cs.args();
                    for (int a = 0; a < as.size(); a++) {
                        String nm = nameOf(stripAddress(as.get(a)));
                        if (nm.isEmpty() || nm.equals(cs.callee())) continue;
                        List<OpsTable.Member> held = locals.contains(nm) ? holders.get(nm)
                                : index.containsKey(nm) ? null : scope.tables().get(nm);
                        if (held != null) {
                            for (OpsTable.Member m : held) {
                                if (m.function().equals(f.name())) continue;
                                if (passed.isEmpty()) passed = new ArrayList<>(2);
                                passed.add(new FunctionFacts.Passed(i, a, -1, canonical(m.function()), m.field()));
                            }
                            continue;
                        }
                        if (locals.contains(nm)) continue;
                        Integer q = index.get(nm);
                        FunctionFacts.Passed e = q != null ? ((candidates & bit(q)) != 0 ? new FunctionFacts.Passed(i, a, q, null, null) : null)
                                : fileFunctions.contains(nm) && !nm.equals(f.name()) ? new FunctionFacts.Passed(i, a, -1, canonical(nm), null) : null;
                        if (e == null) continue;
                        if (passed.isEmpty()) passed = new ArrayList<>(2);
                        passed.add(e);
                    }
                }
                i++;
            }
        }
        ff.invokedParams = invoked;
        ff.invokedFields = fields;
        ff.passed = passed;
    }

    /** {@code &x} is {@code x}. */
    private static Expr stripAddress(Expr x) {
        if (x != null && x.kind() == Expr.Kind.UNARY && "&".equals(x.op()) && !x.kids().isEmpty()) return x.kid(0);
        return x;
    }

    /**
     * The {@code .field = fn} and {@code .field = &fn} items naming functions of the file in an initializer's
     * text ({@code { .visit = visit_copy, .arg = { .done = done_fn } }}: the innermost designator names the
     * member), at most {@link #MAX_PASSED_PER_ARG}. One pass over the text.
     */
    static void designatedFunctions(String text, Set<String> fileFunctions, List<OpsTable.Member> out, SourcePos pos) {
        int n = text.length();
        for (int i = text.indexOf('.'); i >= 0 && i < n && out.size() < MAX_PASSED_PER_ARG; i = text.indexOf('.', i + 1)) {
            int j = i + 1;
            while (j < n && text.charAt(j) == ' ') j++;
            int f0 = j;
            while (j < n && Character.isJavaIdentifierPart(text.charAt(j))) j++;
            if (j == f0 || Character.isDigit(text.charAt(f0))) continue;
            String field = text.substring(f0, j);
            while (j < n && text.charAt(j) == ' ') j++;
            if (j >= n || text.charAt(j) != '=' || j + 1 < n && text.charAt(j + 1) == '=') continue;
            j++;
            while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '&')) j++;
            int v0 = j;
            while (j < n && Character.isJavaIdentifierPart(text.charAt(j))) j++;
            if (j == v0) continue;
            String v = text.substring(v0, j);
            while (j < n && text.charAt(j) == ' ') j++;
            if ((j >= n || text.charAt(j) == ',' || text.charAt(j) == '}') && fileFunctions.contains(v)) {
                out.add(new OpsTable.Member(field, v, pos));
            }
        }
    }

    /**
     * The name whose member is accessed: {@code ops->visit} and {@code (*ops->visit)} give ops; with
     * {@code deep}, any chain ({@code w.ops.visit} gives w), else one member only. Null for anything else.
     */
    private static String memberRoot(Expr e, boolean deep) {
        int members = 0;
        for (int d = 0; e != null && d < 16; d++) {
            switch (e.kind()) {
                case MEMBER -> {
                    if (++members > 1 && !deep) return null;
                }
                case UNARY -> {
                    if (!"*".equals(e.op()) || members > 0) return null;
                }
                case NAME -> {
                    return members > 0 ? e.name() : null;
                }
                default -> {
                    return null;
                }
            }
            e = e.kids().isEmpty() ? null : e.kid(0);
        }
        return null;
    }

    /** The member a call through {@code ops->visit} or {@code (*ops->visit)} names. */
    private static String memberField(Expr e) {
        while (e.kind() == Expr.Kind.UNARY) e = e.kid(0);
        return e.name();
    }

    /**
     * A pointer to a const struct ({@code const struct mm_walk_ops *ops}), the way operations tables are passed:
     * forwarded, it may lead a callee to the functions in its members.
     */
    private static boolean pointsToConstStruct(String type) {
        return type != null && type.contains("*") && type.contains("const") && (type.contains("struct") || type.contains("union"))
                && !type.contains("(*");
    }

    /**
     * Functions this one hands to code that runs them from reclaim or writeback, or with a page locked: stored in
     * a member that such code calls ({@code shrinker->scan_objects = fn}, [reclaim-entries]), or passed as the
     * filler of a page-cache read ({@code read_cache_page(mapping, index, fn, data)}, [page-fillers]).
     */
    private List<FunctionFacts.Callback> reclaimEntries(List<CfgNode> nodes, Ctx c) {
        List<FunctionFacts.Callback> out = List.of();
        for (CfgNode n : nodes) {
            for (Assignment a : n.assignments()) {
                Expr t = a.target();
                if (t == null || t.kind() != Expr.Kind.MEMBER || !"=".equals(a.op())) continue;
                String owner = catalog.reclaimEntry(null, t.name());
                String fn = nameOf(stripAddress(a.value()));
                if (owner == null || fn.isEmpty() || c.locals.contains(fn) || c.paramIndex.containsKey(fn)) continue;
                if (out.isEmpty()) out = new ArrayList<>(1);
                out.add(new FunctionFacts.Callback(canonical(fn), 0, "stored in " + t.text() + ", a " + owner
                        + " member that reclaim, writeback or the page cache calls", a.pos().line(), a.pos().column()));
            }
            for (CallSite cs : n.calls()) {
                Integer k = cs.callee() == null || cs.fromSkippedCode() ? null : catalog.pageFiller(cs.callee());
                String fn = k == null ? "" : nameOf(stripAddress(cs.arg(k)));
                if (fn.isEmpty() || c.locals.contains(fn) || c.paramIndex.containsKey(fn)) continue;
                if (out.isEmpty()) out = new ArrayList<>(1);
                out.add(new FunctionFacts.Callback(canonical(fn), 0, "passed as the filler of " + cs.callee()
                        + "(), which runs it with the page locked", cs.pos().line(), cs.pos().column()));
            }
        }
        return out;
    }

    /** The name in a call through a pointer written {@code (*cb)} or {@code (cb)}, or null. */
    private static String pointerName(String text) {
        if (text == null) return null;
        String t = text.replace("(", "").replace(")", "").replace("*", "").strip();
        return t.isEmpty() || !Character.isJavaIdentifierStart(t.charAt(0)) || !t.chars().allMatch(Character::isJavaIdentifierPart) ? null : t;
    }

    /** Whether a parameter of this type may hold a function: not a struct, number, flag word or character. */
    private static boolean mayHoldFunction(String type) {
        if (type == null) return false;
        if (type.contains("(*")) return true;
        if (type.contains("struct") || type.contains("union") || type.contains("enum") || type.contains("char")
                || type.contains("void") || isGfpType(type) || isBoolType(type) || isIntegerType(type)) return false;
        return true;
    }

    /** Functions this one registers as callbacks that run in an atomic context (request_irq's handler, ...). */
    private List<FunctionFacts.Callback> callbacks(List<CfgNode> nodes, Ctx c) {
        List<FunctionFacts.Callback> out = List.of();
        int i = 0;
        for (CfgNode n : nodes) {
            for (Assignment a : n.assignments()) { // t->function = cb: a timer's callback
                Expr t = a.target();
                if (t == null || t.kind() != Expr.Kind.MEMBER || !"=".equals(a.op())) continue;
                Integer kinds = catalog.atomicField(t.name());
                String fn = nameOf(a.value());
                if (kinds == null || fn.isEmpty() || c.locals.contains(fn) || c.paramIndex.containsKey(fn)) continue;
                if (out.isEmpty()) out = new ArrayList<>(1);
                out.add(new FunctionFacts.Callback(canonical(fn), kinds, t.text() + " = " + fn, a.pos().line(), a.pos().column()));
            }
            for (CallSite cs : n.calls()) {
                Catalog.Callback cb = cs.callee() == null ? null : catalog.callback(cs.callee());
                if (cb != null && !cs.fromSkippedCode()) {
                    String t = nameOf(stripAddress(cs.arg(cb.fnArg())));
                    if (!t.isEmpty() && !c.locals.contains(t) && !c.paramIndex.containsKey(t)) {
                        if (out.isEmpty()) out = new ArrayList<>(1);
                        out.add(new FunctionFacts.Callback(canonical(t), cb.kinds(), cs.callee() + "() registers " + t,
                                cs.pos().line(), cs.pos().column()));
                    }
                }
                i++;
            }
        }
        return out;
    }

    /**
     * Where the allocator calls stand in the CFG without its loop back edges ("later on the path" means later
     * in one pass), for the question which allocation can follow which. Null with fewer than two. Linear in
     * the size of the function: the graph is kept as it is, not as a table of pairs.
     */
    private FunctionFacts.Order allocationOrder(List<CfgNode> nodes) {
        IntList calls = new IntList(4), at = new IntList(4);
        int k = 0;
        for (int i = 0; i < nodes.size(); i++) {
            for (CallSite cs : nodes.get(i).calls()) {
                if (cs.callee() != null && catalog.allocator(cs.callee()) != null) {
                    calls.add(k);
                    at.add(i);
                }
                k++;
            }
        }
        if (calls.size() < 2) return null;
        Map<CfgNode, Integer> index = new IdentityHashMap<>(nodes.size() * 2);
        for (int i = 0; i < nodes.size(); i++) index.put(nodes.get(i), i);
        int[] start = new int[nodes.size() + 1];
        IntList succ = new IntList(nodes.size() + 4);
        for (int i = 0; i < nodes.size(); i++) {
            start[i] = succ.size();
            for (Edge e : nodes.get(i).successors()) {
                Integer t = e.kind() == Edge.Kind.BACK ? null : index.get(e.to());
                if (t != null) succ.add(t);
            }
        }
        start[nodes.size()] = succ.size();
        return new FunctionFacts.Order(calls.toArray(), at.toArray(), start, succ.toArray());
    }

    // ---- which arguments are kept ------------------------------------------------------------------

    private MaskExpr[] keptArgs(CallSite cs, CfgNode node, Map<String, MaskExpr> env, Ctx c, boolean keepInts) {
        List<Expr> as = cs.args();
        Catalog.Allocator alloc = cs.callee() == null ? null : catalog.allocator(cs.callee());
        if (alloc != null && alloc.gfpArg() >= as.size() && alloc.implicitMask() != null) {
            MaskExpr[] out = new MaskExpr[alloc.gfpArg() + 1]; // an optional gfp argument left out
            out[alloc.gfpArg()] = alloc.implicitMask();
            return out;
        }
        if (as.isEmpty()) return null;
        MaskExpr[] out = null;
        boolean scopeApi = catalog.scopeApi(Objects.requireNonNullElse(cs.callee(), "")) != null;
        for (int a = 0; a < as.size(); a++) {
            Expr e = as.get(a);
            boolean keep = alloc != null && alloc.gfpArg() == a || scopeApi
                    || mentionsGfp(e, c) || isMaskParam(e, c) || isTrackedLocal(e, env, c);
            if (!keep) continue;
            if (out == null) out = new MaskExpr[as.size()];
            out[a] = toMask(e, env, c);
        }
        if (out == null && alloc == null && !scopeApi) {
            // a bool literal alone is kept too: it may choose a callee's mask (atomic ? GFP_ATOMIC : GFP_KERNEL)
            for (int a = 0; a < as.size(); a++) {
                Expr x = as.get(a);
                MaskExpr m;
                if (isBoolLiteral(x)) m = toMask(x, env, c);
                else if (!keepInts || x == null || x.kind() == Expr.Kind.NAME && c.macros == null) continue;
                else if (x.kind() == Expr.Kind.INT) m = toMask(x, env, c);
                else if (isConstantExpr(x) && onlyConstants(m = toMask(x, env, c))) { /* kept */ }
                else continue;
                if (out == null) out = new MaskExpr[as.size()];
                out[a] = m;
            }
        }
        if (out != null && alloc != null && alloc.gfpArg() >= 0 && alloc.gfpArg() < out.length && out[alloc.gfpArg()] != null
                && out[alloc.gfpArg()].params() != 0 && c.guardsIn != null) {
            // a mask made from the caller's value, on a path that exists only where a test of the parameters
            // holds (if (gfp == GFP_KERNEL) kmalloc(n, gfp | __GFP_NORETRY)): the value exists only there
            List<MaskExpr> g = valueGuards(c.guardsIn.get(node), c);
            if (g != null && !g.isEmpty()) out[alloc.gfpArg()] = MaskExpr.guard(g, out[alloc.gfpArg()]);
        }
        if (out == null || alloc != null || scopeApi) return out;
        // A call that passes a mask on: literals beside it (a bool that picks a NOFAIL variant) travel with it,
        // and on a path guarded by a test of a parameter, the values exist only where the test holds.
        List<MaskExpr> guards = c.guardsIn == null ? null : valueGuards(c.guardsIn.get(node), c);
        for (int a = 0; a < as.size(); a++) {
            if (out[a] == null && isLiteral(as.get(a))) out[a] = toMask(as.get(a), env, c);
            if (out[a] == null && c.macros != null && isConstantExpr(as.get(a))) {
                MaskExpr m = toMask(as.get(a), env, c);
                if (onlyConstants(m)) out[a] = m; // flags written with the file's #defines (LB_WRITE | LB_GC)
            }
            if (out[a] != null && guards != null && !guards.isEmpty()) out[a] = MaskExpr.guard(guards, out[a]);
        }
        return out;
    }

    /** A name or an operator over names and literals: what a file's integer #defines may make a number. */
    private static boolean isConstantExpr(Expr e) {
        return e != null && (e.kind() == Expr.Kind.NAME || e.kind() == Expr.Kind.BINARY);
    }

    private static boolean isBoolLiteral(Expr e) {
        return e != null && e.kind() == Expr.Kind.NAME && (e.name().equals("true") || e.name().equals("false"));
    }

    private static boolean isLiteral(Expr e) {
        return e != null && (e.kind() == Expr.Kind.INT
                || e.kind() == Expr.Kind.NAME && (e.name().equals("true") || e.name().equals("false")));
    }

    private static String nameOf(Expr e) {
        return e != null && e.kind() == Expr.Kind.NAME ? e.name() : "";
    }

    private static boolean isTrackedLocal(Expr e, Map<String, MaskExpr> env, Ctx c) {
        String n = nameOf(e);
        return c.locals.contains(n) && env.containsKey(n);
    }

    private static boolean isMaskParam(Expr e, Ctx c) {
        Integer p = c.paramIndex.get(nameOf(e));
        return p != null && (c.maskParams & bit(p)) != 0 && !c.locals.contains(e.name());
    }

    /** Whether an expression names anything gfp-like: decides what is worth keeping, never what it means. */
    private boolean mentionsGfp(Expr e, Ctx c) {
        if (e == null) return false;
        switch (e.kind()) {
            case NAME: {
                String n = e.name();
                if (c.gfpLocals.contains(n)) return true;
                Integer p = c.paramIndex.get(n);
                if (p != null && !c.locals.contains(n)) {
                    String t = c.f.params().get(p).type();
                    if (isGfpType(t)) return true;
                }
                return TreeMacros.containsGfp(n);
            }
            case CALL: {
                String callee = e.calleeName();
                if (callee != null && (TreeMacros.containsGfp(callee) || catalog.known(callee))) return true;
                break;
            }
            case STMT_EXPR:
            case STRING:
                return false;
            default:
                break;
        }
        for (Expr k : e.kids()) if (mentionsGfp(k, c)) return true;
        return false;
    }

    static boolean isGfpType(String type) {
        return type != null && type.contains("gfp_t") && !type.contains("*");
    }

    private static boolean isBoolType(String type) {
        return type != null && !type.contains("*") && type.replace("const", "").trim().equals("bool");
    }

    private static boolean isIntegerType(String type) {
        if (type == null || type.contains("*") || type.contains("struct") || type.contains("[")) return false;
        String t = type.toLowerCase(Locale.ROOT);
        return t.contains("int") || t.contains("long") || t.contains("unsigned") || FIXED_WIDTH.matcher(t).find();
    }

    private static long bit(int i) {
        return i < 64 ? 1L << i : 0;
    }

    // ---- expressions to symbolic masks ----------------------------------------------------------------

    private Map<String, MaskExpr> entryEnv(Ctx c) {
        Map<String, MaskExpr> env = new HashMap<>();
        for (Map.Entry<String, Integer> p : c.paramIndex.entrySet()) {
            if (!c.locals.contains(p.getKey())) env.put(p.getKey(), MaskExpr.param(p.getValue(), p.getKey()));
        }
        return env;
    }

    /** The integer a file-local object-like macro stands for ({@code #define F_SYNC (1 << 3)} too), or null. */
    private static Long fileInteger(String name, Ctx c) {
        if (c.macros == null || TreeMacros.containsGfp(name)) return null;
        dev.gfplint.core.ir.Macro m = c.macros.get(name);
        if (m == null || m.isFunctionLike()) return null;
        String b = m.body().strip();
        while (b.length() > 2 && b.charAt(0) == '(' && b.charAt(b.length() - 1) == ')') b = b.substring(1, b.length() - 1).strip();
        int sh = b.indexOf("<<");
        if (sh > 0) {
            Long x = MaskParser.parseInt(b.substring(0, sh).strip()), y = MaskParser.parseInt(b.substring(sh + 2).strip());
            return x == null || y == null || y < 0 || y > 62 ? null : x << y;
        }
        return MaskParser.parseInt(b);
    }

    /** Whether a kept value is a number however it was written (literals, file-local integer macros, operators). */
    private static boolean onlyConstants(MaskExpr m) {
        if (m.kind() == MaskExpr.Kind.CONST) return true;
        if (m.kind() != MaskExpr.Kind.BINARY && m.kind() != MaskExpr.Kind.UNARY) return false;
        for (MaskExpr k : m.kids()) if (!onlyConstants(k)) return false;
        return true;
    }

    MaskExpr toMask(Expr e, Map<String, MaskExpr> env, Ctx c) {
        if (e == null) return MaskExpr.UNKNOWN;
        switch (e.kind()) {
            case NAME: {
                MaskExpr v = env.get(e.name());
                if (v != null) return v;
                if (c.locals.contains(e.name()) || c.paramIndex.containsKey(e.name())) return MaskExpr.UNKNOWN;
                Long k = fileInteger(e.name(), c);
                return k != null ? MaskExpr.constant(k) : MaskExpr.name(e.name());
            }
            case INT: {
                Long v = MaskParser.parseInt(e.text());
                return v == null ? MaskExpr.UNKNOWN : MaskExpr.constant(v);
            }
            case BINARY:
                return switch (e.op()) {
                    case "|", "&", "^", "<<", ">>", "+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "&&", "||" ->
                            MaskExpr.binary(e.op(), toMask(e.kid(0), env, c), toMask(e.kid(1), env, c));
                    default -> MaskExpr.UNKNOWN;
                };
            case UNARY:
                return switch (e.op()) {
                    case "~", "!", "-" -> MaskExpr.unary(e.op(), toMask(e.kid(0), env, c));
                    case "+" -> toMask(e.kid(0), env, c);
                    default -> MaskExpr.UNKNOWN;
                };
            case CAST:
                return toMask(e.kid(0), env, c);
            case ASSIGN:
                return e.op().equals("=") ? toMask(e.kid(1), env, c) : MaskExpr.UNKNOWN;
            case CONDITIONAL: {
                MaskExpr cond = toMask(e.kid(0), env, c);
                MaskExpr a = e.kid(1) == null ? cond : toMask(e.kid(1), env, c);
                return MaskExpr.cond(cond, a, toMask(e.kid(2), env, c));
            }
            case COMMA:
                return e.kids().isEmpty() ? MaskExpr.UNKNOWN : toMask(e.kid(e.kids().size() - 1), env, c);
            case CALL: {
                String callee = e.calleeName();
                if (callee == null) return MaskExpr.UNKNOWN;
                List<MaskExpr> as = new ArrayList<>();
                for (Expr a : e.args()) as.add(toMask(a, env, c));
                return MaskExpr.call(callee, as);
            }
            default:
                return MaskExpr.UNKNOWN;
        }
    }

    // ---- locals along the CFG ----------------------------------------------------------------------

    private Map<CfgNode, Map<String, MaskExpr>> valueFlow(Ctx c) {
        Map<CfgNode, Map<String, MaskExpr>> in = new IdentityHashMap<>();
        Map<CfgNode, Map<String, MaskExpr>> out = new IdentityHashMap<>();
        Map<CfgNode, Integer> visits = new IdentityHashMap<>();
        ArrayDeque<CfgNode> work = new ArrayDeque<>();
        Set<CfgNode> queued = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        CfgNode entry = c.cfg.entry();
        in.put(entry, entryEnv(c));
        work.add(entry);
        queued.add(entry);
        long done = 0;
        while (!work.isEmpty()) {
            CfgNode n = work.poll();
            queued.remove(n);
            if (++done > VALUE_FLOW_BUDGET) {
                incidents.limit(c.file, c.f.pos().line(), "function " + c.f.name() + ": the values of its local masks"
                        + " were not followed to the end (more than " + VALUE_FLOW_BUDGET + " steps); they are taken as unknown");
                return null;
            }
            Map<String, MaskExpr> env;
            if (n == entry) {
                env = in.get(entry);
            } else {
                env = null;
                List<MaskExpr> here = c.guardsIn == null ? null : valueGuards(c.guardsIn.get(n), c);
                for (Edge e : n.predecessors()) {
                    Map<String, MaskExpr> o = out.get(e.from());
                    if (o == null) continue;
                    done += o.size();
                    o = refined(e, o, c);
                    if (here != null) o = guarded(o, valueGuards(edgeGuards(e, c), c), here);
                    env = env == null ? new HashMap<>(o) : join(env, o, c);
                }
                if (env == null) env = new HashMap<>();
                int v = visits.merge(n, 1, Integer::sum);
                Map<String, MaskExpr> old = in.get(n);
                if (v > WIDEN_AFTER && old != null) {
                    for (Map.Entry<String, MaskExpr> x : env.entrySet()) {
                        if (x.getValue().equals(old.get(x.getKey()))) continue;
                        if (!x.getValue().isUnknown()) c.widened = true;
                        x.setValue(MaskExpr.UNKNOWN);
                    }
                }
                in.put(n, env);
            }
            Map<String, MaskExpr> o = transfer(n, env, c);
            if (!o.equals(out.get(n))) {
                out.put(n, o);
                for (Edge e : n.successors()) if (queued.add(e.to())) work.add(e.to());
            }
        }
        if (c.valuesCut) {
            incidents.bound(Incidents.Bound.VALUES, c.file, c.f.pos().line(), "function " + c.f.name() + ": a local mask takes more than "
                    + MaskExpr.MAX_CHOICES + " values (or " + MaskExpr.MAX_SIZE + " terms) along its paths; it is taken as unknown there");
        }
        if (c.widened) {
            incidents.bound(Incidents.Bound.LOOP, c.file, c.f.pos().line(), "function " + c.f.name() + ": a local mask still changes after "
                    + WIDEN_AFTER + " passes through a loop; it is taken as unknown from there");
        }
        return in;
    }

    /**
     * The values arriving over one edge, each guarded by the conditions that hold on that edge but not at the
     * join: after {@code if (gfp & __GFP_DIRECT_RECLAIM) mask |= __GFP_NOFAIL;} the NOFAIL value exists
     * only where the caller's gfp allows direct reclaim.
     */
    private static Map<String, MaskExpr> guarded(Map<String, MaskExpr> o, List<MaskExpr> onEdge, List<MaskExpr> atJoin) {
        if (onEdge == null || onEdge.size() == atJoin.size()) return o;
        List<MaskExpr> extra = new ArrayList<>(onEdge);
        extra.removeAll(atJoin);
        if (extra.isEmpty()) return o;
        Map<String, MaskExpr> r = new HashMap<>(o);
        for (Map.Entry<String, MaskExpr> x : r.entrySet()) x.setValue(MaskExpr.guard(extra, x.getValue()));
        return r;
    }

    /**
     * The values leaving a branch along one of its edges, refined by what its condition says there about the
     * locals (and assigned parameters) it tests: after {@code if (!(flags & __GFP_RETRY_MAYFAIL))} each value
     * {@code flags} may hold goes on only where the test holds of that value, so a caller whose mask fails the
     * test contributes nothing on that edge. Conditions read as whole, or by their {@code &&} conjuncts on the
     * true edge and {@code ||} disjuncts on the false one; a part that reads anything unknown says nothing.
     * Idempotent (a value already carrying a condition is not wrapped again), so loops still converge.
     */
    private Map<String, MaskExpr> refined(Edge e, Map<String, MaskExpr> o, Ctx c) {
        if (e.kind() != Edge.Kind.TRUE && e.kind() != Edge.Kind.FALSE) return o;
        CfgNode b = e.from();
        if (b.kind() != CfgNode.Kind.BRANCH || b.expr() == null) return o;
        boolean truth = e.kind() == Edge.Kind.TRUE;
        if (c.refineCache == null) c.refineCache = new IdentityHashMap<>();
        Object[] hit = c.refineCache.get(e);
        if (hit != null && hit[0] == o) {
            @SuppressWarnings("unchecked") Map<String, MaskExpr> r = (Map<String, MaskExpr>) hit[1];
            return r;
        }
        Map<String, MaskExpr> r = o;
        List<Expr> facts = new ArrayList<>();
        String op = truth ? "&&" : "||";
        splitChain(b.expr(), op, facts);
        List<Set<String>> factNames = new ArrayList<>(facts.size());
        for (Expr f : facts) factNames.add(namesIn(f));
        for (String x : namesIn(b.expr())) {
            MaskExpr v = o.get(x);
            if (v == null || v.isUnknown() || !refinable(x, c)) continue;
            List<MaskExpr> alts = v.kind() == MaskExpr.Kind.CHOICE ? v.kids() : List.of(v);
            List<MaskExpr> now = new ArrayList<>(alts.size());
            boolean changed = false;
            for (MaskExpr a : alts) {
                MaskExpr w = a.kind() == MaskExpr.Kind.GUARD ? a.kid(1) : a;
                MaskExpr g = a.kind() == MaskExpr.Kind.GUARD ? a.kid(0) : null;
                Map<String, MaskExpr> at = new HashMap<>(o);
                at.put(x, w);
                for (int k = 0; k < facts.size(); k++) {
                    if (!factNames.get(k).contains(x)) continue;
                    MaskExpr t = toMask(facts.get(k), at, c);
                    if (t.mentionsUnknown() || !onlyKnownCalls(t)) continue;
                    if (!truth) t = MaskExpr.unary("!", t);
                    if (g != null && conjunctsOf(g).contains(t)) continue;
                    List<MaskExpr> gs = g == null ? new ArrayList<>() : new ArrayList<>(conjunctsOf(g));
                    if (gs.size() >= MAX_GUARDS) gs = new ArrayList<>(gs.subList(gs.size() - MAX_GUARDS + 1, gs.size()));
                    gs.add(t);
                    MaskExpr ng = MaskExpr.guard(gs, w);
                    if (ng.kind() != MaskExpr.Kind.GUARD) continue; // grew too large: the value stays as it was
                    g = ng.kid(0);
                    changed = true;
                }
                now.add(g == null ? w : MaskExpr.guard(List.of(g), w));
            }
            if (!changed) continue;
            MaskExpr nv = MaskExpr.choice(now);
            if (nv.isUnknown()) continue;
            if (r == o) r = new HashMap<>(o);
            r.put(x, nv);
        }
        c.refineCache.put(e, new Object[] {o, r});
        return r;
    }

    /** Locals, and parameters the function assigns (an unassigned one is refined by {@link #guards}). */
    private static boolean refinable(String x, Ctx c) {
        if (c.locals.contains(x)) return true;
        Integer p = c.paramIndex.get(x);
        return p != null && (c.assignedParams & bit(p)) != 0;
    }

    /** The operands of a chain of {@code op}, or the expression itself when it is not one (no recursion). */
    private static void splitChain(Expr e, String op, List<Expr> out) {
        ArrayDeque<Expr> todo = new ArrayDeque<>();
        todo.push(e);
        while (!todo.isEmpty() && out.size() < 16) {
            Expr x = todo.pop();
            if (x != null && x.kind() == Expr.Kind.BINARY && op.equals(x.op()) && x.kids().size() == 2) {
                todo.push(x.kid(1));
                todo.push(x.kid(0));
            } else if (x != null) {
                out.add(x);
            }
        }
    }

    /** The conjuncts of a guard's condition as {@link MaskExpr#guard} builds it. */
    private static List<MaskExpr> conjunctsOf(MaskExpr g) {
        List<MaskExpr> out = new ArrayList<>();
        MaskExpr x = g;
        while (x.kind() == MaskExpr.Kind.BINARY && "&&".equals(x.name())) {
            out.add(0, x.kid(1));
            x = x.kid(0);
        }
        out.add(0, x);
        return out;
    }

    /** The identifiers an expression reads (bounded, iterative: conditions are small, hostile ones are cut). */
    private static Set<String> namesIn(Expr e) {
        Set<String> out = new HashSet<>();
        ArrayDeque<Expr> todo = new ArrayDeque<>();
        if (e != null) todo.push(e);
        int seen = 0;
        while (!todo.isEmpty() && seen++ < 512) {
            Expr x = todo.pop();
            if (x.kind() == Expr.Kind.NAME) out.add(x.name());
            for (Expr k : x.kids()) if (k != null) todo.push(k);
        }
        return out;
    }

    // ---- branch conditions on parameters ---------------------------------------------------------------

    /** At most this many conditions are kept per path (the innermost ones). */
    private static final int MAX_GUARDS = 3;

    /**
     * For each node, the conditions on unassigned gfp_t or bool parameters that hold on every path reaching
     * it (a must analysis: the intersection over incoming edges, so loops and joins only remove conditions).
     */
    private Map<CfgNode, List<MaskExpr>> guards(Ctx c) {
        Map<CfgNode, List<MaskExpr>> in = new IdentityHashMap<>();
        Map<CfgNode, MaskExpr> conds = new IdentityHashMap<>();
        Map<CfgNode, List<MaskExpr>> partTrue = new IdentityHashMap<>(), partFalse = new IdentityHashMap<>();
        boolean any = false;
        Map<String, MaskExpr> tested = new HashMap<>();
        for (Map.Entry<String, Integer> p : c.paramIndex.entrySet()) {
            if ((c.testedParams & bit(p.getValue())) != 0) tested.put(p.getKey(), MaskExpr.param(p.getValue(), p.getKey()));
        }
        Map<CfgNode, Long> assignedBefore = c.assignedParams == 0 ? null : assignedBefore(c);
        for (CfgNode n : c.cfg.nodes()) {
            if (n.kind() != CfgNode.Kind.BRANCH || n.expr() == null) continue;
            Map<String, MaskExpr> here = tested;
            long stale = assignedBefore == null ? 0 : assignedBefore.getOrDefault(n, c.assignedParams);
            if (stale != 0) { // the test reads a value that may no longer be the caller's
                here = new HashMap<>(tested);
                for (Map.Entry<String, Integer> p : c.paramIndex.entrySet()) if ((stale & bit(p.getValue())) != 0) here.remove(p.getKey());
            }
            MaskExpr m = testOfParams(n.expr(), here, c);
            if (m != null) {
                conds.put(n, m);
                any = true;
                continue;
            }
            // a && b: on its true edge each conjunct holds, the ones about parameters count even when the others
            // read locals (if (!ret && flags == GFP_KERNEL)); a || b: on its false edge each disjunct is false
            for (int side = 0; side < 2; side++) {
                List<MaskExpr> parts = new ArrayList<>();
                conjuncts(n.expr(), side == 0 ? "&&" : "||", parts, here, c, 0);
                if (parts.isEmpty()) continue;
                if (side == 1) parts.replaceAll(x -> MaskExpr.unary("!", x));
                (side == 0 ? partTrue : partFalse).put(n, parts);
                any = true;
            }
        }
        if (!any) return null;
        c.conds = conds;
        c.partTrue = partTrue;
        c.partFalse = partFalse;
        CfgNode entry = c.cfg.entry();
        in.put(entry, List.of());
        ArrayDeque<CfgNode> work = new ArrayDeque<>();
        work.add(entry);
        while (!work.isEmpty()) {
            CfgNode n = work.poll();
            List<MaskExpr> at = in.get(n);
            for (Edge e : n.successors()) {
                List<MaskExpr> along = edgeGuards(e, at, c);
                List<MaskExpr> old = in.get(e.to());
                List<MaskExpr> nw;
                if (old == null) {
                    nw = along;
                } else {
                    nw = new ArrayList<>(old);
                    nw.retainAll(along);
                    if (nw.size() == old.size()) continue;
                }
                in.put(e.to(), nw);
                work.add(e.to());
            }
        }
        return in;
    }

    /**
     * Per node, the parameters some path from the entry has assigned before it or in it (a may analysis over
     * {@link Ctx#assignedParams}): where a parameter is not among them, it still holds what the caller passed.
     */
    private static Map<CfgNode, Long> assignedBefore(Ctx c) {
        Map<CfgNode, Long> in = new IdentityHashMap<>();
        ArrayDeque<CfgNode> work = new ArrayDeque<>();
        in.put(c.cfg.entry(), 0L);
        work.add(c.cfg.entry());
        while (!work.isEmpty()) {
            CfgNode n = work.poll();
            long here = in.get(n);
            for (Assignment a : n.assignments()) {
                Integer p = a.targetName() == null ? null : c.paramIndex.get(a.targetName());
                if (p != null) here |= bit(p);
            }
            in.put(n, here);
            for (Edge e : n.successors()) {
                Long old = in.get(e.to());
                if (old != null && (old | here) == old) continue;
                in.put(e.to(), old == null ? here : old | here);
                work.add(e.to());
            }
        }
        return in;
    }

    /** The conditions that refine values: those on gfp_t and bool parameters only. */
    private static List<MaskExpr> valueGuards(List<MaskExpr> gs, Ctx c) {
        if (gs == null || gs.isEmpty()) return gs;
        boolean all = true;
        for (MaskExpr g : gs) if ((g.params() & ~c.valueTested) != 0) all = false;
        if (all) return gs;
        List<MaskExpr> r = new ArrayList<>(gs.size());
        for (MaskExpr g : gs) if ((g.params() & ~c.valueTested) == 0) r.add(g);
        return r;
    }

    private static List<MaskExpr> edgeGuards(Edge e, Ctx c) {
        List<MaskExpr> at = c.guardsIn.get(e.from());
        return at == null ? null : edgeGuards(e, at, c);
    }

    private static List<MaskExpr> edgeGuards(Edge e, List<MaskExpr> at, Ctx c) {
        if (e.kind() != Edge.Kind.TRUE && e.kind() != Edge.Kind.FALSE) return at;
        MaskExpr cond = c.conds.get(e.from());
        if (cond != null) return with(at, e.kind() == Edge.Kind.TRUE ? cond : MaskExpr.unary("!", cond));
        List<MaskExpr> parts = (e.kind() == Edge.Kind.TRUE ? c.partTrue : c.partFalse).get(e.from());
        if (parts == null) return at;
        for (MaskExpr g : parts) at = with(at, g);
        return at;
    }

    /** {@code at} and {@code g}, keeping the newest {@link #MAX_GUARDS}. */
    private static List<MaskExpr> with(List<MaskExpr> at, MaskExpr g) {
        if (at.contains(g)) return at;
        List<MaskExpr> r = new ArrayList<>(at.size() + 1);
        r.addAll(at.size() >= MAX_GUARDS ? at.subList(at.size() - MAX_GUARDS + 1, at.size()) : at);
        r.add(g);
        return r;
    }

    /** The operands of a chain of {@code op} ({@code &&} or {@code ||}) that test only parameters, in order. */
    private void conjuncts(Expr e, String op, List<MaskExpr> out, Map<String, MaskExpr> tested, Ctx c, int depth) {
        if (e == null || depth > 32) return;
        if (e.kind() == Expr.Kind.BINARY && op.equals(e.op()) && e.kids().size() == 2) {
            conjuncts(e.kids().get(0), op, out, tested, c, depth + 1);
            conjuncts(e.kids().get(1), op, out, tested, c, depth + 1);
            return;
        }
        if (depth == 0) return; // not a chain of op at all
        MaskExpr m = testOfParams(e, tested, c);
        if (m != null) out.add(m);
    }

    /**
     * The condition as a mask over the tested parameters ({@code tested}: their names bound to PARAMs) and
     * macros only, or null if it reads anything else.
     */
    private MaskExpr testOfParams(Expr e, Map<String, MaskExpr> tested, Ctx c) {
        MaskExpr m = toMask(e, tested, c);
        return m.params() != 0 && !m.mentionsUnknown() && onlyKnownCalls(m) ? m : null;
    }

    private boolean onlyKnownCalls(MaskExpr m) {
        if (m.kind() == MaskExpr.Kind.CALL && !catalog.known(m.name()) && !TreeMacros.containsGfp(m.name())) return false;
        for (MaskExpr k : m.kids()) if (!onlyKnownCalls(k)) return false;
        return true;
    }

    private static Map<String, MaskExpr> join(Map<String, MaskExpr> a, Map<String, MaskExpr> b, Ctx c) {
        Map<String, MaskExpr> r = new HashMap<>();
        for (Map.Entry<String, MaskExpr> x : a.entrySet()) {
            MaskExpr y = b.get(x.getKey());
            MaskExpr v = y == null ? MaskExpr.UNKNOWN : MaskExpr.choice(List.of(x.getValue(), y));
            if (y != null && v.isUnknown() && !x.getValue().mentionsUnknown() && !y.mentionsUnknown()) c.valuesCut = true;
            r.put(x.getKey(), v);
        }
        for (Map.Entry<String, MaskExpr> y : b.entrySet()) r.putIfAbsent(y.getKey(), MaskExpr.UNKNOWN);
        return r;
    }

    private Map<String, MaskExpr> transfer(CfgNode n, Map<String, MaskExpr> env, Ctx c) {
        if (n.assignments().isEmpty()) return env;
        Map<String, MaskExpr> o = null;
        for (Assignment a : n.assignments()) {
            String t = a.targetName();
            if (t == null || !(c.locals.contains(t) || c.paramIndex.containsKey(t))) continue;
            Map<String, MaskExpr> cur = o == null ? env : o;
            MaskExpr rhs = toMask(a.value(), cur, c);
            MaskExpr old = cur.containsKey(t) ? cur.get(t) : MaskExpr.UNKNOWN;
            MaskExpr v = switch (a.op()) {
                case "=" -> rhs;
                case "|=" -> MaskExpr.binary("|", old, rhs);
                case "&=" -> MaskExpr.binary("&", old, rhs);
                case "^=" -> MaskExpr.binary("^", old, rhs);
                default -> MaskExpr.UNKNOWN;
            };
            if (v.isUnknown() && !a.op().equals("=") && MaskExpr.UNKNOWN != rhs && !old.mentionsUnknown()
                    && !rhs.mentionsUnknown() && (a.op().equals("|=") || a.op().equals("&=") || a.op().equals("^="))) {
                c.valuesCut = true; // grew past MaskExpr.MAX_SIZE
            }
            boolean track = c.gfpLocals.contains(t) || cur.containsKey(t) || mentionsGfp(a.value(), c);
            if (o == null) o = new HashMap<>(env);
            if (track) o.put(t, v);
            else o.remove(t);
        }
        return o == null ? env : o;
    }

    // ---- memalloc scopes along the CFG -------------------------------------------------------------

    private boolean isScopeCall(String callee) {
        return catalog.scopeApi(callee) != null || catalog.opener(callee) != null || catalog.closes(callee) != null;
    }

    private static final class ScopeResult {
        final Map<Expr, int[]> atCall = new IdentityHashMap<>();
        final List<FunctionFacts.Save> saves = new ArrayList<>();
        final List<FunctionFacts.RestoreZero> restoreZeros = new ArrayList<>();
        int exitMust, exitMay, closesForeign, ownScopes;
    }

    /** State: {must, may}. The saved token of a save maps to the scope state before it. */
    private ScopeResult scopeFlow(Ctx c) {
        ScopeResult r = new ScopeResult();
        Map<CfgNode, int[]> out = new IdentityHashMap<>();
        Map<String, int[]> tokens = new HashMap<>();   // token local -> {scopes, mustBefore, mayBefore}
        Map<Expr, FunctionFacts.Save> savesByCall = new IdentityHashMap<>();
        Map<Expr, FunctionFacts.RestoreZero> zerosByCall = new IdentityHashMap<>();
        ArrayDeque<CfgNode> work = new ArrayDeque<>();
        Set<CfgNode> queued = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        work.add(c.cfg.entry());
        queued.add(c.cfg.entry());
        int guard = 0, limit = SCOPE_VISITS_PER_NODE * (c.cfg.nodes().size() + 1);
        while (!work.isEmpty()) {
            if (guard++ >= limit) {
                incidents.limit(c.file, c.f.pos().line(), "function " + c.f.name() + ": its memalloc scopes were not"
                        + " followed to the end (more than " + limit + " steps); the scopes at its later calls may be missing");
                break;
            }
            CfgNode n = work.poll();
            queued.remove(n);
            int must = -1, may = 0;
            boolean any = false;
            for (Edge e : n.predecessors()) {
                int[] o = out.get(e.from());
                if (o == null) continue;
                must = any ? must & o[0] : o[0];
                may |= o[1];
                any = true;
            }
            if (!any) must = 0;
            int[] st = {must, may};
            for (CallSite cs : n.calls()) {
                r.atCall.put(cs.call(), new int[] {st[0], st[1]});
                if (cs.callee() != null && !cs.fromSkippedCode()) scopeCall(cs, n, st, tokens, savesByCall, zerosByCall, r, c);
            }
            int[] prev = out.get(n);
            if (prev == null || prev[0] != st[0] || prev[1] != st[1]) {
                out.put(n, st);
                for (Edge e : n.successors()) if (queued.add(e.to())) work.add(e.to());
            }
        }
        int[] exit = out.getOrDefault(c.cfg.exit(), new int[] {0, 0});
        r.exitMust = exit[0] & r.ownScopes;
        r.exitMay = exit[1] & r.ownScopes;
        // Escapes: the token stored to something that is not a local, or returned.
        Set<String> escaping = new HashSet<>();
        for (CfgNode n : c.cfg.nodes()) {
            for (Assignment a : n.assignments()) {
                String v = nameOf(a.value());
                boolean toLocal = a.targetName() != null && c.locals.contains(a.targetName());
                if (tokens.containsKey(v) && !toLocal) escaping.add(v);
            }
            if (n.kind() == CfgNode.Kind.RETURN && tokens.containsKey(nameOf(n.expr()))) escaping.add(nameOf(n.expr()));
        }
        for (FunctionFacts.Save s : savesByCall.values()) {
            boolean esc = s.escapes() || (s.token() != null && escaping.contains(s.token()));
            r.saves.add(esc == s.escapes() ? s : new FunctionFacts.Save(s.line(), s.col(), s.api(), s.scopes(), s.token(), true));
        }
        r.saves.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.col(), b.col()));
        r.restoreZeros.addAll(zerosByCall.values());
        r.restoreZeros.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return r;
    }

    private void scopeCall(CallSite cs, CfgNode n, int[] st, Map<String, int[]> tokens,
                           Map<Expr, FunctionFacts.Save> saves, Map<Expr, FunctionFacts.RestoreZero> zeros,
                           ScopeResult r, Ctx c) {
        String callee = cs.callee();
        Catalog.ScopeApi api = catalog.scopeApi(callee);
        if (api != null) {
            int s = api.scopes() >= 0 ? api.scopes() : catalog.pfScopes(cs.arg(api.flagsArg()));
            if (s == 0) return;
            if (api.save()) {
                ScopeCalls.Destination d = ScopeCalls.savedInto(n, cs, c.locals);
                String token = d.token();
                boolean escapes = d.escapes();
                if (token != null) tokens.put(token, new int[] {s, st[0] & s, st[1] & s});
                saves.putIfAbsent(cs.call(), new FunctionFacts.Save(cs.pos().line(), cs.pos().column(), callee, s, token, escapes));
                r.ownScopes |= s;
                st[0] |= s;
                st[1] |= s;
            } else {
                Expr arg = cs.arg(0);
                int[] tok = tokens.get(nameOf(arg));
                if (ScopeCalls.isZero(arg)) {
                    zeros.putIfAbsent(cs.call(), new FunctionFacts.RestoreZero(cs.pos().line(), cs.pos().column(), callee, s));
                    if (!restoreClearsOwn) {
                        st[0] &= ~s;
                        st[1] &= ~s;
                    }
                } else if (tok != null) {
                    int ts = tok[0] & s;
                    st[0] = (st[0] & ~ts) | (tok[1] & ts);
                    st[1] = (st[1] & ~ts) | (tok[2] & ts);
                } else {
                    st[0] &= ~s;
                    st[1] &= ~s;
                    if ((r.ownScopes & s) == 0) r.closesForeign |= s;
                }
            }
            return;
        }
        Catalog.ScopeOpener op = catalog.opener(callee);
        if (op != null) {
            st[0] |= op.scopes();
            st[1] |= op.scopes();
            return;
        }
        Catalog.ScopeOpener closed = catalog.closes(callee);
        if (closed != null) {
            st[0] &= ~closed.scopes();
            st[1] &= ~closed.scopes();
        }
    }
}
