package dev.gfplint.rules;

import dev.gfplint.core.ir.Assignment;
import dev.gfplint.core.ir.CallSite;
import dev.gfplint.core.ir.Cfg;
import dev.gfplint.core.ir.CfgNode;
import dev.gfplint.core.ir.Edge;
import dev.gfplint.core.ir.Expr;
import dev.gfplint.core.ir.Function;
import dev.gfplint.core.ir.Stmt;
import dev.gfplint.core.model.Catalog;
import dev.gfplint.core.model.MaskParser;
import dev.gfplint.core.model.Scope;
import dev.gfplint.core.model.ScopeCalls;
import dev.gfplint.core.model.Trace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * memalloc_*_save() and memalloc_*_restore() that do not pair up on some path. Path-sensitive over the CFG
 * (gotos included): states that differ in which saves are open are kept apart, and a branch whose condition
 * was already decided on the path (same text, operands not assigned since) follows only the edge that agrees,
 * so {@code if (c) save(); ... if (c) restore();} is one pairing, not four paths.
 */
@RuleInfo(id = "unpaired-memalloc-scope", level = Level.ERROR,
        summary = "memalloc_*_save() without its restore on some path, or a restore that no save pairs with")
public final class UnpairedMemallocScope extends Rule {
    public static final String HELP = """
            **Why it matters.** `memalloc_nofs_save()` and its kin mark the task: every allocation until the
            matching `memalloc_nofs_restore()` acts as if `__GFP_FS` (or `__GFP_IO`) were clear. A path that
            returns without the restore leaks the scope to the caller. Its allocations then silently lose the
            right to reclaim through the filesystem, or keep it when the caller expected otherwise once another
            restore runs. A restore of a value no save produced on that path writes back garbage: before 6.10,
            `memalloc_nofs_restore(0)` cleared a scope an outer caller had opened. Restoring the wrong kind, or
            nested scopes out of order, leaves the wrong flags behind.

            **Bad:**
            ```c
            flags = memalloc_nofs_save();
            if (!buf)
                    return -ENOMEM;              /* scope leaks to the caller */
            ...
            memalloc_nofs_restore(flags);
            ```
            **Good:**
            ```c
            flags = memalloc_nofs_save();
            if (!buf) {
                    err = -ENOMEM;
                    goto out;
            }
            ...
            out:
            memalloc_nofs_restore(flags);
            return err;
            ```
            **Fix.** Restore on every path, typically at a shared exit label, with the value the matching save
            returned, in reverse order of the saves. A saved value stored in a structure (a transaction, a
            journal handle) is restored where that structure ends and is not reported here.
            """;

    /** Per function: at most this many distinct states per node, and this many (node, state) visits. */
    private static final int MAX_STATES_PER_NODE = 64;
    private static final int MAX_VISITS = 50_000;

    public UnpairedMemallocScope() {
        super(HELP);
    }

    private record Save(int id, CallSite call, String api, int scopes, String token) {}

    /** Which saves are open (in order), which save each token holds, what the path has decided. */
    private record State(List<Integer> open, Map<String, Integer> tokens, Map<String, Boolean> assume) {}

    private record Visit(CfgNode node, State state, List<Trace.Step> path) {}

    @Override
    public void checkFunction(FunctionInput in, Consumer<Finding> out) {
        Function f = in.function();
        Cfg cfg = f.cfg();
        Catalog.View cat = in.catalog();
        boolean any = false;
        for (CfgNode n : cfg.nodes()) {
            for (CallSite cs : n.calls()) if (cs.callee() != null && cat.scopeApi(cs.callee()) != null) any = true;
        }
        if (!any) return;
        new Walk(f, in.file(), cat, out, in.incidents()).run();
    }

    private final class Walk {
        final Function f;
        final String file;
        final Catalog.View cat;
        final Consumer<Finding> out;
        final Set<String> locals = new HashSet<>();
        /** Locals that are assigned something other than a save or a constant (a field, a parameter...). */
        final Set<String> fromElsewhere = new HashSet<>();
        final Map<CallSite, Save> saves = new IdentityHashMap<>();
        final List<Save> saveList = new ArrayList<>();
        final Set<Integer> escaped = new HashSet<>();
        final Map<String, Finding> findings = new LinkedHashMap<>();
        final boolean restoreClearsOwn;
        final dev.gfplint.core.scan.Incidents incidents;

