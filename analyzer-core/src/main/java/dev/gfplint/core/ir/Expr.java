package dev.gfplint.core.ir;

import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * An expression tree node. One class with a {@link Kind} rather than a class per operator: the analyses
 * walk these trees generically (collect calls, evaluate masks) and the kinds are few.
 *
 * <p>Children by kind: CALL (callee, args...), INDEX (base, index), MEMBER (base; {@link #name} is the
 * field, {@link #op} "." or "->"), UNARY/POSTFIX/SIZEOF (operand), BINARY/ASSIGN (left, right; {@link #op}),
 * CAST (operand; {@link #name} is the type text), CONDITIONAL (cond, then or null for GNU {@code ?:}, else),
 * COMMA (items), INIT_LIST and COMPOUND_LITERAL (elements; designators are kept in the element text),
 * STMT_EXPR ({@link #block} holds the statements).
 */
public final class Expr {
    public enum Kind {
        NAME, INT, FLOAT, CHAR, STRING, CALL, INDEX, MEMBER, POSTFIX, UNARY, SIZEOF, SIZEOF_TYPE, CAST, BINARY,
        CONDITIONAL, ASSIGN, COMMA, STMT_EXPR, COMPOUND_LITERAL, INIT_LIST, TYPE, LABEL_ADDRESS, GENERIC,
        PP_CONDITION, EMPTY, UNPARSED
    }

    private final Kind kind;
    private final String op;
    private final String name;
    private final List<Expr> kids;
    private final Stmt block;
    private final SourcePos pos;
    private final SourceText src;
    private final int start;
    private final int end;

    public Expr(Kind kind, String op, String name, List<Expr> kids, Stmt block, SourcePos pos, SourceText src,
                int start, int end) {
        this.kind = kind;
        this.op = op;
        this.name = name;
        this.kids = kids == null ? Collections.emptyList() : kids;
        this.block = block;
        this.pos = pos;
        this.src = src;
        this.start = start;
        this.end = end;
    }

    public Kind kind() { return kind; }
    /** The operator spelling for UNARY, POSTFIX, BINARY, ASSIGN, MEMBER, SIZEOF. */
    public String op() { return op; }
    /** The identifier for NAME, the field for MEMBER, the type text for CAST/SIZEOF_TYPE/TYPE/COMPOUND_LITERAL. */
    public String name() { return name; }
    public List<Expr> kids() { return kids; }
    public Expr kid(int i) { return kids.get(i); }
    public Stmt block() { return block; }
    public SourcePos pos() { return pos; }

    /** The source text of this expression, comments removed and white space folded. */
    public String text() {
        if (kind == Kind.PP_CONDITION) return name; // the directive itself, e.g. "#ifdef CONFIG_X"
        if (kind == Kind.NAME && name != null) return name; // one identifier token: its text is its name
        return src == null ? "" : src.normalized(start, end);
    }

    public boolean isCall() { return kind == Kind.CALL; }

    /** For a CALL: the callee's name when it is a plain identifier, else null (a call through a pointer). */
    public String calleeName() {
        if (kind != Kind.CALL) return null;
        Expr c = kids.get(0);
        return c.kind == Kind.NAME ? c.name : null;
    }

    /** For a CALL: its arguments. */
    public List<Expr> args() {
        return kind == Kind.CALL ? kids.subList(1, kids.size()) : Collections.emptyList();
    }

    /** Visits this node and every sub-expression, pre-order; does not descend into statement expressions. */
    public void forEach(Consumer<Expr> visitor) {
        visitor.accept(this);
        for (Expr k : kids) if (k != null) k.forEach(visitor);
    }

    @Override
    public String toString() {
        return text();
    }
}
