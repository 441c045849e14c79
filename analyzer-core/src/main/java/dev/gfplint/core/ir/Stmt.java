package dev.gfplint.core.ir;

import java.util.Collections;
import java.util.List;

/**
 * A statement of a function body, as parsed. The CFG ({@link Cfg}) is built from these.
 *
 * <p>Fields by kind: BLOCK ({@link #body}); IF (expr = condition, then, otherwise); SWITCH, WHILE (expr,
 * then = body); DO (then = body, expr = condition); FOR (init = a DECL or EXPR statement or null, expr =
 * condition or null, step, then = body); RETURN (expr or null); EXPR (expr); DECL ({@link #declarators});
 * GOTO and LABEL ({@link #name}); COMPUTED_GOTO (expr); CASE (expr, and caseHigh for GNU ranges);
 * MACRO (expr = the macro call, then = the statement it governs; {@link #macroKind}); SKIPPED (text kept,
 * {@link #lexicalCalls} holds the calls found in its tokens); ASM ({@link #labels} of an asm goto), EMPTY, BREAK, CONTINUE, DEFAULT,
 * LOCAL_LABELS.
 */
public final class Stmt {
    public enum Kind {
        BLOCK, IF, SWITCH, WHILE, DO, FOR, GOTO, COMPUTED_GOTO, CONTINUE, BREAK, RETURN, CASE, DEFAULT, LABEL,
        ASM, EXPR, DECL, MACRO, EMPTY, SKIPPED, LOCAL_LABELS
    }

    /** What a statement-like macro NAME(args) stmt means. */
    public enum MacroKind {
        /** an iterator: stmt runs zero or more times (list_for_each_entry, for_each_cpu, xa_for_each ...) */
        ITERATOR,
        /** a scoped guard: stmt runs once while the scope is held (scoped_guard) */
        GUARD,
        /** an unknown macro written without a semicolon: the call, then stmt once */
        STATEMENT
    }

    /** One declared name with its type text and optional initializer. */
    public record Declarator(String name, String type, Expr init, SourcePos pos) {}

    public final Kind kind;
    public final SourcePos pos;
    /** Where the statement's last token is (a block's closing brace); null where not known. */
    public SourcePos end;
    public Expr expr;
    public Expr step;
    public Expr caseHigh;
    public Stmt init;
    public Stmt then;
    public Stmt otherwise;
    public List<Stmt> body = Collections.emptyList();
    public List<Declarator> declarators = Collections.emptyList();
    public String name;
    public MacroKind macroKind;
    public String text;
    public List<Expr> lexicalCalls = Collections.emptyList();
    /** For ASM: the labels an {@code asm goto} may jump to. */
    public List<String> labels = Collections.emptyList();

    public Stmt(Kind kind, SourcePos pos) {
        this.kind = kind;
        this.pos = pos;
    }

    @Override
    public String toString() {
        return kind + "@" + pos;
    }
}
