package dev.gfplint.core.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Cfg} from a function body: if/else, loops, switch with fall-through and GNU case ranges,
 * break/continue, goto and labels (also computed goto: an edge to every label whose address is taken, or
 * to every label when none is; and asm goto: an edge to each label it names), early returns, iterator macros as loops and scoped guards as scopes.
 * Statement expressions are flattened into the node that evaluates them.
 */
public final class CfgBuilder {
    private record Pending(CfgNode from, Edge.Kind kind, String label) {}

    private static final class Jump {
        final List<Pending> breaks = new ArrayList<>();
        final List<Pending> continues = new ArrayList<>();
        final boolean loop;
        CfgNode switchNode;
        boolean hasDefault;

        Jump(boolean loop) {
            this.loop = loop;
        }
    }

    private final List<CfgNode> nodes = new ArrayList<>();
    private final Deque<Jump> jumps = new ArrayDeque<>();
    private final Map<String, CfgNode> labels = new HashMap<>();
    private final List<CfgNode> gotos = new ArrayList<>();
    private final List<CfgNode> computedGotos = new ArrayList<>();
    private final List<CfgNode> asmGotos = new ArrayList<>();
    private final Set<String> addressTakenLabels = new LinkedHashSet<>();
    private CfgNode exit;

    private CfgBuilder() {}

    public static Cfg build(Stmt body, SourcePos start, SourcePos end) {
        CfgBuilder b = new CfgBuilder();
        CfgNode entry = b.node(CfgNode.Kind.ENTRY, start, null, null, null);
        b.exit = new CfgNode(-1, CfgNode.Kind.EXIT, end, null, null, null);
        List<Pending> out = b.stmt(body, List.of(new Pending(entry, Edge.Kind.NORMAL, null)));
        CfgNode exit = b.node(CfgNode.Kind.EXIT, end, null, null, null);
        b.retarget(exit);
        link(out, exit);
        b.resolveGotos(exit);
        return new Cfg(b.nodes, entry, exit);
    }

    // The exit node is created last so that node ids follow source order; edges made to the placeholder
    // before then are moved onto it here.
    private void retarget(CfgNode realExit) {
        for (Edge e : exit.in) {
            e.from().out.remove(e);
            edge(e.from(), realExit, e.kind(), e.label());
        }
        exit = realExit;
    }

    private CfgNode node(CfgNode.Kind kind, SourcePos pos, Stmt stmt, Expr expr, String label) {
        CfgNode n = new CfgNode(nodes.size(), kind, pos, stmt, expr, label);
        nodes.add(n);
        return n;
    }

    private static void edge(CfgNode from, CfgNode to, Edge.Kind kind, String label) {
        Edge e = new Edge(from, to, kind, label);
        from.out.add(e);
        to.in.add(e);
    }

    private static void link(List<Pending> in, CfgNode to) {
        for (Pending p : in) edge(p.from(), to, p.kind(), p.label());
    }

    private static List<Pending> from(CfgNode n) {
        return List.of(new Pending(n, Edge.Kind.NORMAL, null));
    }

    private static List<Pending> retag(List<Pending> in, Edge.Kind kind) {
        List<Pending> r = new ArrayList<>(in.size());
        for (Pending p : in) r.add(new Pending(p.from(), p.kind() == Edge.Kind.NORMAL ? kind : p.kind(), p.label()));
        return r;
    }

    private static List<Pending> concat(List<Pending> a, List<Pending> b) {
        List<Pending> r = new ArrayList<>(a.size() + b.size());
        r.addAll(a);
        r.addAll(b);
        return r;
    }

    private CfgNode simple(CfgNode.Kind kind, Stmt s, Expr e, String label, List<Pending> in) {
        CfgNode n = node(kind, s.pos, s, e, label);
        link(in, n);
        collect(e, n);
        return n;
    }

