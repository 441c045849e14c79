package dev.gfplint.core.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gfplint.core.ir.Suppression;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionCommentsTest {
    private static List<Suppression> find(String text) {
        return SuppressionComments.find(text.toCharArray());
    }

    private static Suppression only(String text) {
        List<Suppression> all = find(text);
        assertEquals(1, all.size(), () -> "expected exactly one suppression in:\n" + text + "\ngot " + all);
        return all.get(0);
    }

    @Test
    void trailingLineCommentCoversOnlyItsOwnLine() {
        String text = "void *f(unsigned long n)\n"
                + "{\n"
                + "\treturn kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL); // gfplint: ignore[contradictory-gfp-flags] never fails\n"
                + "\treturn kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL);\n"
                + "}\n";
        Suppression s = only(text);
        assertEquals(3, s.line());
        assertFalse(s.fileLevel());
        assertFalse(s.ownLine(), "code precedes the comment on its line");
        assertEquals(List.of("contradictory-gfp-flags"), s.ruleIds());
        assertEquals("never fails", s.reason());
        assertTrue(s.covers("contradictory-gfp-flags", 3));
        assertFalse(s.covers("contradictory-gfp-flags", 2), "line before");
        assertFalse(s.covers("contradictory-gfp-flags", 4), "a trailing comment does not cover the next line");
    }

    @Test
    void ownLineBlockCommentCoversItsLineAndTheNextOnly() {
        String text = "int x;\n"
                + "\t/* gfplint: ignore[gfp-kernel-in-nofs-region] mount time, no lock held */\n"
                + "\tsbi->upcase = kvmalloc(size, GFP_KERNEL);\n"
                + "\tother = kvmalloc(size, GFP_KERNEL);\n";
        Suppression s = only(text);
        assertEquals(2, s.line());
        assertTrue(s.ownLine());
        assertFalse(s.fileLevel());
        assertTrue(s.covers("gfp-kernel-in-nofs-region", 2));
        assertTrue(s.covers("gfp-kernel-in-nofs-region", 3));
        assertFalse(s.covers("gfp-kernel-in-nofs-region", 4), "only the next line, not the one after");
        assertFalse(s.covers("gfp-kernel-in-nofs-region", 1));
    }

    @Test
    void ownLineLineCommentAlsoCoversTheNextLine() {
        Suppression s = only("  // gfplint: ignore[a] why\np = kmalloc(n, GFP_KERNEL);\n");
        assertTrue(s.ownLine());
        assertTrue(s.covers("a", 1));
        assertTrue(s.covers("a", 2));
        assertFalse(s.covers("a", 3));
    }

    @Test
    void severalIdsWithSpacesAreStripped() {
        Suppression s = only("x(); // gfplint: ignore[ rule-a ,rule-b,  rule-c ] because\n");
        assertEquals(List.of("rule-a", "rule-b", "rule-c"), s.ruleIds());
        assertEquals("because", s.reason());
        assertTrue(s.covers("rule-a", 1));
        assertTrue(s.covers("rule-b", 1));
        assertTrue(s.covers("rule-c", 1));
        assertFalse(s.covers("rule-d", 1));
    }

    @Test
    void emptyIdsListIsKeptAsASuppressionWithNoIds() {
        // Suppressions reports 'names no rule' for these, so the parser must hand them on.
        Suppression s = only("// gfplint: ignore[ , ] oops\n");
        assertEquals(List.of(), s.ruleIds());
        assertFalse(s.covers("", 1));
    }

    @Test
    void reasonHasTheCommentCloserStripped() {
        Suppression s = only("/* gfplint: ignore[rule-a]   slab never fails here   */\n");
        assertEquals("slab never fails here", s.reason());
        assertEquals(List.of("rule-a"), s.ruleIds());
    }

    @Test
    void reasonMayBeEmpty() {
        assertEquals("", only("/* gfplint: ignore[rule-a] */\n").reason());
        assertEquals("", only("x(); // gfplint: ignore[rule-a]\n").reason());
        assertEquals("", only("x(); // gfplint: ignore[rule-a]").reason(), "no newline at end of file");
    }

    @Test
    void blockCommentFollowedByCodeIsNotOnItsOwnLine() {
        String text = "/* gfplint: ignore[rule-a] known */ p = kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL);\n"
                + "q = kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL);\n";
        Suppression s = only(text);
        assertFalse(s.ownLine(), "code follows the comment on its line");
        assertEquals("known", s.reason(), "the reason ends where the comment does");
        assertTrue(s.covers("rule-a", 1));
        assertFalse(s.covers("rule-a", 2));
    }

    @Test
    void blockCommentEndingInCodeOnAContinuationLineIsNotOnItsOwnLine() {
        Suppression s = only("/*\n * gfplint: ignore[rule-a] known */ x = 1;\ny = 2;\n");
        assertFalse(s.ownLine());
        assertEquals("known", s.reason());
        assertFalse(s.covers("rule-a", 3));
    }

    @Test
    void closerInsideALineCommentIsPartOfTheReason() {
        Suppression s = only("x(); // gfplint: ignore[rule-a] see a*/b\n");
        assertFalse(s.ownLine());
        assertEquals("see ab", s.reason(), "'*/' is dropped from a line comment's reason, the rest kept");
    }

    @Test
    void ignoreFileCoversEveryLine() {
        String text = "#include <linux/slab.h>\n"
                + "/* gfplint: ignore-file[vmalloc-nofs] this driver only builds on 5.17 and later */\n";
        Suppression s = only(text);
        assertTrue(s.fileLevel());
        assertEquals(2, s.line());
        assertEquals(List.of("vmalloc-nofs"), s.ruleIds());
        assertEquals("this driver only builds on 5.17 and later", s.reason());
        for (int line : new int[] {1, 2, 3, 100, 100_000}) {
            assertTrue(s.covers("vmalloc-nofs", line), "line " + line);
        }
        assertFalse(s.covers("contradictory-gfp-flags", 1));
    }

    @Test
    void lineInsideMultiLineBlockCommentCounts() {
        String text = "/*\n"
                + " * Allocates the buffer.\n"
                + " * gfplint: ignore[x] called before the fs is mounted\n"
                + " */\n"
                + "void *f(void);\n";
        Suppression s = only(text);
        assertEquals(3, s.line());
        assertEquals(4, s.col());
        assertTrue(s.ownLine());
        assertFalse(s.fileLevel());
        assertEquals(List.of("x"), s.ruleIds());
        assertEquals("called before the fs is mounted", s.reason());
        assertTrue(s.covers("x", 3));
        assertTrue(s.covers("x", 4));
        assertFalse(s.covers("x", 5));
    }

    @Test
    void markerOutsideACommentIsIgnored() {
        assertEquals(List.of(), find("const char *s = \"gfplint: ignore[x] not a comment\";\n"));
        assertEquals(List.of(), find("int gfplint: ignore[x];\n"));
        assertEquals(List.of(), find("a = b * c; gfplint: ignore[x]\n"), "a '*' inside code is no comment");
    }

    @Test
    void commentOnAnEarlierLineDoesNotMakeALaterLineAComment() {
        String text = "x(); // a comment\n"
                + "puts(\"gfplint: ignore[x]\");\n";
        assertEquals(List.of(), find(text));
    }

    @Test
    void unknownVerbIsIgnored() {
        assertEquals(List.of(), find("// gfplint: check[x] reason\n"));
        assertEquals(List.of(), find("/* gfplint: ignorefile[x] */\n"));
        assertEquals(List.of(), find("/* gfplint: ignore [x] */\n"), "no space before '['");
        assertEquals(List.of(), find("// gfplint:\n"));
        assertEquals(List.of(), find("// gfplint:"));
    }

    @Test
    void missingClosingBracketIsIgnored() {
        assertEquals(List.of(), find("// gfplint: ignore[x reason\nint y; ]\n"), "']' on a later line does not count");
        assertEquals(List.of(), find("/* gfplint: ignore-file[x, y */\n"));
        assertEquals(List.of(), find("// gfplint: ignore[x"), "end of file inside the brackets");
    }

    @Test
    void markerInsideAnotherWordIsIgnored() {
        assertEquals(List.of(), find("// notgfplint: ignore[x] reason\n"));
        assertEquals(List.of(), find("x(); /* my_gfplint: ignore[x] */\n"));
        assertEquals(List.of(), find("// 2gfplint: ignore-file[x]\n"));
    }

    @Test
    void lineAndColumnAreOneBasedAndPointAtTheMarker() {
        String text = "int a;\n"
                + "\n"
                + "int b; /* gfplint: ignore[r1] one */\n"
                + "\t// gfplint: ignore[r2] two\n"
                + "gfplint_unrelated();\n"
                + "// gfplint: ignore-file[r3] three";
        List<Suppression> all = find(text);
        assertEquals(3, all.size(), () -> all.toString());
        assertEquals(new Suppression(3, 11, false, false, List.of("r1"), "one"), all.get(0));
        assertEquals(new Suppression(4, 5, false, true, List.of("r2"), "two"), all.get(1));
        assertEquals(new Suppression(6, 4, true, true, List.of("r3"), "three"), all.get(2));
    }

    @Test
    void markerAtTheVeryStartOfTheFileIsNotAComment() {
        assertEquals(List.of(), find("gfplint: ignore[x]\n"));
    }

    @Test
    void twoMarkersOnOneLineAreBothFound() {
        List<Suppression> all = find("x(); // gfplint: ignore[a] gfplint: ignore[b]\n");
        assertEquals(2, all.size(), () -> all.toString());
        assertEquals(List.of("a"), all.get(0).ruleIds());
        assertEquals(9, all.get(0).col());
        assertEquals(List.of("b"), all.get(1).ruleIds());
        assertEquals(28, all.get(1).col());
    }

    @Test
    void fileWithoutTheMarkerHasNoSuppressions() {
        assertEquals(List.of(), find(""));
        assertEquals(List.of(), find("#include <linux/slab.h>\n/* allocate */\nvoid *f(void) { return kmalloc(8, GFP_KERNEL); }\n"));
        assertEquals(List.of(), find("// gfplint ignore[x] (no colon)\n"));
        assertEquals(List.of(), find("// gfplin"), "a prefix of the marker at the end of the text");
    }

    @Test
    void coversIsFalseForADifferentRuleId() {
        Suppression s = only("// gfplint: ignore[rule-a,rule-b]\nx();\n");
        assertTrue(s.covers("rule-a", 2));
        assertFalse(s.covers("rule-c", 1));
        assertFalse(s.covers("rule-c", 2));
        assertFalse(s.covers("rule", 1), "no prefix match");
        assertFalse(s.covers("RULE-A", 1), "ids are case-sensitive");
        Suppression file = only("// gfplint: ignore-file[rule-a]\n");
        assertFalse(file.covers("rule-b", 1));
    }
}
