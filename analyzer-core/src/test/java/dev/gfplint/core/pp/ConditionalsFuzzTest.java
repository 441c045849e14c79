package dev.gfplint.core.pp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gfplint.core.FuzzText;
import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.lex.Lexer;
import dev.gfplint.core.lex.Tok;
import dev.gfplint.core.lex.TokenBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The #if policy on the tokens of arbitrary text. The stream it returns must index the buffer, hold no directive,
 * and keep the file's own tokens in file order (each at most once: synthetic if/else/braces are appended to the
 * buffer and may be anywhere); the holes must be [start, end) ranges of the text, and no token kept in the stream
 * may lie inside one (the text of an expression would then lose it).
 */
class ConditionalsFuzzTest {
    private static final Lexer LEXER = new Lexer(IdiomTable.defaults());

    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @FuzzTest
    void apply(byte[] input) {
        char[] text = FuzzText.chars(input);
        TokenBuffer tb = LEXER.lex(text);
        int original = tb.size();
        Conditionals.Result r = Conditionals.apply(tb);
        int size = tb.size();
        int[] holes = r.holes();
        assertEquals(0, holes.length % 2, "holes come in [start, end) pairs");
        for (int k = 0; k < holes.length; k += 2) {
            if (holes[k] < 0 || holes[k] > holes[k + 1] || holes[k + 1] > text.length) {
                fail("hole " + k / 2 + " [" + holes[k] + ", " + holes[k + 1] + ") in a text of " + text.length + " chars");
            }
        }
        int last = -1;
        for (int i : r.tokens()) {
            if (i < 0 || i >= size) fail("stream index " + i + " outside the buffer of " + size + " tokens");
            int t = tb.type(i);
            if (t == Tok.DIRECTIVE || t == Tok.DROPPED) fail("stream holds token " + i + " of type " + t);
            if (i >= original) continue; // synthetic
            if (i <= last) fail("file token " + i + " comes after file token " + last + " in the stream");
            last = i;
            for (int k = 0; k < holes.length; k += 2) {
                if (tb.start(i) >= holes[k] && tb.start(i) < holes[k + 1]) {
                    fail("token " + i + " '" + tb.text(i) + "' at offset " + tb.start(i) + " (line " + tb.line(i)
                            + ") is kept but lies in the hole [" + holes[k] + ", " + holes[k + 1] + ")");
                }
            }
        }
        if (r.groupsWrapped() < 0 || r.groupsFirstOnly() < 0) fail("negative group counters");
    }
}
