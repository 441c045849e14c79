package dev.gfplint.testdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inline expectations of one IR fixture: the {@code IR:} markers found in its comments. See
 * testdata/README.md for the syntax. A marker applies to the line its comment is on.
 */
final class IrExpectations {
    /** One marker: its line, its keyword and what follows the keyword (trimmed, possibly empty). */
    record Marker(int line, String keyword, String arg) {
        @Override
        public String toString() {
            return arg.isEmpty() ? keyword : keyword + " " + arg;
        }
    }

    /** Every keyword the harness knows. */
    static final Set<String> KEYWORDS = Set.of(
            "function", "param", "params", "returns", "storage", "inline", "defined-by",
            "call", "indirect-call", "skipped-call", "assign", "init",
            "edge", "node", "skipped", "nothing", "macro", "typedef");

    private static final Pattern COMMENT = Pattern.compile("(?://|/\\*)\\s*IR:(.*?)(?:\\*/|$)");
    /** Markers on one line are separated by " | " followed by a keyword (so `a | b` in an argument stays). */
    private static final Pattern SEPARATOR;

    static {
        StringBuilder alt = new StringBuilder();
        for (String k : KEYWORDS) {
            if (alt.length() > 0) alt.append('|');
            alt.append(Pattern.quote(k));
        }
        SEPARATOR = Pattern.compile("\\s+\\|\\s+(?=(?:" + alt + ")(?:\\s|$))");
    }

    final List<Marker> markers = new ArrayList<>();
    /** Marker syntax errors, as "line: message". */
    final List<String> errors = new ArrayList<>();

    private IrExpectations() {}

    static IrExpectations parse(String text) {
        IrExpectations x = new IrExpectations();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            Matcher m = COMMENT.matcher(lines[i]);
            while (m.find()) {
                String body = m.group(1).strip();
                if (body.isEmpty()) {
                    x.errors.add(lineNo + ": empty IR: marker");
                    continue;
                }
                for (String part : SEPARATOR.split(body)) {
                    String p = part.strip();
                    int sp = indexOfSpace(p);
                    String kw = sp < 0 ? p : p.substring(0, sp);
                    String arg = sp < 0 ? "" : p.substring(sp + 1).strip();
                    if (!KEYWORDS.contains(kw)) {
                        x.errors.add(lineNo + ": unknown IR marker keyword '" + kw + "' in: " + p);
                        continue;
                    }
                    x.markers.add(new Marker(lineNo, kw, arg));
                }
            }
        }
        return x;
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isWhitespace(s.charAt(i))) return i;
        return -1;
    }

    List<Marker> at(int line) {
        List<Marker> r = new ArrayList<>();
        for (Marker m : markers) if (m.line() == line) r.add(m);
        return r;
    }

    boolean has(int line, String keyword) {
        for (Marker m : markers) if (m.line() == line && m.keyword().equals(keyword)) return true;
        return false;
    }

    boolean hasInRange(int from, int to, String keyword) {
        for (Marker m : markers) if (m.line() >= from && m.line() <= to && m.keyword().equals(keyword)) return true;
        return false;
    }

    // ------------------------------------------------------------------ argument forms

    /** {@code edge KIND[LABEL] -> TARGET}; TARGET is a line number, +N / -N relative to the marker, or exit. */
    record EdgeSpec(String kind, String label, boolean toExit, int targetLine) {
        String describe() {
            return kind + (label != null ? "[" + label + "]" : "") + " -> " + (toExit ? "exit" : "line " + targetLine);
        }
    }

    private static final Pattern EDGE = Pattern.compile("([A-Z_]+)(?:\\[(.*)\\])?\\s*->\\s*(exit|[+-]?\\d+)");

    static EdgeSpec edge(Marker m) {
        Matcher x = EDGE.matcher(m.arg());
        if (!x.matches()) throw new IllegalArgumentException("edge marker is 'edge KIND[LABEL] -> LINE|+N|-N|exit'");
        String t = x.group(3);
        if (t.equals("exit")) return new EdgeSpec(x.group(1), x.group(2), true, -1);
        int line = t.startsWith("+") || t.startsWith("-") ? m.line() + Integer.parseInt(t) : Integer.parseInt(t);
        return new EdgeSpec(x.group(1), x.group(2), false, line);
    }

    /** {@code node KIND [LABEL]}. */
    record NodeSpec(String kind, String label) {}

    static NodeSpec node(Marker m) {
        String[] f = m.arg().split("\\s+", 2);
        if (f[0].isEmpty()) throw new IllegalArgumentException("node marker is 'node KIND [LABEL]'");
        return new NodeSpec(f[0], f.length > 1 ? f[1].strip() : null);
    }

    /** {@code param N NAME: TYPE} (NAME may be empty: {@code param 2 : ...}). */
    record ParamSpec(int index, String name, String type) {}

    private static final Pattern PARAM = Pattern.compile("(\\d+)\\s+([A-Za-z_0-9]*)\\s*:\\s*(.*)");

    static ParamSpec param(Marker m) {
        Matcher x = PARAM.matcher(m.arg());
        if (!x.matches()) throw new IllegalArgumentException("param marker is 'param N NAME: TYPE'");
        return new ParamSpec(Integer.parseInt(x.group(1)), x.group(2), x.group(3).strip());
    }

    /** {@code macro NAME}, {@code macro NAME(P, ...)}, optionally followed by {@code = BODY}. */
    record MacroSpec(String name, List<String> params, String body) {}

    private static final Pattern MACRO = Pattern.compile("([A-Za-z_][A-Za-z_0-9]*)(\\(([^)]*)\\))?(?:\\s+=\\s?(.*))?");

    static MacroSpec macro(Marker m) {
        Matcher x = MACRO.matcher(m.arg());
        if (!x.matches()) throw new IllegalArgumentException("macro marker is 'macro NAME[(PARAMS)] [= BODY]'");
        List<String> params = null;
        if (x.group(2) != null) {
            params = new ArrayList<>();
            for (String p : x.group(3).split(",")) if (!p.isBlank()) params.add(p.strip());
        }
        return new MacroSpec(x.group(1), params, x.group(4) == null ? null : x.group(4).strip());
    }
}
