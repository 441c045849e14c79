package dev.gfplint.core.front;

import static dev.gfplint.grammar.KernelC.*;

import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.lex.Tok;
import dev.gfplint.core.lex.TokenBuffer;

/**
 * Drops annotation macros listed in the idiom table ({@code __init}, {@code __user},
 * {@code __attribute__((...))}, {@code __acquires(x)}, ...) from the token stream, with their argument
 * list when the table says they take one. They carry nothing gfplint needs and stand where C's grammar
 * has no place for an unknown identifier.
 */
final class Annotations {
    private Annotations() {}

    /** Drops them, by the idiom flags the lexer kept beside each identifier (both read the same idiom table). */
    static int drop(TokenBuffer tb) {
        int dropped = 0;
        for (int i = 0, n = tb.size(); i < n; i++) {
            if (tb.type(i) != IDENT || !IdiomTable.annotation(tb.aux(i))) continue; // the lexer's look-up of the spelling
            if (i > 0 && (tb.type(i - 1) == DOT || tb.type(i - 1) == ARROW)) continue; // a member named like one
            tb.setType(i, Tok.DROPPED);
            dropped++;
            if (!IdiomTable.annotationWithArgs(tb.aux(i))) continue;
            int j = i + 1;
            while (j < n && tb.type(j) == Tok.DIRECTIVE) j++;
            if (j >= n || tb.type(j) != LPAREN) continue;
            int d = 0;
            for (; j < n; j++) {
                int t = tb.type(j);
                if (t == Tok.DIRECTIVE) continue;
                if (t == LPAREN) d++;
                else if (t == RPAREN) d--;
                tb.setType(j, Tok.DROPPED);
                if (d == 0) break;
                if (t == LBRACE || t == RBRACE || t == SEMI) {
                    // an argument list never holds these at file scope: stop rather than eat the file
                    tb.setType(j, t);
                    break;
                }
            }
            i = j;
        }
        return dropped;
    }
}
