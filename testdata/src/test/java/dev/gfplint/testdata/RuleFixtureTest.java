package dev.gfplint.testdata;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gfplint.core.front.FrontEnd;
import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.ir.TranslationUnit;
import dev.gfplint.core.model.Catalog;
import dev.gfplint.core.model.FlagTable;
import dev.gfplint.core.model.KernelVersion;
import dev.gfplint.core.model.ModelBuilder;
import dev.gfplint.rules.Finding;
import dev.gfplint.rules.Rule;
import dev.gfplint.rules.RuleRunner;
import dev.gfplint.rules.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs each rule on its fixtures, {@code testdata/<rule-id>/*.c}, and checks the inline markers (syntax in
 * testdata/README.md): {@code BUG: <level>: <text>} on a line expects a finding of that rule and level there
 * whose message contains the text; {@code KNOWN-GAP: <why>} marks a line the rule should report but does
 * not yet (so none is expected); {@code KNOWN-FP: <level>: <why>} a finding the rule makes but should not (so it
 * is expected, and its disappearance is reported). Every finding must be on a marked line. {@code gfplint: kernel-version X.Y}
 * in a fixture's first lines sets the version it is judged as (default: the newest modelled);
 * {@code gfplint: path DIR/NAME.c} the path it is analysed under (default: its bare file name).
 */
class RuleFixtureTest {
    private static final Pattern BUG = Pattern.compile("BUG: (note|warning|error): (.*?)\\s*(?:\\*/|//|$)");
    private static final Pattern VERSION = Pattern.compile("gfplint: kernel-version (\\d+\\.\\d+)");
    private static final Pattern KNOWN_FP = Pattern.compile("KNOWN-FP: (note|warning|error): ");
    private static final Pattern AS_PATH = Pattern.compile("gfplint: path (\\S+)");
    private static final FrontEnd FRONT_END = new FrontEnd(IdiomTable.defaults());

    @TestFactory
    Stream<DynamicNode> ruleFixtures() throws IOException {
        List<DynamicNode> perRule = new ArrayList<>();
        for (Rule rule : Rules.all()) {
            Path dir = IrFixtureTest.moduleDir().resolve(rule.id());
            assertTrue(Files.isDirectory(dir), "no fixture folder for " + rule.id() + " at " + dir.toAbsolutePath());
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(f -> f.getFileName().toString().endsWith(".c")).sorted().toList();
            }
            assertFalse(files.isEmpty(), "no fixtures for " + rule.id());
            perRule.add(DynamicContainer.dynamicContainer(rule.id(), files.stream()
                    .map(f -> dynamicTest(f.getFileName().toString(), f.toUri(), () -> check(rule, f)))));
        }
        return perRule.stream();
    }

    /** {@code falsePositive}: the finding is expected but wrong (a KNOWN-FP marker), so any message matches. */
    private record Expect(int line, String level, String text, boolean falsePositive) {}

    static List<Finding> run(Rule rule, Path file, String text) {
        Matcher vm = VERSION.matcher(text);
        KernelVersion v = vm.find() ? KernelVersion.parse(vm.group(1)) : KernelVersion.NEWEST;
        Catalog catalog = Catalog.defaults();
        ModelBuilder b = new ModelBuilder(v, catalog, FlagTable.builtin(v));
        RuleRunner runner = new RuleRunner(List.of(rule), b.catalog());
        Matcher pm = AS_PATH.matcher(text);
        String path = pm.find() ? pm.group(1) : file.getFileName().toString();
        TranslationUnit tu = FRONT_END.analyze(path, text.toCharArray()).unit();
        b.add(tu);
        runner.onFile(tu);
        return runner.onModel(b.build());
    }

    private static void check(Rule rule, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Expect> expects = new ArrayList<>();
        List<Integer> gaps = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = BUG.matcher(lines[i]);
            while (m.find()) expects.add(new Expect(i + 1, m.group(1), m.group(2), false));
            Matcher k = KNOWN_FP.matcher(lines[i]);
            while (k.find()) expects.add(new Expect(i + 1, k.group(1), "", true));
            if (lines[i].contains("KNOWN-GAP:")) gaps.add(i + 1);
        }
        List<Finding> found = run(rule, file, text);
        List<String> problems = new ArrayList<>();
        List<Finding> unmatched = new ArrayList<>(found);
        for (Expect e : expects) {
            Finding hit = null;
            for (Finding f : unmatched) {
                if (f.line() == e.line && f.level().label().equals(e.level) && f.message().contains(e.text)) {
                    hit = f;
                    break;
                }
            }
            if (hit != null) unmatched.remove(hit);
            else if (e.falsePositive) problems.add(file.getFileName() + ":" + e.line + ": the known false positive ("
                    + e.level + ") is gone: drop the KNOWN-FP marker");
            else problems.add(file.getFileName() + ":" + e.line + ": expected " + e.level + " containing \"" + e.text + "\"");
        }
        for (Finding f : unmatched) {
            problems.add(file.getFileName() + ":" + f.line() + ": unexpected " + f.level().label() + ": " + f.message()
                    + (gaps.contains(f.line()) ? " (on a KNOWN-GAP line: the gap is fixed, update the marker)" : ""));
        }
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder(String.join("\n", problems)).append("\nall findings:\n");
            for (Finding f : found) sb.append("  ").append(f.toText()).append('\n');
            fail(sb.toString());
        }
    }
}
