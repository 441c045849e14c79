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

    static List<Expr> find(List<KToken> toks, SourceText src) {
        List<Expr> calls = new ArrayList<>();
        int n = toks.size();
        for (int i = 0; i + 1 < n; i++) {
            KToken name = toks.get(i);
            if (name.getType() != IDENT || toks.get(i + 1).getType() != LPAREN) continue;
            int d = 0;
            int close = -1;
            List<Expr> kids = new ArrayList<>();
            kids.add(expr(Expr.Kind.NAME, name.getText(), name, name, src));
            int argStart = i + 2;
            for (int j = i + 1; j < n; j++) {
                int t = toks.get(j).getType();
                if (t == LPAREN || t == LBRACK || t == LBRACE) d++;
                else if (t == RPAREN || t == RBRACK || t == RBRACE) {
                    if (--d == 0) {
                        close = j;
                        if (j > argStart || kids.size() > 1) kids.add(arg(toks, argStart, j, src));
                        break;
                    }
                } else if (t == COMMA && d == 1) {
                    kids.add(arg(toks, argStart, j, src));
                    argStart = j + 1;
                }
            }
            if (close < 0) continue; // unclosed: not a call we can read
            KToken last = toks.get(close);
            calls.add(new Expr(Expr.Kind.CALL, null, null, kids, null, pos(name), src, name.startOffset(),
                    last.endOffset()));
        }
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
