package dev.gfplint.core.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gfplint.core.FuzzText;
import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.ir.Function;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The body parser (with the AST and CFG builders behind it), through the front end, on arbitrary text wrapped as the
 * body of a function: {@code void f(void)\n{\n} + input + {@code \n}\n}. The front end must not throw and must not
 * hide an internal error (it catches and counts them: here every one is a failure, with its note), the first
 * function must be f, and the counters must agree with the functions returned. And the IR must be what ANTLR alone
 * makes of the text ({@link QuickParser} reads most bodies).
 */
class BodyParserFuzzTest {
    private static final FrontEnd FRONT = new FrontEnd(IdiomTable.defaults(), true);
    private static final char[] HEAD = "void f(void)\n{\n".toCharArray();
    private static final char[] TAIL = "\n}\n".toCharArray();

    private static final dev.gfplint.core.lex.Lexer LEXER = new dev.gfplint.core.lex.Lexer(IdiomTable.defaults());

    /** Whether the wrapper's closing brace is still a token (an unterminated comment in the input eats it). */
    private static boolean closes(char[] text) {
        dev.gfplint.core.lex.TokenBuffer tb = LEXER.lex(text);
        for (int i = tb.size() - 1; i >= 0; i--) {
            int t = tb.type(i);
            if (t == dev.gfplint.grammar.KernelC.RBRACE) return true;
            if (t != dev.gfplint.core.lex.Tok.DIRECTIVE && t != dev.gfplint.core.lex.Tok.DROPPED) return false;
        }
        return false;
    }

    /** Whether the first token after the wrapper's opening brace is a '.' (the island scanner's initializer test). */
    private static boolean startsWithDesignator(char[] text) {
        dev.gfplint.core.lex.TokenBuffer tb = LEXER.lex(text);
        boolean open = false;
        for (int i = 0; i < tb.size(); i++) {
            int t = tb.type(i);
            if (t == dev.gfplint.core.lex.Tok.DIRECTIVE || t == dev.gfplint.core.lex.Tok.DROPPED) continue;
            if (open) return t == dev.gfplint.grammar.KernelC.DOT;
            if (t == dev.gfplint.grammar.KernelC.LBRACE) open = true;
        }
        return false;
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @FuzzTest
    void parse(byte[] input) {
        char[] body = FuzzText.chars(input);
        char[] text = new char[HEAD.length + body.length + TAIL.length];
        System.arraycopy(HEAD, 0, text, 0, HEAD.length);
        System.arraycopy(body, 0, text, HEAD.length, body.length);
        System.arraycopy(TAIL, 0, text, HEAD.length + body.length, TAIL.length);

        FrontEnd.Result r = FRONT.analyze("fuzz.c", text);
        FrontEnd.FileStats st = r.stats();
        if (st.internalErrors != 0) {
            fail(st.internalErrors + " internal error(s): " + r.notes().stream()
                    .filter(n -> n.message().startsWith("internal error")).map(FrontEnd.Note::message).toList());
        }
        if (st.functions == 0 && !closes(text)) return; // the input opened a comment that swallows the closing brace
        // a body that starts with a designator ({ .name = #name, }) is an initializer made by a macro, not a body
        if (st.functions == 0 && startsWithDesignator(text)) return;
        assertTrue(st.functions >= 1, "the wrapper function is always found");
        assertEquals(st.functions, r.unit().functions().size(), "functions counted and returned");
        assertTrue(st.functionsFullyParsed <= st.functions, "fully parsed <= functions");
        assertTrue(st.functionsGivenUp <= st.functions, "given up <= functions");
        assertTrue(st.functionsFullyParsed + st.functionsGivenUp <= st.functions, "fully parsed + given up <= functions");
        assertTrue(st.statementsSkipped >= 0, "statements skipped >= 0");
        assertEquals(st.functionsFullyParsed, r.unit().functionsFullyParsed(), "fully parsed counted and returned");
        // the wrapper comes first, unless the input itself closed its brace early and left a body that is no
        // function body ({ .name = #name, }): then the functions of the input are what the file defines
        if (r.unit().functions().stream().anyMatch(fn -> fn.name().equals("f"))) {
            assertEquals("f", r.unit().functions().get(0).name(), "the first function is the wrapper");
        }
        int lines = FuzzText.lineCount(text);
        for (Function f : r.unit().functions()) {
            if (f.pos().line() < 1 || f.pos().line() > lines || f.bodyEnd().line() < f.pos().line()
                    || f.bodyEnd().line() > lines) {
                fail("function " + f.name() + " from line " + f.pos().line() + " to " + f.bodyEnd().line()
                        + " in a text of " + lines + " lines");
            }
            if (f.body() == null || f.cfg() == null) fail("function " + f.name() + " has no body or no CFG");
            if (f.fullyParsed() && f.skippedStatements() != 0) fail("function " + f.name() + " fully parsed with skips");
        }
        for (FrontEnd.Note n : r.notes()) {
            if (n.line() < 1 || n.line() > lines) fail("note on line " + n.line() + " of " + lines + ": " + n.message());
        }
        // whichever parser reads a body, ANTLR's tree would have given the same IR, counters and notes
        assertEquals(IrDump.of(ANTLR_ONLY.analyze("fuzz.c", text)), IrDump.of(r), "counters, notes and IR with ANTLR only");
    }

    private static final FrontEnd ANTLR_ONLY = new FrontEnd(IdiomTable.defaults(), true, false);
}