    private List<Pending> stmt(Stmt s, List<Pending> in) {
        if (s == null) return in;
        switch (s.kind) {
            case BLOCK: {
                List<Pending> cur = in;
                for (Stmt c : s.body) cur = stmt(c, cur);
                return cur;
            }
            case EMPTY:
            case LOCAL_LABELS:
                return in;
            case EXPR:
                return from(simple(CfgNode.Kind.STATEMENT, s, s.expr, null, in));
            case ASM: {
                CfgNode n = simple(CfgNode.Kind.ASM, s, null, null, in);
                if (!s.labels.isEmpty()) asmGotos.add(n);
                return from(n);
            }
            case DECL: {
                CfgNode n = node(CfgNode.Kind.STATEMENT, s.pos, s, s.expr, null);
                link(in, n);
                collect(s.expr, n);
                for (Stmt.Declarator d : s.declarators) {
                    if (d.init() == null) continue;
                    collect(d.init(), n);
                    n.assignments.add(new Assignment(d.name(), null, "=", d.init(), d.pos(), true));
                }
                return from(n);
            }
            case SKIPPED: {
                CfgNode n = node(CfgNode.Kind.SKIPPED, s.pos, s, null, null);
                link(in, n);
                for (Expr call : s.lexicalCalls) {
                    n.calls.add(new CallSite(call.calleeName(), call.kid(0).text(), call, call.args(), call.pos(), true));
                }
                return from(n);
            }
            case IF: {
                CfgNode c = simple(CfgNode.Kind.BRANCH, s, s.expr, null, in);
                List<Pending> t = stmt(s.then, List.of(new Pending(c, Edge.Kind.TRUE, null)));
                List<Pending> f = List.of(new Pending(c, Edge.Kind.FALSE, null));
                if (s.otherwise != null) f = stmt(s.otherwise, f);
                return concat(t, f);
            }
            case WHILE: {
                CfgNode c = simple(CfgNode.Kind.BRANCH, s, s.expr, null, in);
                Jump j = new Jump(true);
                jumps.push(j);
                List<Pending> b = stmt(s.then, List.of(new Pending(c, Edge.Kind.TRUE, null)));
                jumps.pop();
                link(retag(concat(b, j.continues), Edge.Kind.BACK), c);
                return concat(List.of(new Pending(c, Edge.Kind.FALSE, null)), j.breaks);
            }
            case DO: {
                CfgNode head = node(CfgNode.Kind.JOIN, s.pos, s, null, null);
                link(in, head);
                Jump j = new Jump(true);
                jumps.push(j);
                List<Pending> b = stmt(s.then, from(head));
                jumps.pop();
                CfgNode c = node(CfgNode.Kind.BRANCH, s.expr != null ? s.expr.pos() : s.pos, s, s.expr, null);
                link(concat(b, j.continues), c);
                collect(s.expr, c);
                edge(c, head, Edge.Kind.BACK, null);
                return concat(List.of(new Pending(c, Edge.Kind.FALSE, null)), j.breaks);
            }
            case FOR: {
                List<Pending> cur = stmt(s.init, in);
                CfgNode c = s.expr != null
                        ? simple(CfgNode.Kind.BRANCH, s, s.expr, null, cur)
                        : simple(CfgNode.Kind.JOIN, s, null, null, cur);
                Jump j = new Jump(true);
                jumps.push(j);
                List<Pending> b = stmt(s.then, List.of(new Pending(c, s.expr != null ? Edge.Kind.TRUE : Edge.Kind.NORMAL, null)));
                jumps.pop();
                List<Pending> toStep = concat(b, j.continues);
                if (s.step != null) {
                    CfgNode st = node(CfgNode.Kind.STATEMENT, s.step.pos(), s, s.step, null);
                    link(toStep, st);
                    collect(s.step, st);
                    edge(st, c, Edge.Kind.BACK, null);
                } else {
                    link(retag(toStep, Edge.Kind.BACK), c);
                }
                List<Pending> out = new ArrayList<>(j.breaks);
                if (s.expr != null) out.add(0, new Pending(c, Edge.Kind.FALSE, null));
                return out;
            }
            case SWITCH: {
                CfgNode sw = simple(CfgNode.Kind.SWITCH, s, s.expr, null, in);
                Jump j = new Jump(false);
                j.switchNode = sw;
                jumps.push(j);
                List<Pending> b = stmt(s.then, List.of());
                jumps.pop();
                List<Pending> out = concat(b, j.breaks);
                if (!j.hasDefault) out.add(new Pending(sw, Edge.Kind.DEFAULT, null));
                return out;
            }
            case CASE:
            case DEFAULT: {
                Jump j = innermostSwitch();
                String text = s.kind == Stmt.Kind.CASE
                        ? s.expr.text() + (s.caseHigh != null ? " ... " + s.caseHigh.text() : "") : "default";
                CfgNode n = node(CfgNode.Kind.CASE, s.pos, s, s.expr, text);
                link(retag(in, Edge.Kind.FALLTHROUGH), n);
                if (j != null) {
                    if (s.kind == Stmt.Kind.DEFAULT) {
                        j.hasDefault = true;
                        edge(j.switchNode, n, Edge.Kind.DEFAULT, null);
                    } else {
                        edge(j.switchNode, n, Edge.Kind.CASE, text);
                    }
                }
                return from(n);
            }
            case LABEL: {
                CfgNode n = node(CfgNode.Kind.LABEL, s.pos, s, null, s.name);
                labels.putIfAbsent(s.name, n);
                link(in, n);
                return from(n);
            }
            case GOTO:
                gotos.add(simple(CfgNode.Kind.GOTO, s, null, s.name, in));
                return List.of();
            case COMPUTED_GOTO:
                computedGotos.add(simple(CfgNode.Kind.GOTO, s, s.expr, null, in));
                return List.of();
            case RETURN: {
                CfgNode n = simple(CfgNode.Kind.RETURN, s, s.expr, null, in);
                edge(n, exit, Edge.Kind.RETURN, null);
                return List.of();
            }
            case BREAK: {
                Jump j = jumps.peek();
                if (j == null) return in; // stray break: carry on
                j.breaks.addAll(retag(in, Edge.Kind.BREAK));
                return List.of();
            }
            case CONTINUE: {
                Jump j = innermostLoop();
                if (j == null) return in;
                j.continues.addAll(retag(in, Edge.Kind.CONTINUE));
                return List.of();
            }
            case MACRO:
                return macro(s, in);
            default:
                throw new IllegalStateException("unhandled statement kind " + s.kind);
        }
    }

