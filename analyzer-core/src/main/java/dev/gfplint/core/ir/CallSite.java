package dev.gfplint.core.ir;

import java.util.List;

/**
 * A call in a CFG node. {@code callee} is the called name, or null for a call through a pointer
 * ({@code calleeText} then holds the callee expression's text). {@code fromSkippedCode} marks calls found
 * lexically in a statement the parser skipped: their arguments are unparsed text.
 */
public record CallSite(String callee, String calleeText, Expr call, List<Expr> args, SourcePos pos,
                       boolean fromSkippedCode) {
    public Expr arg(int i) {
        return i < args.size() ? args.get(i) : null;
    }

    /** The argument texts, for display and tests. */
    public List<String> argTexts() {
        return args.stream().map(Expr::text).toList();
    }
}
