package dev.gfplint.core.front;

import static dev.gfplint.grammar.KernelC.*;

import dev.gfplint.core.ir.Expr;
import dev.gfplint.core.ir.SourcePos;
import dev.gfplint.core.ir.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the calls in the tokens of a statement the parser skipped: every {@code name(...)}, nested ones
 * too, with its arguments split at top-level commas and kept as unparsed text. This keeps an allocation
 * inside an unparsable statement visible to the analyses.
 */
final class LexicalCalls {
    private LexicalCalls() {}

    /** A call whose parenthesis is still open: where its name is, the depth before it, its parts so far. */
    private static final class Open {
        final int name;
        final int depth;
        final int slot;
        final List<Expr> kids = new ArrayList<>();
        int argStart;

        Open(int name, int depth, int slot) {
            this.name = name;
            this.depth = depth;
            this.slot = slot;
            this.argStart = name + 2;
        }
    }

    /** One pass, however deeply the calls nest; calls come out in the order of their names. */
    static List<Expr> find(List<KToken> toks, SourceText src) {
        List<Expr> calls = new ArrayList<>();
        java.util.ArrayDeque<Open> open = new java.util.ArrayDeque<>();
        int n = toks.size();
        int depth = 0;
        for (int i = 0; i < n; i++) {
            int t = toks.get(i).getType();
            if (t == IDENT && i + 1 < n && toks.get(i + 1).getType() == LPAREN) {
                Open o = new Open(i, depth, calls.size());
                KToken name = toks.get(i);
                o.kids.add(expr(Expr.Kind.NAME, name.getText(), name, name, src));
                calls.add(null); // its place, filled when it closes (an unclosed call is not one we can read)
                open.push(o);
            } else if (t == LPAREN || t == LBRACK || t == LBRACE) {
                depth++;
            } else if (t == RPAREN || t == RBRACK || t == RBRACE) {
                depth--;
                Open o = open.peek();
                if (o != null && o.depth == depth) {
                    open.pop();
                    if (i > o.argStart || o.kids.size() > 1) o.kids.add(arg(toks, o.argStart, i, src));
                    KToken name = toks.get(o.name);
                    calls.set(o.slot, new Expr(Expr.Kind.CALL, null, null, o.kids, null, pos(name), src,
                            name.startOffset(), toks.get(i).endOffset()));
                }
            } else if (t == COMMA) {
                Open o = open.peek();
                if (o != null && depth == o.depth + 1) {
                    o.kids.add(arg(toks, o.argStart, i, src));
                    o.argStart = i + 1;
                }
            }
        }
        calls.removeIf(java.util.Objects::isNull);
        return calls;
    }

    private static Expr arg(List<KToken> toks, int a, int b, SourceText src) {
        if (b <= a) {
            KToken at = toks.get(Math.min(a, toks.size() - 1));
            return new Expr(Expr.Kind.EMPTY, null, null, null, null, pos(at), src, at.startOffset(), at.startOffset());
        }
        return expr(Expr.Kind.UNPARSED, null, toks.get(a), toks.get(b - 1), src);
    }

    private static Expr expr(Expr.Kind kind, String name, KToken first, KToken last, SourceText src) {
        return new Expr(kind, null, name, null, null, pos(first), src, first.startOffset(),
                Math.max(first.startOffset(), last.endOffset()));
    }

    private static SourcePos pos(KToken t) {
        return new SourcePos(t.getLine(), t.getCharPositionInLine() + 1);
    }
}
