package dev.gfplint.testdata;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gfplint.core.front.FrontEnd;
import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.ir.Assignment;
import dev.gfplint.core.ir.CallSite;
import dev.gfplint.core.ir.CfgNode;
import dev.gfplint.core.ir.Edge;
import dev.gfplint.core.ir.Function;
import dev.gfplint.core.ir.Macro;
import dev.gfplint.core.ir.Parameter;
import dev.gfplint.core.ir.TranslationUnit;
import dev.gfplint.testdata.IrExpectations.Marker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the front end on every {@code testdata/ir/*.c} fixture and checks the {@code IR:} markers written in
 * it (syntax in testdata/README.md). All mismatches of one fixture are reported together, one per line, as
 * {@code file:line: expected ... but found ...}, followed by a dump of the IR the front end built.
 */
class IrFixtureTest {
    private static final FrontEnd FRONT_END = new FrontEnd(IdiomTable.defaults());
    private static final Set<String> CALL_KEYWORDS = Set.of("call", "indirect-call", "skipped-call");
    private static final Set<String> ASSIGN_KEYWORDS = Set.of("assign", "init");

    static Path moduleDir() {
        String p = System.getProperty("gfplint.testdata");
        return p == null || p.isBlank() ? Path.of("") : Path.of(p);
    }

    @TestFactory
    Stream<DynamicTest> irFixtures() throws IOException {
        Path dir = moduleDir().resolve("ir");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".c")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no IR fixtures under " + dir.toAbsolutePath());
        return files.stream().map(f -> dynamicTest(f.getFileName().toString(), f.toUri(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        String name = "ir/" + file.getFileName();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        FrontEnd.Result r = FRONT_END.analyze(name, text.toCharArray());
        List<String> failures = new Checker(name, text, r).run();
        if (!failures.isEmpty()) {
            fail(failures.size() + " IR expectation(s) not met in " + name + ":\n" + String.join("\n", failures)
                    + "\n\nIR built by the front end:\n" + dump(r));
        }
    }

    /** Compares one fixture's markers with the IR. */
    private static final class Checker {
        private final String file;
        private final IrExpectations x;
        private final FrontEnd.Result result;
        private final TranslationUnit unit;
        private final TreeMap<Integer, List<String>> failures = new TreeMap<>();

        private final Map<Integer, List<Function>> functionsAt = new TreeMap<>();
        private final Map<Integer, List<CfgNode>> nodesAt = new TreeMap<>();
        private final Map<Integer, List<Edge>> edgesFrom = new TreeMap<>();
        private final Map<Integer, List<String>> callsAt = new TreeMap<>();
        private final Map<Integer, List<String>> assignsAt = new TreeMap<>();

        Checker(String file, String text, FrontEnd.Result result) {
            this.file = file;
            this.x = IrExpectations.parse(text);
            this.result = result;
            this.unit = result.unit();
        }

        private void fail(int line, String msg) {
            failures.computeIfAbsent(line, k -> new ArrayList<>()).add(file + ":" + line + ": " + msg);
        }

        List<String> run() {
            for (String e : x.errors) {
                int colon = e.indexOf(':');
                fail(Integer.parseInt(e.substring(0, colon)), "bad marker: " + e.substring(colon + 2));
            }
            if (x.markers.isEmpty()) fail(0, "the fixture has no IR: markers");
            for (FrontEnd.Note note : result.notes()) fail(note.line(), "expected no front-end notes but found: " + note.message());
            index();
            checkFunctions();
            for (Marker m : x.markers) {
                try {
                    checkMarker(m);
                } catch (IllegalArgumentException e) {
                    fail(m.line(), "bad marker '" + m + "': " + e.getMessage());
                }
            }
            compareMultisets(CALL_KEYWORDS, callsAt, "call");
            compareMultisets(ASSIGN_KEYWORDS, assignsAt, "assignment");
            List<String> out = new ArrayList<>();
            for (List<String> l : failures.values()) out.addAll(l);
            return out;
        }

        private void index() {
            for (Function f : unit.functions()) {
                functionsAt.computeIfAbsent(f.pos().line(), k -> new ArrayList<>()).add(f);
                for (CfgNode n : f.cfg().nodes()) {
                    nodesAt.computeIfAbsent(n.pos().line(), k -> new ArrayList<>()).add(n);
                    for (Edge e : n.successors()) edgesFrom.computeIfAbsent(n.pos().line(), k -> new ArrayList<>()).add(e);
                    for (Assignment a : n.assignments()) {
                        assignsAt.computeIfAbsent(a.pos().line(), k -> new ArrayList<>()).add(render(a));
                    }
                }
                for (CallSite c : f.cfg().callSites()) {
                    callsAt.computeIfAbsent(c.pos().line(), k -> new ArrayList<>()).add(render(c));
                }
            }
        }

        /** Every function needs its marker; each must be fully parsed unless its skipped statements are marked. */
        private void checkFunctions() {
            for (Function f : unit.functions()) {
                int line = f.pos().line();
                boolean marked = x.at(line).stream()
                        .anyMatch(m -> m.keyword().equals("function") && m.arg().equals(f.name()));
                if (!marked) {
                    fail(line, "expected no function here (no 'IR: function " + f.name() + "' marker) but found function "
                            + f.name());
                }
                if (f.bodyUnparsed()) {
                    fail(line, "expected function " + f.name() + " to be parsed but found its body given up on");
                } else if (f.skippedStatements() > 0 && !x.hasInRange(line, f.bodyEnd().line(), "skipped")) {
                    fail(line, "expected function " + f.name() + " fully parsed but found " + f.skippedStatements()
                            + " skipped statement(s)");
                }
                for (CfgNode n : f.cfg().nodes()) {
                    if (n.kind() == CfgNode.Kind.SKIPPED && !x.has(n.pos().line(), "skipped")) {
                        fail(n.pos().line(), "expected no skipped statement here but found SKIPPED: "
                                + (n.stmt() != null ? n.stmt().text : ""));
                    }
                }
            }
        }

        private void checkMarker(Marker m) {
            int line = m.line();
            switch (m.keyword()) {
                case "function": {
                    List<Function> fs = functionsAt.getOrDefault(line, List.of());
                    if (fs.stream().noneMatch(f -> f.name().equals(m.arg()))) {
                        fail(line, "expected function " + m.arg() + " but found "
                                + (fs.isEmpty() ? "no function at this line" : names(fs)));
                    }
                    break;
                }
                case "param": {
                    IrExpectations.ParamSpec p = IrExpectations.param(m);
                    Function f = functionAt(m);
                    if (f == null) break;
                    String want = "param " + p.index() + " " + p.name() + ": " + p.type();
                    String got = p.index() < f.params().size() ? render(f.params().get(p.index()))
                            : "only " + f.params().size() + " parameter(s) " + renderParams(f);
                    if (!want.equals(got)) fail(line, "expected " + want + " but found " + got);
                    break;
                }
                case "params": {
                    Function f = functionAt(m);
                    if (f == null) break;
                    int n = Integer.parseInt(m.arg());
                    if (f.params().size() != n) {
                        fail(line, "expected " + n + " parameter(s) but found " + f.params().size() + " " + renderParams(f));
                    }
                    break;
                }
                case "returns": {
                    Function f = functionAt(m);
                    if (f != null && !f.returnType().equals(m.arg())) {
                        fail(line, "expected return type '" + m.arg() + "' but found '" + f.returnType() + "'");
                    }
                    break;
                }
                case "storage": {
                    Function f = functionAt(m);
                    if (f != null && !f.storage().name().equals(m.arg())) {
                        fail(line, "expected storage " + m.arg() + " but found " + f.storage());
                    }
                    break;
                }
                case "inline": {
                    Function f = functionAt(m);
                    if (f != null && !f.isInline()) fail(line, "expected an inline function but found " + f.name() + " not inline");
                    break;
                }
                case "defined-by": {
                    Function f = functionAt(m);
                    if (f != null && !m.arg().equals(f.definedBy())) {
                        fail(line, "expected defined-by " + m.arg() + " but found " + f.definedBy());
                    }
                    break;
                }
                case "edge": {
                    IrExpectations.EdgeSpec e = IrExpectations.edge(m);
                    Edge.Kind.valueOf(e.kind()); // a typo in the kind is a marker error
                    List<Edge> out = edgesFrom.getOrDefault(line, List.of());
                    boolean ok = out.stream().anyMatch(ed -> ed.kind().name().equals(e.kind())
                            && (e.label() == null || e.label().equals(ed.label()))
                            && (e.toExit() ? ed.to().kind() == CfgNode.Kind.EXIT : ed.to().pos().line() == e.targetLine()));
                    if (!ok) {
                        fail(line, "expected edge " + e.describe() + " but found "
                                + (out.isEmpty() ? "no edge from this line" : out.stream().map(Checker::render).toList()));
                    }
                    break;
                }
                case "node": {
                    IrExpectations.NodeSpec s = IrExpectations.node(m);
                    CfgNode.Kind.valueOf(s.kind());
                    List<CfgNode> ns = nodesAt.getOrDefault(line, List.of());
                    boolean ok = ns.stream().anyMatch(n -> n.kind().name().equals(s.kind())
                            && (s.label() == null || s.label().equals(n.label())));
                    if (!ok) {
                        fail(line, "expected node " + s.kind() + (s.label() != null ? "(" + s.label() + ")" : "")
                                + " but found " + (ns.isEmpty() ? "no node at this line" : ns.stream().map(Checker::render).toList()));
                    }
                    break;
                }
                case "skipped": {
                    List<CfgNode> ns = nodesAt.getOrDefault(line, List.of());
                    if (ns.stream().noneMatch(n -> n.kind() == CfgNode.Kind.SKIPPED)) {
                        fail(line, "expected a SKIPPED statement but found "
                                + (ns.isEmpty() ? "no node at this line" : ns.stream().map(Checker::render).toList()));
                    }
                    break;
                }
                case "nothing": {
                    List<CfgNode> ns = nodesAt.getOrDefault(line, List.of());
                    List<String> cs = callsAt.getOrDefault(line, List.of());
                    List<Function> fs = functionsAt.getOrDefault(line, List.of());
                    if (!ns.isEmpty() || !cs.isEmpty() || !fs.isEmpty()) {
                        List<String> found = new ArrayList<>();
                        fs.forEach(f -> found.add("function " + f.name()));
                        ns.forEach(n -> found.add(render(n)));
                        found.addAll(cs);
                        fail(line, "expected nothing (no function, node or call) but found " + found);
                    }
                    break;
                }
                case "macro": {
                    IrExpectations.MacroSpec s = IrExpectations.macro(m);
                    List<Macro> here = unit.macros().all().stream().filter(mc -> mc.pos().line() == line).toList();
                    boolean ok = here.stream().anyMatch(mc -> mc.name().equals(s.name())
                            && Objects.equals(mc.params(), s.params())
                            && (s.body() == null || s.body().equals(mc.body())));
                    if (!ok) {
                        fail(line, "expected macro " + s.name() + (s.params() != null ? "(" + String.join(", ", s.params()) + ")" : "")
                                + (s.body() != null ? " = " + s.body() : "") + " but found "
                                + (here.isEmpty() ? "no macro at this line" : here.stream().map(Checker::render).toList()));
                    }
                    break;
                }
                case "typedef":
                    if (!unit.typedefs().contains(m.arg())) {
                        fail(line, "expected typedef name " + m.arg() + " but found " + new TreeSet<>(unit.typedefs()));
                    }
                    break;
                default:
                    break; // call-like and assignment markers are compared per line in compareMultisets
            }
        }

        private Function functionAt(Marker m) {
            List<Function> fs = functionsAt.getOrDefault(m.line(), List.of());
            if (fs.isEmpty()) {
                fail(m.line(), "expected a function at this line for '" + m + "' but found none");
                return null;
            }
            return fs.get(0);
        }

        /** On each line with a marker of the given keywords, the found items must be exactly the marked ones. */
        private void compareMultisets(Set<String> keywords, Map<Integer, List<String>> actualAt, String what) {
            Map<Integer, List<String>> expectedAt = new TreeMap<>();
            for (Marker m : x.markers) {
                if (keywords.contains(m.keyword())) {
                    expectedAt.computeIfAbsent(m.line(), k -> new ArrayList<>()).add(m.keyword() + " " + m.arg());
                }
            }
            for (Map.Entry<Integer, List<String>> e : expectedAt.entrySet()) {
                int line = e.getKey();
                List<String> actual = actualAt.getOrDefault(line, List.of());
                List<String> left = new ArrayList<>(actual);
                for (String want : e.getValue()) {
                    if (!left.remove(want)) {
                        fail(line, "expected " + want + " but found " + (actual.isEmpty() ? "no " + what + " at this line" : actual));
                    }
                }
                for (String extra : left) fail(line, "expected no other " + what + " on this line but found " + extra);
            }
        }

        // ------------------------------------------------------------------ rendering

        static String render(CallSite c) {
            String kw = c.fromSkippedCode() ? "skipped-call" : c.callee() == null ? "indirect-call" : "call";
            String callee = c.callee() != null ? c.callee() : c.calleeText();
            return kw + " " + callee + "(" + String.join(", ", c.argTexts()) + ")";
        }

        static String render(Assignment a) {
            return (a.declaration() ? "init " : "assign ") + a.targetText() + " " + a.op() + " "
                    + (a.value() != null ? a.value().text() : "");
        }

        static String render(Parameter p) {
            return "param " + p.index() + " " + p.name() + ": " + p.type();
        }

        static String renderParams(Function f) {
            return f.params().stream().map(Checker::render).collect(Collectors.joining(", ", "[", "]"));
        }

        static String render(CfgNode n) {
            return n.kind() + (n.label() != null ? "(" + n.label() + ")" : "");
        }

        static String render(Edge e) {
            return e.kind() + (e.label() != null ? "[" + e.label() + "]" : "") + " -> "
                    + (e.to().kind() == CfgNode.Kind.EXIT ? "exit (line " + e.to().pos().line() + ")" : "line " + e.to().pos().line());
        }

        static String render(Macro m) {
            return m.name() + (m.params() != null ? "(" + String.join(", ", m.params()) + ")" : "") + " = " + m.body();
        }

        private static List<String> names(List<Function> fs) {
            return fs.stream().map(Function::name).toList();
        }
    }

    /** A readable listing of the IR of one file, appended to failure messages. */
    static String dump(FrontEnd.Result r) {
        StringBuilder sb = new StringBuilder();
        TranslationUnit u = r.unit();
        for (Macro m : u.macros().all()) sb.append("  macro L").append(m.pos().line()).append(' ').append(Checker.render(m)).append('\n');
        for (Function f : u.functions()) {
            sb.append("  function ").append(f.name()).append(" L").append(f.pos().line()).append("-L").append(f.bodyEnd().line())
                    .append(' ').append(f.storage()).append(f.isInline() ? " inline" : "")
                    .append(" returns '").append(f.returnType()).append("' ").append(Checker.renderParams(f))
                    .append(f.definedBy() != null ? " defined-by " + f.definedBy() : "")
                    .append(f.fullyParsed() ? " fully-parsed" : " skipped=" + f.skippedStatements() + (f.bodyUnparsed() ? " body-unparsed" : ""))
                    .append('\n');
            List<CfgNode> nodes = new ArrayList<>(f.cfg().nodes());
            nodes.sort(Comparator.comparingInt(CfgNode::id));
            for (CfgNode n : nodes) {
                sb.append("    #").append(n.id()).append(" L").append(n.pos().line()).append(' ').append(Checker.render(n));
                for (CallSite c : n.calls()) sb.append(" {").append(Checker.render(c)).append(" @L").append(c.pos().line()).append('}');
                for (Assignment a : n.assignments()) sb.append(" {").append(Checker.render(a)).append(" @L").append(a.pos().line()).append('}');
                if (!n.successors().isEmpty()) {
                    sb.append(" => ").append(n.successors().stream()
                            .map(e -> e.kind() + (e.label() != null ? "[" + e.label() + "]" : "") + ":#" + e.to().id() + "@L" + e.to().pos().line())
                            .collect(Collectors.joining(", ")));
                }
                sb.append('\n');
            }
        }
        for (FrontEnd.Note n : r.notes()) sb.append("  note: line ").append(n.line()).append(": ").append(n.message()).append('\n');
        return sb.toString();
    }
}