        Walk(Function f, String file, Catalog.View cat, Consumer<Finding> out, dev.gfplint.core.scan.Incidents incidents) {
            this.f = f;
            this.incidents = incidents;
            this.file = file;
            this.cat = cat;
            this.out = out;
            this.restoreClearsOwn = "clears-own".equals(cat.behaviour("scope", "restore"));
            for (CfgNode n : f.cfg().nodes()) {
                Stmt s = n.stmt();
                if (s != null && s.kind == Stmt.Kind.DECL) for (Stmt.Declarator d : s.declarators) locals.add(d.name());
            }
            for (CfgNode n : f.cfg().nodes()) {
                for (Assignment a : n.assignments()) {
                    if (a.targetName() != null && !isSaveCall(a.value()) && constant(a.value()) == null) {
                        fromElsewhere.add(a.targetName());
                    }
                }
            }
        }

        void run() {
            Map<CfgNode, Set<State>> seen = new IdentityHashMap<>();
            ArrayDeque<Visit> work = new ArrayDeque<>();
            work.add(new Visit(f.cfg().entry(), new State(List.of(), Map.of(), Map.of()), List.of()));
            int visits = 0;
            while (!work.isEmpty()) {
                if (++visits > MAX_VISITS) { // too many paths: say nothing rather than guess, and say so
                    incidents.limit(file, f.pos().line(), "function " + f.name() + ": more than " + MAX_VISITS
                            + " path states; rule " + id() + " did not judge its memalloc scopes");
                    return;
                }
                Visit v = work.poll();
                Set<State> ss = seen.computeIfAbsent(v.node, k -> new HashSet<>());
                if (!ss.add(v.state) || ss.size() > MAX_STATES_PER_NODE) continue;
                State st = step(v.node, v.state, v.path);
                if (v.node == f.cfg().exit()) {
                    leaks(st, v.path);
                    continue;
                }
                branch(v.node, st, v.path, work);
            }
            findings.values().forEach(out);
        }

        private State step(CfgNode n, State st, List<Trace.Step> path) {
            List<Integer> open = new ArrayList<>(st.open);
            Map<String, Integer> tokens = new HashMap<>(st.tokens);
            Map<String, Boolean> assume = new HashMap<>(st.assume);
            for (CallSite cs : n.calls()) {
                if (cs.callee() == null || cs.fromSkippedCode()) continue;
                Catalog.ScopeApi api = cat.scopeApi(cs.callee());
                if (api == null) continue;
                int scopes = api.scopes() >= 0 ? api.scopes() : cat.pfScopes(cs.arg(api.flagsArg()));
                if (api.save()) save(n, cs, scopes, open, tokens);
                else restore(cs, scopes, open, tokens, assume);
            }
            for (Assignment a : n.assignments()) {
                String t = a.targetName();
                String v = name(a.value());
                if (v != null && tokens.containsKey(v) && (t == null || !locals.contains(t))) {
                    escaped.add(tokens.get(v)); // stored in a struct or a global: restored elsewhere
                    open.remove(tokens.get(v));
                }
                if (t == null) continue;
                Boolean c = constant(a.value());
                if (c == null && a.value() != null && a.value().kind() == Expr.Kind.UNARY && a.value().op().equals("!")) {
                    Boolean inner = decide(a.value().kid(0), assume);
                    if (inner != null) c = !inner;
                }
                assume.keySet().removeIf(k -> mentions(k, t));
                if (c != null) assume.put(t, c);
                if (tokens.containsKey(t) && !isSaveCall(a.value())) tokens.remove(t);
            }
            if (n.kind() == CfgNode.Kind.RETURN && n.expr() != null) {
                String r = name(n.expr());
                if (r != null && tokens.containsKey(r)) {
                    escaped.add(tokens.get(r));
                    open.remove(tokens.get(r));
                }
            }
            return new State(List.copyOf(open), Map.copyOf(tokens), Map.copyOf(assume));
        }

