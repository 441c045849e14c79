package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code gfplint} in a pseudo-terminal (util-linux {@code script}), where {@code System.console()}
 * is not null, to check what only a terminal turns on: colours in the text output and the progress bar.
 * {@code script} merges stdout and stderr into one stream, and the terminal turns each newline into CR LF.
 */
class TerminalTest {
    private static final String RULE = "contradictory-gfp-flags";
    private static final String BAD_C = "void *a(unsigned long n)\n{\n\treturn kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL);\n}\n";
    private static final String ESC = "\u001b[";
    /** The level between colour escapes, as Reports.text writes it. */
    private static final Pattern COLOURED_LEVEL = Pattern.compile("\u001b\\[[0-9;]*merror:\u001b\\[0m");
    /** The bar's task name and percentage, and the "done/total files" unit (not the summary's "40 files"). */
    private static final Pattern BAR_TASK = Pattern.compile("gfplint\\s+\\d+%");
    private static final Pattern BAR_UNIT = Pattern.compile("\\d+/40 files");
    /**
     * The colour tests keep the bar away whatever the machine's speed (with the default one-second delay a very
     * slow scan would show it), so their output is only the findings and the summary.
     */
    private static final String NO_BAR = "-D" + ScanProgress.DELAY_PROPERTY + "=3600000";
    private static final String BAR_AT_ONCE = "-D" + ScanProgress.DELAY_PROPERTY + "=0";

    private static String script;

    @BeforeAll
    static void findScript() {
        script = onPath("script");
        if (script == null) {
            fail("util-linux 'script' is not on PATH (" + System.getenv("PATH") + "); TerminalTest needs it to run "
                    + "gfplint in a pseudo-terminal. Install util-linux (on Debian it is always present).");
        }
    }

    private record Run(int code, String output) {
        /** The output's lines, split at LF, CR LF and the bar's bare CR. */
        List<String> lines() {
            return List.of(output.split("\r\n|\r|\n"));
        }

        String findingLine() {
            List<String> hits = lines().stream().filter(l -> l.contains("[" + RULE + "]")).toList();
            assertEquals(1, hits.size(), () -> "expected one finding line in:\n" + output);
            return hits.get(0);
        }

        void assertSummary(int files) {
            assertTrue(output.contains("gfplint: " + files + " files (0 failed)"),
                    () -> "no summary line for " + files + " files; did the scan run?\n" + output);
        }
    }

    private static Path smallTree(Path dir, int files) throws IOException {
        CliRun.write(dir.resolve("bad.c"), BAD_C);
        for (int i = 1; i < files; i++) {
            CliRun.write(dir.resolve("sub" + (i % 4)).resolve("good" + i + ".c"), CliRun.GOOD_C);
        }
        return dir;
    }

    @Test
    void findingIsColouredOnATerminal(@TempDir Path dir) throws Exception {
        smallTree(dir, 3);
        Run r = run(Map.of(), List.of(NO_BAR), "scan", dir.toString());
        assertEquals(1, r.code(), () -> "exit code (an error finding); output:\n" + r.output());
        String line = r.findingLine();
        assertTrue(COLOURED_LEVEL.matcher(line).find(), () -> "no colour escapes around the level: " + visible(line));
        assertTrue(line.contains("bad.c:3:"), () -> visible(line));
        r.assertSummary(3);
    }

    @Test
    void noColorOptionGivesPlainText(@TempDir Path dir) throws Exception {
        smallTree(dir, 3);
        Run r = run(Map.of(), List.of(NO_BAR), "scan", "--no-color", dir.toString());
        assertEquals(1, r.code(), () -> "exit code; output:\n" + r.output());
        assertFalse(r.output().contains(ESC), () -> "escapes in output with --no-color:\n" + visible(r.output()));
        assertPlainFinding(r, dir);
    }

    @Test
    void noColorEnvironmentGivesPlainText(@TempDir Path dir) throws Exception {
        smallTree(dir, 3);
        Run r = run(Map.of("NO_COLOR", "1"), List.of(NO_BAR), "scan", dir.toString());
        assertEquals(1, r.code(), () -> "exit code; output:\n" + r.output());
        assertFalse(r.output().contains(ESC), () -> "escapes in output with NO_COLOR=1:\n" + visible(r.output()));
        assertPlainFinding(r, dir);
    }

