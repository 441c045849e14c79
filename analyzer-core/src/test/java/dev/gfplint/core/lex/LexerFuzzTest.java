package dev.gfplint.core.lex;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gfplint.core.FuzzText;
import dev.gfplint.core.idiom.IdiomTable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The lexer on arbitrary text: it must never fail, and its tokens must describe the text: each a non-empty range
 * inside it, in order and not overlapping, on the line where it starts (1 + the newlines before it: findings are
 * reported at these lines) and at the column where it starts on that line.
 * Regression inputs: src/test/resources/dev/gfplint/core/lex/LexerFuzzTestInputs/lex (plus the C fixtures of
 * testdata/, copied there by the build). Fuzz with bench/fuzz.sh.
 */
class LexerFuzzTest {
    private static final Lexer LEXER = new Lexer(IdiomTable.defaults());

    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @FuzzTest
    void lex(byte[] input) {
        char[] text = FuzzText.chars(input);
        TokenBuffer tb = LEXER.lex(text);
        assertTrue(tb.text == text, "the buffer keeps the text it lexed");
        int lines = FuzzText.lineCount(text);
        int prevEnd = 0;
        int prevLine = 1;
        int newlines = 0; // before offset `at`
        int at = 0;
        int lineStart = 0;
        for (int i = 0; i < tb.size(); i++) {
            int s = tb.start(i);
            int e = tb.end(i);
            int line = tb.line(i);
            int col = tb.col(i);
            if (s < prevEnd || e <= s || e > text.length) {
                fail("token " + i + " [" + s + ", " + e + ") after one ending at " + prevEnd + " in a text of "
                        + text.length + " chars: '" + FuzzText.excerpt(text, s, e) + "'");
            }
            if (line < 1 || line < prevLine || line > lines) {
                fail("token " + i + " at offset " + s + " on line " + line + " (previous token on line " + prevLine
                        + ", the text has " + lines + " lines)");
            }
            for (; at < s; at++) { // s >= prevEnd >= at
                if (text[at] == '\n') {
                    newlines++;
                    lineStart = at + 1;
                }
            }
            if (line != newlines + 1 || col != s - lineStart + 1) {
                fail("token " + i + " '" + FuzzText.excerpt(text, s, e) + "' at offset " + s + " starts on line "
                        + (newlines + 1) + ", column " + (s - lineStart + 1) + ", but the lexer says line " + line
                        + ", column " + col);
            }
            if (tb.type(i) == Tok.DIRECTIVE) {
                // a directive's kind must be readable (the #if policy and the macro reader switch on it)
                tb.directiveKind(i);
                if (text[s] != '#') fail("directive token " + i + " does not start with '#'");
            }
            prevEnd = e;
            prevLine = line;
        }
    }
}
