package dev.gfplint.core.pp;

import dev.gfplint.core.ir.Macro;
import dev.gfplint.core.ir.MacroTable;
import dev.gfplint.core.ir.SourcePos;
import dev.gfplint.core.ir.SourceText;
import dev.gfplint.core.lex.DirectiveKind;
import dev.gfplint.core.lex.Lexer;
import dev.gfplint.core.lex.Tok;
import dev.gfplint.core.lex.TokenBuffer;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code #define} and {@code #undef} lines of a file into a {@link MacroTable}. */
public final class MacroReader {
    private MacroReader() {}

    public static MacroTable read(TokenBuffer tb, SourceText src) {
        MacroTable table = new MacroTable();
        char[] s = tb.text;
        // the bodies are made when first asked, from text of their own: holes the caller's text gets later
        // (the #if branches left out) are not theirs
        SourceText bodies = new SourceText(src.chars());
        for (int i = 0, n = tb.size(); i < n; i++) {
            if (tb.type(i) != Tok.DIRECTIVE) continue;
            DirectiveKind k = tb.directiveKind(i);
            if (k != DirectiveKind.DEFINE && k != DirectiveKind.UNDEF) continue;
            int end = tb.end(i);
            int p = tb.start(i) + 1;
            p = skipBlanks(s, p, end);
            while (p < end && Lexer.isIdentPart(s[p])) p++; // "define"
            p = skipBlanks(s, p, end);
            int ns = p;
            while (p < end && Lexer.isIdentPart(s[p])) p++;
            if (p == ns) continue; // malformed: no name
            String name = new String(s, ns, p - ns);
            if (k == DirectiveKind.UNDEF) {
                table.undef(name);
                continue;
            }
            List<String> params = null;
            if (p < end && s[p] == '(') { // function-like only when '(' follows the name directly
                params = new ArrayList<>();
                int close = p + 1;
                while (close < end && s[close] != ')') close++;
                for (String a : src.normalized(p + 1, Math.max(p + 1, close)).split(",")) {
                    String t = a.strip();
                    if (!t.isEmpty()) params.add(t);
                }
                p = Math.min(end, close + 1);
            }
            table.add(new Macro(name, params == null ? null : List.copyOf(params), bodies, p, end, new SourcePos(tb.line(i), tb.col(i))));
        }
        return table;
    }

    private static int skipBlanks(char[] s, int p, int end) {
        while (p < end && (s[p] == ' ' || s[p] == '\t')) p++;
        return p;
    }
}