    private List<Pending> macro(Stmt s, List<Pending> in) {
        String name = s.expr.calleeName();
        switch (s.macroKind) {
            case ITERATOR: {
                CfgNode h = simple(CfgNode.Kind.ITERATOR, s, s.expr, name, in);
                Jump j = new Jump(true);
                jumps.push(j);
                List<Pending> b = stmt(s.then, List.of(new Pending(h, Edge.Kind.TRUE, null)));
                jumps.pop();
                link(retag(concat(b, j.continues), Edge.Kind.BACK), h);
                return concat(List.of(new Pending(h, Edge.Kind.FALSE, null)), j.breaks);
            }
            case GUARD: {
                CfgNode g = simple(CfgNode.Kind.GUARD_BEGIN, s, s.expr, name, in);
                Jump j = new Jump(true); // scoped_guard is a for loop: break leaves it
                jumps.push(j);
                List<Pending> b = stmt(s.then, from(g));
                jumps.pop();
                CfgNode end = node(CfgNode.Kind.GUARD_END, s.pos, s, null, name);
                link(concat(b, concat(j.breaks, j.continues)), end);
                return from(end);
            }
            default: {
                CfgNode n = simple(CfgNode.Kind.STATEMENT, s, s.expr, null, in);
                return stmt(s.then, from(n));
            }
        }
    }

    private Jump innermostSwitch() {
        for (Jump j : jumps) if (j.switchNode != null) return j;
        return null;
    }

    private Jump innermostLoop() {
        for (Jump j : jumps) if (j.loop) return j;
        return null;
    }

    private void resolveGotos(CfgNode exitNode) {
        for (CfgNode g : gotos) {
            CfgNode target = labels.get(g.label());
            edge(g, target != null ? target : exitNode, Edge.Kind.GOTO, g.label());
        }
        for (CfgNode g : asmGotos) {
            for (String l : g.stmt().labels) {
                CfgNode t = labels.get(l);
                if (t != null) edge(g, t, Edge.Kind.GOTO, l);
            }
        }
        for (CfgNode g : computedGotos) {
            Set<String> targets = addressTakenLabels.isEmpty() ? labels.keySet() : addressTakenLabels;
            for (String l : targets) {
                CfgNode t = labels.get(l);
                if (t != null) edge(g, t, Edge.Kind.GOTO, l);
            }
        }
    }

    /** Adds the calls and writes of e to n, in evaluation order (arguments before the call). */
    private void collect(Expr e, CfgNode n) {
        if (e == null) return;
        if (e.kind() == Expr.Kind.STMT_EXPR) {
            collectStmt(e.block(), n);
            return;
        }
        for (Expr k : e.kids()) collect(k, n);
        switch (e.kind()) {
            case CALL:
                n.calls.add(new CallSite(e.calleeName(), e.kid(0).text(), e, e.args(), e.pos(), false));
                break;
            case ASSIGN: {
                Expr t = e.kid(0);
                n.assignments.add(new Assignment(t.kind() == Expr.Kind.NAME ? t.name() : null, t, e.op(), e.kid(1),
                        e.pos(), false));
                break;
            }
            case LABEL_ADDRESS:
                addressTakenLabels.add(e.name());
                break;
            default:
                break;
        }
    }

    private void collectStmt(Stmt s, CfgNode n) {
        if (s == null) return;
        collect(s.expr, n);
        collect(s.step, n);
        collect(s.caseHigh, n);
        for (Stmt.Declarator d : s.declarators) {
            if (d.init() == null) continue;
            collect(d.init(), n);
            n.assignments.add(new Assignment(d.name(), null, "=", d.init(), d.pos(), true));
        }
        collectStmt(s.init, n);
        collectStmt(s.then, n);
        collectStmt(s.otherwise, n);
        for (Stmt c : s.body) collectStmt(c, n);
        for (Expr c : s.lexicalCalls) collect(c, n);
    }
}