        private void save(CfgNode n, CallSite cs, int scopes, List<Integer> open, Map<String, Integer> tokens) {
            ScopeCalls.Destination d = ScopeCalls.savedInto(n, cs, locals);
            String token = d.token();
            boolean escapes = d.escapes();
            if (token == null && !escapes && n.kind() == CfgNode.Kind.STATEMENT && n.expr() == cs.call()) {
                return; // the saved value is dropped on purpose: the scope lasts for the rest of the task (a kthread)
            }
            Save s = saves.get(cs);
            if (s == null) {
                s = new Save(saveList.size(), cs, cs.callee(), scopes, token);
                saves.put(cs, s);
                saveList.add(s);
            }
            if (escapes) {
                escaped.add(s.id);
                return;
            }
            if (token != null) {
                Integer prev = tokens.get(token);
                if (prev != null && open.contains(prev)) {
                    Save p = saveList.get(prev);
                    report("overwrite:" + s.id, Level.ERROR, cs, cs.callee() + "() stores into " + token
                            + ", which still holds the value " + p.api + "() saved at line " + p.call.pos().line()
                            + " that was never restored; that outer scope can no longer be restored", List.of());
                    open.remove(prev);
                }
                tokens.put(token, s.id);
            }
            open.add(s.id);
        }

        private void restore(CallSite cs, int scopes, List<Integer> open, Map<String, Integer> tokens,
                             Map<String, Boolean> assume) {
            Expr arg = cs.arg(0);
            String argText = arg == null ? "" : arg.text();
            if (arg != null && (arg.kind() == Expr.Kind.MEMBER || arg.kind() == Expr.Kind.INDEX || arg.kind() == Expr.Kind.UNARY)) {
                return; // a value saved in a structure: paired across functions
            }
            String n = name(arg);
            if (n != null && !locals.contains(n)) return; // a parameter or a global: the save is elsewhere
            Integer id = n == null ? null : tokens.get(n);
            if (n != null && (id == null || !open.contains(id)) && fromElsewhere.contains(n)) return; // copied from a field
            if (n != null && (id == null || !open.contains(id)) && Boolean.FALSE.equals(assume.get(n))) {
                // "flags = 0; if (c) flags = save(); ... restore(flags)": restoring the 0 it was initialised to
                if (!restoreClearsOwn) {
                    report("restore:" + cs.pos(), Level.WARNING, cs, cs.callee() + "(" + n + "): " + n + " is still 0 on"
                            + " this path, and before 6.10 restoring 0 clears the scope even when a caller opened it (judged as "
                            + cat.version() + ")", List.of());
                }
                return;
            }
            if (id == null || !open.contains(id)) {
                boolean zero = ScopeCalls.isZero(arg);
                String why;
                Level level = Level.ERROR;
                if (arg != null && arg.kind() == Expr.Kind.INT) {
                    why = zero && !restoreClearsOwn ? "before 6.10 restoring 0 clears the scope even when a caller opened it (judged as "
                            + cat.version() + ")" : "a constant is not a value a save returned";
                    if (zero && restoreClearsOwn) {
                        why = "since 6.10 restoring 0 does nothing, so this restore has no effect (judged as " + cat.version() + ")";
                        level = Level.WARNING;
                    }
                } else if (id != null) {
                    why = n + " was already restored on this path";
                } else {
                    why = "no save produced " + (n == null ? argText : n) + " on this path";
                }
                report("restore:" + cs.pos(), level, cs, cs.callee() + "(" + argText + "): " + why, List.of());
                return;
            }
            Save s = saveList.get(id);
            if ((s.scopes & scopes) == 0) {
                report("kind:" + cs.pos(), Level.ERROR, cs, cs.callee() + "(" + n + ") restores a value that "
                        + s.api + "() saved at line " + s.call.pos().line() + ": the " + Scope.describe(s.scopes)
                        + " scope stays open and the " + Scope.describe(scopes) + " flag is overwritten", List.of());
            } else {
                for (int i = open.indexOf(id) + 1; i < open.size(); i++) {
                    Save later = saveList.get(open.get(i));
                    if ((later.scopes & s.scopes) != 0) {
                        report("lifo:" + cs.pos(), Level.WARNING, cs, cs.callee() + "(" + n + ") restores the scope saved at line "
                                + s.call.pos().line() + " while the one saved later at line " + later.call.pos().line()
                                + " is still open: restore nested scopes in reverse order", List.of());
                        break;
                    }
                }
            }
            open.remove(id);
        }

        private void leaks(State st, List<Trace.Step> path) {
            for (int id : st.open) {
                if (escaped.contains(id)) continue;
                Save s = saveList.get(id);
                List<Trace.Step> flow = new ArrayList<>(path);
                flow.add(Trace.Step.at(file, f.bodyEnd().line(), f.bodyEnd().column(), "returns with the scope still open"));
                report("leak:" + id, Level.ERROR, s.call, s.api + "() opens a " + Scope.describe(s.scopes)
                        + " scope that is not restored on some path to the return of " + f.name()
                        + "; the caller inherits it", flow);
            }
        }