    @Test
    void outputFileGetsNoColour(@TempDir Path dir, @TempDir Path outDir) throws Exception {
        smallTree(dir, 3);
        Path out = outDir.resolve("findings.txt");
        Run r = run(Map.of(), List.of(NO_BAR), "scan", "-o", out.toString(), dir.toString());
        assertEquals(1, r.code(), () -> "exit code; output:\n" + r.output());
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(text.contains("[" + RULE + "]"), () -> "no finding in " + out + ":\n" + text);
        assertFalse(text.contains(ESC), () -> "escapes in " + out + ":\n" + visible(text));
    }

    private static void assertPlainFinding(Run r, Path dir) {
        String line = r.findingLine();
        Pattern plain = Pattern.compile("^" + Pattern.quote(dir.resolve("bad.c").toString())
                + ":3:\\d+: error: .+ \\[" + Pattern.quote(RULE) + "\\]$");
        assertTrue(plain.matcher(line).matches(), () -> "not a plain 'path:line:col: error: ... [rule]' line: "
                + visible(line));
        r.assertSummary(3);
    }

    @Test
    void progressBarShowsOnATerminalWithoutDelay(@TempDir Path dir) throws Exception {
        smallTree(dir, 40);
        Run r = run(Map.of(), List.of(BAR_AT_ONCE), "scan", "--no-color", dir.toString());
        assertEquals(1, r.code(), () -> "exit code; output:\n" + r.output());
        assertTrue(BAR_TASK.matcher(r.output()).find(), () -> "no progress bar task 'gfplint NN%' in:\n" + visible(r.output()));
        assertTrue(BAR_UNIT.matcher(r.output()).find(), () -> "no progress bar 'N/40 files' in:\n" + visible(r.output()));
        r.assertSummary(40);
        r.findingLine();
    }

    @Test
    void noProgressBarUnderCi(@TempDir Path dir) throws Exception {
        smallTree(dir, 40);
        Run r = run(Map.of("CI", "true"), List.of(BAR_AT_ONCE), "scan", "--no-color", dir.toString());
        assertNoBar(r);
    }

    @Test
    void noProgressBarWhenQuiet(@TempDir Path dir) throws Exception {
        smallTree(dir, 40);
        Run r = run(Map.of(), List.of(BAR_AT_ONCE), "scan", "--quiet", "--no-color", dir.toString());
        assertNoBar(r);
    }

    private static void assertNoBar(Run r) {
        assertEquals(1, r.code(), () -> "exit code; output:\n" + r.output());
        r.assertSummary(40);
        r.findingLine();
        assertFalse(BAR_TASK.matcher(r.output()).find(), () -> "progress bar in:\n" + visible(r.output()));
        assertFalse(BAR_UNIT.matcher(r.output()).find(), () -> "progress bar in:\n" + visible(r.output()));
    }

    /**
     * Runs {@code java JVM_OPTIONS -cp CLASSPATH dev.gfplint.cli.Main ARGS} under {@code script}, with CI and
     * NO_COLOR taken out of the environment and then {@code env} added.
     */
    private static Run run(Map<String, String> env, List<String> jvmOptions, String... args) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new AssertionError("cannot tell the path of this JVM's java command"));
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        StringBuilder line = new StringBuilder();
        for (String a : cmd) line.append(line.isEmpty() ? "" : " ").append(InstallHookCommand.shellWord(a));

        // -q no "Script started" lines, -e the command's exit code, -f flush at once, -c run this command
        ProcessBuilder pb = new ProcessBuilder(script, "-qefc", line.toString(), "/dev/null");
        pb.environment().remove("CI");
        pb.environment().remove("NO_COLOR");
        pb.environment().put("SHELL", "/bin/sh"); // script runs the command with $SHELL -c
        pb.environment().putAll(env);
        Path log = Files.createTempFile("gfplint-terminal", ".out");
        try {
            pb.redirectInput(new File("/dev/null")).redirectErrorStream(true).redirectOutput(log.toFile());
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) { // a guard against a hang, not a measurement
                p.destroyForcibly();
                fail("script did not finish within 120 s; output so far:\n" + Files.readString(log));
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String d : path.split(File.pathSeparator)) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    /** Escapes shown as \e, CR as \r, so a failure message is readable. */
    private static String visible(String s) {
        return s.replace("\u001b", "\\e").replace("\r", "\\r");
    }

    @Test
    void shellQuoteSurvivesTheShell() throws Exception {
        String tricky = "a b'c\"$HOME`x`\\;*";
        Process p = new ProcessBuilder("/bin/sh", "-c", "printf %s " + InstallHookCommand.shellWord(tricky))
                .redirectErrorStream(true).start();
        String got = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals(tricky, got);
    }
}
