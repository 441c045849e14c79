package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub Action (action.yml at the repository's root) as data: a composite action whose every input it reads
 * is declared, whose scripts name their shell and paste no expression into their text (an input reaches a script
 * through the environment, or a crafted input could run commands), whose outputs come from steps that write them,
 * and which runs the scan this repository builds. (.ci/run also lints it with actionlint.)
 */
class ActionMetadataTest {
    private static final Path ACTION = Path.of("..", "action.yml").toAbsolutePath().normalize();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> action() throws Exception {
        return (Map<String, Object>) new Yaml().load(Files.readString(ACTION));
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsOnlyDeclaredInputsAndPastesNothingIntoScripts() throws Exception {
        Map<String, Object> a = action();
        Map<String, Object> runs = (Map<String, Object>) a.get("runs");
        assertEquals("composite", runs.get("using"));
        Set<String> declared = ((Map<String, Object>) a.get("inputs")).keySet();
        assertTrue(declared.containsAll(List.of("paths", "kernel-version", "fail-on", "args")), declared.toString());
        Set<String> read = new HashSet<>();
        Matcher m = Pattern.compile("inputs\\.([A-Za-z0-9_-]+)").matcher(Files.readString(ACTION).replaceAll("(?m)^\\s*#.*$", ""));
        while (m.find()) read.add(m.group(1));
        assertTrue(declared.containsAll(read), "read but not declared: " + read);
        Set<String> ids = new HashSet<>();
        List<String> pasted = new ArrayList<>();
        for (Map<String, Object> step : (List<Map<String, Object>>) runs.get("steps")) {
            if (step.get("id") != null) ids.add((String) step.get("id"));
            if (step.containsKey("run")) {
                assertEquals("bash", step.get("shell"), "a composite step must name its shell: " + step.get("name"));
                if (((String) step.get("run")).contains("${{")) pasted.add((String) step.get("name"));
            } else {
                assertTrue(((String) step.get("uses")).matches("[\\w.-]+/[\\w./-]+@v\\d+"), "an action pinned to a major: " + step.get("uses"));
            }
        }
        assertEquals(List.of(), pasted, "steps whose script pastes an expression");
        for (Object o : ((Map<String, Object>) a.get("outputs")).values()) {
            Matcher s = Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)").matcher((String) ((Map<String, Object>) o).get("value"));
            assertTrue(s.find());
            assertTrue(ids.contains(s.group(1)), "an output of a step that does not exist: " + s.group(1));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsTheScanThisRepositoryBuilds() throws Exception {
        String scan = null;
        for (Map<String, Object> step : (List<Map<String, Object>>) ((Map<String, Object>) action().get("runs")).get("steps")) {
            if ("scan".equals(step.get("id"))) scan = (String) step.get("run");
        }
        assertTrue(scan != null && scan.contains("cli/target/gfplint.jar") && scan.contains("cli/jvm.options"), scan);
        assertTrue(Files.isRegularFile(ACTION.resolveSibling("cli").resolve("jvm.options")));
        // the options it passes exist: each is accepted by `gfplint scan` (a usage error would exit 2)
        String help = CliRun.of("scan", "--help").out();
        for (String opt : List.of("--format", "--fail-on", "--cache-dir", "--kernel-version", "-o")) {
            assertTrue(scan.contains(opt), opt);
            assertTrue(help.contains(opt), "scan --help lists " + opt);
        }
    }
}