        private void branch(CfgNode n, State st, List<Trace.Step> path, ArrayDeque<Visit> work) {
            String key = null;
            boolean polarity = true;
            Boolean decided = n.kind() == CfgNode.Kind.BRANCH && n.expr() != null ? decide(n.expr(), st.assume) : null;
            if (decided == null && n.kind() == CfgNode.Kind.BRANCH && n.expr() != null) {
                Expr c = n.expr();
                while (c.kind() == Expr.Kind.UNARY && c.op().equals("!")) {
                    polarity = !polarity;
                    c = c.kid(0);
                }
                key = c.text();
            }
            for (Edge e : n.successors()) {
                State next = st;
                List<Trace.Step> p = path;
                if (decided != null && (e.kind() == Edge.Kind.TRUE || e.kind() == Edge.Kind.FALSE)
                        && (e.kind() == Edge.Kind.TRUE) != decided) {
                    continue; // the path already decided this condition
                }
                if (key != null && (e.kind() == Edge.Kind.TRUE || e.kind() == Edge.Kind.FALSE)) {
                    boolean value = (e.kind() == Edge.Kind.TRUE) == polarity;
                    Boolean known = st.assume.get(key);
                    if (known != null && known != value) continue; // decided otherwise earlier on this path
                    if (known == null) {
                        Map<String, Boolean> a = new HashMap<>(st.assume);
                        a.put(key, value);
                        next = new State(st.open, st.tokens, Map.copyOf(a));
                    }
                    if (p.size() < 16) {
                        p = new ArrayList<>(path);
                        p.add(Trace.Step.at(file, n.pos().line(), n.pos().column(), "if (" + key + ") is " + value));
                    }
                }
                work.add(new Visit(e.to(), next, p));
            }
        }

        private void report(String key, Level level, CallSite at, String message, List<Trace.Step> flow) {
            findings.putIfAbsent(key, finding(level, file, at.pos().line(), at.pos().column(), message, flow));
        }

        private boolean isSaveCall(Expr e) {
            if (e == null || e.kind() != Expr.Kind.CALL || e.calleeName() == null) return false;
            Catalog.ScopeApi api = cat.scopeApi(e.calleeName());
            return api != null && api.save();
        }
    }

    private static String name(Expr e) {
        while (e != null && e.kind() == Expr.Kind.CAST) e = e.kid(0);
        return e != null && e.kind() == Expr.Kind.NAME ? e.name() : null;
    }

    /** The condition's value from what the path has decided about its parts (!, &&, ||), or null. */
    private static Boolean decide(Expr c, Map<String, Boolean> assume) {
        if (c == null) return null;
        if (c.kind() == Expr.Kind.UNARY && c.op().equals("!")) {
            Boolean v = decide(c.kid(0), assume);
            return v == null ? null : !v;
        }
        if (c.kind() == Expr.Kind.BINARY && (c.op().equals("&&") || c.op().equals("||"))) {
            Boolean a = decide(c.kid(0), assume), b = decide(c.kid(1), assume);
            boolean and = c.op().equals("&&");
            if (Boolean.valueOf(!and).equals(a) || Boolean.valueOf(!and).equals(b)) return !and;
            return a != null && b != null ? and : null;
        }
        return assume.get(c.text());
    }

    /** The truth value of a constant initialiser (0, 1, true, false), else null. */
    private static Boolean constant(Expr e) {
        if (e == null) return null;
        if (e.kind() == Expr.Kind.NAME && (e.name().equals("true") || e.name().equals("false"))) return e.name().equals("true");
        if (e.kind() == Expr.Kind.INT) {
            Long v = MaskParser.parseInt(e.text());
            return v == null ? null : v != 0;
        }
        return null;
    }

    /** Whether the condition text {@code cond} reads the variable {@code var} (as a whole identifier). */
    private static boolean mentions(String cond, String var) {
        int i = cond.indexOf(var);
        while (i >= 0) {
            boolean before = i == 0 || !Character.isJavaIdentifierPart(cond.charAt(i - 1));
            int end = i + var.length();
            boolean after = end >= cond.length() || !Character.isJavaIdentifierPart(cond.charAt(end));
            if (before && after) return true;
            i = cond.indexOf(var, i + 1);
        }
        return false;
    }
}
