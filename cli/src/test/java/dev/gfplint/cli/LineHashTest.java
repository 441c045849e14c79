package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link LineHash} against values produced by the github/codeql-action implementation itself.
 *
 * <p>How the expected values were produced (none of that code is in this repository): the action's
 * {@code src/fingerprints.ts} (github/codeql-action, stored version at commit
 * 0225834cc549ee0ca93cb085b92954821a145866, the streaming {@code async hash(callback, filepath)}) was saved
 * unchanged into a scratch directory outside the repository, with {@code npm install long typescript@5}
 * there (long 5.3.2, as the action's package.json asks for {@code ^5.3.2}; typescript 5.9.3). A scratch
 * script transpiled it with {@code ts.transpileModule} (CommonJS, ES2020, esModuleInterop), wrote each input
 * below to a file as UTF-8 and called the action's exported {@code hash(callback, path)} on it, collecting
 * every (line, hash) the callback got; it also ran each file through the action's
 * {@code addFingerprints(sarif, dir, logger)} with one result per line and checked that the
 * {@code primaryLocationLineHash} it set was the same string. Commands: {@code node transpile.js && node run.js}
 * under node v20.20.2. The inputs in the script were the same string literals as here.
 */
class LineHashTest {
    /** A small kernel-style C file: tab indentation, an empty line, a line of four spaces, LF endings. */
    private static final String C = "#include <linux/slab.h>\n\nstatic int foo(struct device *dev)\n{\n"
            + "\tvoid *p = kmalloc(64, GFP_KERNEL);\n\n\tif (!p)\n\t\treturn -ENOMEM;\n    \n\tkfree(p);\n"
            + "\treturn 0;\n}\n";

    /** What the action produced for {@link #C}, and identically for its CRLF, CR and spaces-for-tabs forms. */
    private static final List<String> C_HASHES = List.of(
            "e81055ec80df851b:1", "1d0ae1845ff37caf:1", "3a72721bdf107346:1", "1a2f0ae1239d8cf6:1",
            "26b0a2aed0652745:1", "3e9ea4e3445ab298:1", "14cdaed2e1fb3d8e:1", "dcd02e5ae8aabe0b:1",
            "13ce684ecdcf81ac:1", "e4b4ed5dbfdd2b72:1", "1faea435564ce3cb:1", "32dce9ccfdbc9d3e:1",
            "c129715d7a2bc9a3:1");

    /** 104 non-blank characters: the part of the long line that the two long-line inputs share. */
    private static final String LONG_HEAD = "\tret = some_function_with_a_rather_long_name(argument_number_one, "
            + "argument_number_two, argument_number_three, ";

    private static final List<String> LONG_HASHES = List.of(
            "4ca3bce22a54380c:1", "bd5da16d52a47f2f:1", "cad3b6564c8a8b42:1", "d8de10c22ff4f706:1",
            "32dce9ccfdbc9d3e:1", "c129715d7a2bc9a3:1");

    @Test
    void emptyFileHasOneLineHoldingTheEndMarker() {
        assertEquals(List.of("c129715d7a2bc9a3:1"), LineHash.all(""));
    }

    @Test
    void cFileWithTabsBlankLinesAndTrailingNewline() {
        // 12 lines of text plus line 13 after the final newline, which the action hashes too.
        assertEquals(C_HASHES, LineHash.all(C));
    }

    @Test
    void crlfAndLoneCrGiveTheSameHashesAsLf() {
        assertEquals(C_HASHES, LineHash.all(C.replace("\n", "\r\n")));
        assertEquals(C_HASHES, LineHash.all(C.replace("\n", "\r")));
    }

    @Test
    void spacesAndTabsAreIgnored() {
        assertEquals(C_HASHES, LineHash.all(C.replace("\t", "        ")));
    }

    @Test
    void fileNotEndingInNewline() {
        // No line 13; lines 4..12 differ from C_HASHES because their 100-character windows reach the end.
        assertEquals(List.of(
                "e81055ec80df851b:1", "1d0ae1845ff37caf:1", "3a72721bdf107346:1", "21d4f2e4bc6b26a8:1",
                "ce65deaf3e01027:1", "bfc75b44a5823452:1", "bfb00ae5ecb0fd70:1", "cf302953db38d685:1",
                "e392067e4e8c019e:1", "ebfaca3b5b1ba96c:1", "f07bbe9ab753275:1", "13db8c734146ff90:1"),
                LineHash.all(C.substring(0, C.length() - 1)));
    }

    @Test
    void repeatedLinesAreCountedInTheSuffix() {
        // 15 identical lines of 10 kept characters: the windows of lines 3..8 are identical (:1..:6);
        // from line 9 on the window reaches the closing brace.
        String text = "void f(void)\n{\n" + "\tkfree(a);\n".repeat(15) + "}\n";
        assertEquals(List.of(
                "bf54afb45c9e76d7:1", "a63d7e76ea904618:1", "1ff8bea3b86536a8:1", "1ff8bea3b86536a8:2",
                "1ff8bea3b86536a8:3", "1ff8bea3b86536a8:4", "1ff8bea3b86536a8:5", "1ff8bea3b86536a8:6",
                "2015f889f35156c2:1", "e74794a2203d0bde:1", "a6b5ac61f2e02b1a:1", "32841b439e4a8b76:1",
                "cb1d77f7cec60bf2:1", "4fae181dd030538e:1", "5178e0ed3cb6914a:1", "287d5512d3633c26:1",
                "9eb42443266dd322:1", "32dce9ccfdbc9d3e:1", "c129715d7a2bc9a3:1"),
                LineHash.all(text));
        // The counter counts lines that were not asked for.
        assertEquals(Map.of(6, "1ff8bea3b86536a8:4"), LineHash.hashes(text, Set.of(6)));
    }

    @Test
    void onlyTheFirstHundredNonBlankCharactersOfALineCount() {
        // The two files differ only after the 104th non-blank character of line 3: the action gave both the
        // same hashes for every line.
        String kernel = "int g(void)\n{\n" + LONG_HEAD + "GFP_KERNEL);\n\treturn ret;\n}\n";
        String atomic = "int g(void)\n{\n" + LONG_HEAD + "GFP_ATOMIC);\n\treturn ret;\n}\n";
        assertEquals(LONG_HASHES, LineHash.all(kernel));
        assertEquals(LONG_HASHES, LineHash.all(atomic));
    }

    @Test
    void lineBreakCornerCases() {
        // a CR b CR space LF c LF CR d CR tab LF e: the space and the tab clear the CR state, so the LF after
        // them is a break of its own (8 lines); LF then CR is two breaks.
        assertEquals(List.of(
                "9135aa4fef00ad7c:1", "80631da087eeb27d:1", "5ac6a158f59bbd81:1", "26952bd58061d13b:1",
                "ecca7454320f6c3a:1", "4122aa253d1a11f8:1", "bbc8c6730435e79a:1", "2be488999ca9e6d8:1"),
                LineHash.all("a\rb\r \nc\n\rd\r\t\ne"));
    }

    @Test
    void nonAsciiIsHashedByUtf16CodeUnitAndABomIsKept() {
        String text = "/* caf\u00e9 */\nint x; // \ud83d\ude00\n";
        assertEquals(List.of("99cfef3cb8c51669:1", "9566ebf787020e42:1", "c129715d7a2bc9a3:1"),
                LineHash.all(text));
        assertEquals(List.of("141b96420faea498:1", "9566ebf787020e42:1", "c129715d7a2bc9a3:1"),
                LineHash.all("\ufeff" + text));
    }

    @Test
    void vectorFromTheActionsOwnTest() {
        // This input and these values are also in github/codeql-action src/fingerprints.test.ts; the run above
        // reproduced them.
        assertEquals(List.of(
                "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
                "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"),
                LineHash.all(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n"));
    }

    @Test
    void largeFileSelectedLines() {
        // 168,890 bytes as UTF-8, more than one 64 KiB chunk of the stream the action reads the file with.
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10000; i++) {
            sb.append("\tline_").append(i).append(" = \u00e9;\n");
        }
        String text = sb.toString();
        Map<Integer, String> got = LineHash.hashes(text, Set.of(0, 1, 2, 5000, 9999, 10000, 10001, 10002));
        assertEquals(Map.of(
                1, "b694bb6b0572ad9:1",
                2, "236e3192ee315874:1",
                5000, "9ee675654c2cd410:1",
                9999, "e21a4e905ab97932:1",
                10000, "82b1429911768efd:1",
                10001, "c129715d7a2bc9a3:1"), got);
        assertEquals(10001, LineHash.all(text).size());
    }

    @Test
    void ofAndHashesAgreeWithAll() {
        for (int line = 1; line <= C_HASHES.size(); line++) {
            assertEquals(C_HASHES.get(line - 1), LineHash.of(C, line));
        }
        assertEquals(Map.of(2, C_HASHES.get(1), 13, C_HASHES.get(12)), LineHash.hashes(C, Set.of(13, 2)));
        assertEquals(List.of(2, 13), List.copyOf(LineHash.hashes(C, Set.of(13, 2)).keySet()));
    }

    @Test
    void linesTheFileDoesNotHaveGetNoHash() {
        assertNull(LineHash.of(C, 0));
        assertNull(LineHash.of(C, 14));
        assertNull(LineHash.of(C.substring(0, C.length() - 1), 13));
        assertEquals(Map.of(), LineHash.hashes(C, Set.of()));
        assertEquals(Map.of(), LineHash.hashes(C, Set.of(-1, 0, 99)));
    }
}
