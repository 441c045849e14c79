package dev.gfplint.core.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.ir.CallSite;
import dev.gfplint.core.ir.CfgNode;
import dev.gfplint.core.ir.Function;
import dev.gfplint.core.ir.Stmt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a body is parsed when it is large, broken in many places, or nested too deep. */
class BodyParserTest {
    private static FrontEnd.Result analyze(String text) {
        return new FrontEnd(IdiomTable.defaults()).analyze("t.c", text.toCharArray());
    }

    private static Function only(FrontEnd.Result r) {
        assertEquals(1, r.unit().functions().size(), r.notes().toString());
        return r.unit().functions().get(0);
    }

    /** The calls of a function that the parser read (not found lexically in a skipped statement). */
    private static List<CallSite> parsedCalls(Function f) {
        List<CallSite> out = new ArrayList<>();
        for (CfgNode n : f.cfg().nodes()) for (CallSite c : n.calls()) if (!c.fromSkippedCode()) out.add(c);
        return out;
    }

    @Test
    void fiftyBrokenStatementsCostThemselvesNotTheFunction() {
        StringBuilder sb = new StringBuilder("void f(void)\n{\n");
        for (int i = 0; i < 50; i++) sb.append("\tp").append(i).append(" = kmalloc(").append(i).append(", GFP_KERNEL);\n\t@@ broken ").append(i).append(" ;\n");
        sb.append("}\n");
        Function f = only(analyze(sb.toString()));
        assertFalse(f.bodyUnparsed(), "more than 40 broken statements no longer give the function up");
        assertEquals(50, f.skippedStatements());
        List<CallSite> calls = parsedCalls(f);
        assertEquals(50, calls.size());
        assertTrue(calls.stream().allMatch(c -> "kmalloc".equals(c.callee()) && c.args().size() == 2), calls.toString());
    }

    @Test
    void aStatementTooDeepCostsOnlyItselfAndIsNoted() {
        String deep = "\tx = " + "- ".repeat(3000) + "y;\n";
        FrontEnd.Result r = analyze("void f(void)\n{\n\ta = kmalloc(1, GFP_KERNEL);\n" + deep + "\tb = kmalloc(2, GFP_NOFS);\n}\n");
        Function f = only(r);
        assertEquals(1, f.skippedStatements());
        assertEquals(2, parsedCalls(f).size());
        assertEquals(List.of(new FrontEnd.Note(4, "function f: statement skipped: a parse tree deeper than 2000 levels")), r.notes());
        assertTrue(r.stats().deepestStatement > BodyParser.MAX_DEPTH);
    }

    @Test
    void aLongChainOfControlStatementsWithoutBracesCostsOnlyItself() {
        String chain = "\t" + "if (a) ".repeat(20_000) + "x = 1;\n";
        FrontEnd.Result r = analyze("void f(int a)\n{\n\tp = kmalloc(1, GFP_KERNEL);\n" + chain + "\tq = kmalloc(2, GFP_NOFS);\n}\n");
        Function f = only(r);
        assertEquals(1, f.skippedStatements());
        assertEquals(2, parsedCalls(f).size());
        assertEquals(List.of(new FrontEnd.Note(4, "function f: statement skipped: control statements nested deeper than "
                + BodyParser.MAX_NESTING + " levels without braces")), r.notes());
    }

    @Test
    void aBodyAboveTheChunkSizeGivesTheSameStatementsAsParsedWhole() {
        int n = BodyParser.CHUNKED_ABOVE / 9 + 1000; // 9 tokens a statement: over the limit
        StringBuilder sb = new StringBuilder("void f(int c)\n{\n");
        for (int i = 0; i < n; i++) {
            if (i % 1000 == 0) sb.append("\tif (c)\n\t\tq = 1;\n\telse\n\t\tq = 2;\n"); // else continues a statement
            sb.append("\tp = kmalloc(").append(i).append(", GFP_KERNEL);\n");
        }
        sb.append("}\n");
        Function f = only(analyze(sb.toString()));
        assertEquals(0, f.skippedStatements());
        assertEquals(n + (n + 999) / 1000, f.body().body.size(), "every top-level statement, once, in order");
        List<CallSite> calls = parsedCalls(f);
        assertEquals(n, calls.size());
        for (int i = 0; i < n; i++) assertEquals(String.valueOf(i), calls.get(i).args().get(0).text());
        assertTrue(f.body().body.stream().filter(s -> s.kind == Stmt.Kind.IF).allMatch(s -> s.otherwise != null),
                "an if and its else stay one statement across runs");
    }
}
