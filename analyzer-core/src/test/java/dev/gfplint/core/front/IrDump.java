package dev.gfplint.core.front;

import dev.gfplint.core.ir.Expr;
import dev.gfplint.core.ir.Stmt;
import java.util.List;

/** Every field of a body's statements and expressions as text, to compare two parsers' IR. */
final class IrDump {
    private IrDump() {}

    /** A file's parse counters and notes. */
    static String counters(FrontEnd.Result r) {
        FrontEnd.FileStats st = r.stats();
        return "deepest " + st.deepestStatement + ", skipped " + st.statementsSkipped + ", fully parsed "
                + st.functionsFullyParsed + " of " + st.functions + "; notes " + r.notes();
    }

    /** Everything the front end gave for a file: its counters, notes, and each function's name and body. */
    static String of(FrontEnd.Result r) {
        StringBuilder sb = new StringBuilder(counters(r));
        if (r.unit() != null) {
            for (dev.gfplint.core.ir.Function f : r.unit().functions()) sb.append("\nfunction ").append(f.name()).append(of(f.body()));
        }
        return sb.toString();
    }

    static String of(Stmt s) {
        StringBuilder sb = new StringBuilder();
        stmt(sb, s, 0);
        return sb.toString();
    }

    private static void indent(StringBuilder sb, int d) {
        sb.append('\n');
        for (int i = 0; i < d; i++) sb.append("  ");
    }

    private static void stmt(StringBuilder sb, Stmt s, int d) {
        indent(sb, d);
        if (s == null) {
            sb.append("null");
            return;
        }
        sb.append(s.kind).append('@').append(s.pos).append(" end=").append(s.end).append(" name=").append(s.name)
                .append(" macro=").append(s.macroKind).append(" text=").append(s.text).append(" labels=").append(s.labels);
        field(sb, "expr", s.expr, d);
        field(sb, "step", s.step, d);
        field(sb, "caseHigh", s.caseHigh, d);
        if (s.init != null) {
            indent(sb, d + 1);
            sb.append("init:");
            stmt(sb, s.init, d + 2);
        }
        if (s.then != null) {
            indent(sb, d + 1);
            sb.append("then:");
            stmt(sb, s.then, d + 2);
        }
        if (s.otherwise != null) {
            indent(sb, d + 1);
            sb.append("else:");
            stmt(sb, s.otherwise, d + 2);
        }
        for (Stmt b : s.body) stmt(sb, b, d + 1);
        for (Stmt.Declarator x : s.declarators) {
            indent(sb, d + 1);
            sb.append("decl ").append(x.name()).append(" : ").append(x.type()).append(" @").append(x.pos());
            field(sb, "init", x.init(), d + 1);
        }
        list(sb, "lexical", s.lexicalCalls, d);
    }

    private static void field(StringBuilder sb, String name, Expr e, int d) {
        if (e == null) return;
        indent(sb, d + 1);
        sb.append(name).append(':');
        expr(sb, e, d + 2);
    }

    private static void list(StringBuilder sb, String name, List<Expr> es, int d) {
        if (es.isEmpty()) return;
        indent(sb, d + 1);
        sb.append(name).append(':');
        for (Expr e : es) expr(sb, e, d + 2);
    }

    private static void expr(StringBuilder sb, Expr e, int d) {
        indent(sb, d);
        if (e == null) {
            sb.append("null");
            return;
        }
        sb.append(e.kind()).append(" op=").append(e.op()).append(" name=").append(e.name()).append(" @").append(e.pos())
                .append(" [").append(e.text()).append(']');
        for (Expr k : e.kids()) expr(sb, k, d + 1);
        if (e.block() != null) stmt(sb, e.block(), d + 1);
    }
}
