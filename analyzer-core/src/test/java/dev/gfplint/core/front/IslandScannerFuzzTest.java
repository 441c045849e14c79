package dev.gfplint.core.front;

import static dev.gfplint.grammar.KernelC.LBRACE;
import static dev.gfplint.grammar.KernelC.RBRACE;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gfplint.core.FuzzText;
import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.lex.Lexer;
import dev.gfplint.core.lex.TokenBuffer;
import dev.gfplint.core.pp.Conditionals;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The file-scope pass on arbitrary text, after the same steps as the front end (lex, drop annotations, #if policy).
 * Every function candidate must be a '{' of the stream and a later '}' of it (or the stream's last token when the
 * file ends first), candidates must follow one another without overlapping, and each name token must be a token of
 * the buffer.
 */
class IslandScannerFuzzTest {
    private static final IdiomTable IDIOMS = IdiomTable.defaults();
    private static final Lexer LEXER = new Lexer(IDIOMS);

    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @FuzzTest
    void scan(byte[] input) {
        char[] text = FuzzText.chars(input);
        TokenBuffer tb = LEXER.lex(text);
        Annotations.drop(tb);
        int[] seq = Conditionals.apply(tb).tokens();
        IslandScanner scanner = new IslandScanner(tb, seq, IDIOMS);
        scanner.scan();
        int prevClose = -1;
        for (IslandScanner.Candidate c : scanner.functions) {
            int open = c.open();
            int close = c.close();
            String what = "function " + c.header().name() + " with braces at stream indices " + open + ".." + close
                    + " of " + seq.length;
            if (open < 0 || close >= seq.length || open >= close) fail(what + ": not open < close within the stream");
            if (open <= prevClose) fail(what + ": overlaps the candidate before it, which closes at " + prevClose);
            if (tb.type(seq[open]) != LBRACE) fail(what + ": does not open at a '{'");
            if (tb.type(seq[close]) != RBRACE && close != seq.length - 1) fail(what + ": does not close at a '}'");
            int name = c.header().nameToken();
            if (name < 0 || name >= tb.size()) fail(what + ": name token " + name + " outside the buffer");
            if (c.header().name() == null || c.header().name().isEmpty()) fail(what + ": no name");
            prevClose = close;
        }
        for (String t : scanner.typedefs) if (t.isEmpty()) fail("an empty typedef name");
        for (IslandScanner.Table t : scanner.tables) {
            if (t.nameTok() < 0 || t.nameTok() >= seq.length) fail("a table's name at stream index " + t.nameTok() + " of " + seq.length);
            if (t.members().isEmpty()) fail("table " + tb.text(seq[t.nameTok()]) + " without members");
            for (int[] m : t.members()) {
                if (m[0] < 0 || m[1] >= seq.length || m[0] >= m[1]) fail("a member of a table at stream indices " + m[0] + ".." + m[1]);
            }
        }
    }
}
