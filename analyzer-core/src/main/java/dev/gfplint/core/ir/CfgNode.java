package dev.gfplint.core.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A CFG node: one simple statement, one condition, a label, or the entry/exit. It lists the calls and the
 * writes that happen when control passes through it, in evaluation order.
 */
public final class CfgNode {
    public enum Kind {
        ENTRY, EXIT,
        /** an expression statement or a declaration */
        STATEMENT,
        /** a two-way branch on {@link #expr} (if, loops, ?: is not split) */
        BRANCH,
        /** a multi-way branch on {@link #expr} */
        SWITCH,
        /** the head of an iterator macro: it loops over its body zero or more times */
        ITERATOR,
        /** entry of a scoped guard body; its matching GUARD_END closes the scope */
        GUARD_BEGIN, GUARD_END,
        RETURN, GOTO, LABEL, CASE, JOIN, ASM,
        /** a statement the parser skipped; its calls come from a lexical scan */
        SKIPPED
    }

    private final int id;
    private final Kind kind;
    private final SourcePos pos;
    private final Stmt stmt;
    private final Expr expr;
    private final String label;
    final List<CallSite> calls = new ArrayList<>(1);
    final List<Assignment> assignments = new ArrayList<>(1);
    final List<Edge> out = new ArrayList<>(2);
    final List<Edge> in = new ArrayList<>(2);

    CfgNode(int id, Kind kind, SourcePos pos, Stmt stmt, Expr expr, String label) {
        this.id = id;
        this.kind = kind;
        this.pos = pos;
        this.stmt = stmt;
        this.expr = expr;
        this.label = label;
    }

    public int id() { return id; }
    public Kind kind() { return kind; }
    public SourcePos pos() { return pos; }
    /** The statement this node came from (null for ENTRY, EXIT, JOIN). */
    public Stmt stmt() { return stmt; }
    /** The expression evaluated here: a condition, a returned value, an expression statement. */
    public Expr expr() { return expr; }
    /** The label name for LABEL and GOTO nodes, the guard/iterator macro name for those kinds. */
    public String label() { return label; }
    public List<CallSite> calls() { return Collections.unmodifiableList(calls); }
    public List<Assignment> assignments() { return Collections.unmodifiableList(assignments); }
    public List<Edge> successors() { return Collections.unmodifiableList(out); }
    public List<Edge> predecessors() { return Collections.unmodifiableList(in); }

    @Override
    public String toString() {
        return id + ":" + kind + "@" + pos;
    }
}
