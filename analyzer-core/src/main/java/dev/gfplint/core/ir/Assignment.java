package dev.gfplint.core.ir;

/**
 * A write in a CFG node: {@code target op value} with op "=", "|=", "&=", ... or a declaration with an
 * initializer (op "=", {@code declaration} true; {@code targetName} is the declared name).
 */
public record Assignment(String targetName, Expr target, String op, Expr value, SourcePos pos, boolean declaration) {
    /** The target's text, e.g. "gfp" or "tp->t_pflags". */
    public String targetText() {
        return target != null ? target.text() : targetName;
    }
}
