package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan options users meet every day: formats, --fail-on, rule selection, suppressions, baseline, --diff. */
class CliFeaturesTest {
    @TempDir
    Path dir;

    /** One error (line 3), one warning (line 8), one note (line 13). */
    private static final String THREE = """
            void *a(unsigned long n)
            {
            	return kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL);
            }

            void *b(unsigned long n)
            {
            	return kmalloc(n, GFP_KERNEL | __GFP_NORETRY | __GFP_RETRY_MAYFAIL);
            }

            void *c(unsigned long n)
            {
            	return kmalloc(n, GFP_NOWAIT | __GFP_NORETRY);
            }
            """;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static List<String> findingLines(CliRun r) {
        return r.out().lines().filter(l -> l.matches("^\\S+:\\d+:\\d+: (error|warning|note): .*\\]$")).toList();
    }

    @Test
    void textFindingsAndTheOneLineSummary() throws IOException {
        write("x.c", THREE);
        CliRun r = CliRun.of("scan", "--no-color", dir.toString());
        r.assertCode(Main.EXIT_FINDINGS);
        List<String> lines = findingLines(r);
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).contains("x.c:3:") && lines.get(0).contains(": error: ") && lines.get(0).endsWith("[contradictory-gfp-flags]"), lines.get(0));
        assertTrue(lines.get(1).contains("x.c:8:") && lines.get(1).contains(": warning: "), lines.get(1));
        assertTrue(lines.get(2).contains("x.c:13:") && lines.get(2).contains(": note: "), lines.get(2));
        assertFalse(r.out().contains("\u001b["), "no colour when not a terminal");
        String summary = r.errLines().get(r.errLines().size() - 1);
        assertTrue(summary.contains("1 errors, 1 warnings, 1 notes") && summary.contains("kernel 6.12"), summary);
        assertEquals(1, r.files());
    }

    @Test
    void failOnDecidesTheExitCode() throws IOException {
        write("x.c", THREE);
        assertEquals(Main.EXIT_FINDINGS, CliRun.of("scan", "--fail-on", "error", dir.toString()).code());
        assertEquals(Main.EXIT_OK, CliRun.of("scan", "--fail-on", "none", dir.toString()).code());
        Path onlyNote = write("n/y.c", "void *c(unsigned long n)\n{\n\treturn kmalloc(n, GFP_NOWAIT | __GFP_NORETRY);\n}\n");
        Path noteDir = onlyNote.getParent();
        assertEquals(Main.EXIT_OK, CliRun.of("scan", noteDir.toString()).code(), "a note does not fail by default");
        assertEquals(Main.EXIT_FINDINGS, CliRun.of("scan", "--fail-on", "note", noteDir.toString()).code());
        assertEquals(Main.EXIT_OK, CliRun.of("scan", "--fail-on", "warning", noteDir.toString()).code());
        CliRun bad = CliRun.of("scan", "--fail-on", "fatal", dir.toString());
        bad.assertCode(Main.EXIT_USAGE);
        bad.assertNoStackTrace();
    }

    @Test
    void disableAndUnknownRuleIds() throws IOException {
        write("x.c", THREE);
        CliRun off = CliRun.of("scan", "--disable", "contradictory-gfp-flags", dir.toString());
        off.assertCode(Main.EXIT_OK);
        assertTrue(findingLines(off).isEmpty(), off.out());
        CliRun unknown = CliRun.of("scan", "--disable", "no-such-rule", dir.toString());
        unknown.assertCode(Main.EXIT_USAGE);
        assertEquals(1, unknown.errLines().size(), unknown.err());
        assertTrue(unknown.err().contains("unknown rule id 'no-such-rule'") && unknown.err().contains("vmalloc-nofs"), unknown.err());
    }

    @Test
    void jsonFormat() throws IOException {
        write("x.c", THREE);
        CliRun r = CliRun.of("scan", "--format", "json", dir.toString());
        r.assertCode(Main.EXIT_FINDINGS);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1, j.get("schemaVersion").asInt());
        assertEquals("6.12", j.get("kernelVersion").asText());
        assertEquals(1, j.at("/summary/errors").asInt());
        assertEquals(1, j.at("/summary/warnings").asInt());
        assertEquals(1, j.at("/summary/notes").asInt());
        JsonNode f = j.get("findings").get(0);
        assertEquals("contradictory-gfp-flags", f.get("ruleId").asText());
        assertEquals("x.c", f.get("path").asText(), "relative to the scanned directory");
        assertEquals(3, f.get("line").asInt());
        assertTrue(f.get("fingerprint").asText().matches("[0-9a-f]{1,16}:1"), f.toString());
    }

    @Test
    void githubFormatIsWorkflowCommands() throws IOException {
        write("x.c", THREE);
        CliRun r = CliRun.of("scan", "--format", "github", dir.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("::error file=x.c,line=3,col="), lines.get(0));
        assertTrue(lines.get(0).contains(",title=contradictory-gfp-flags::"), lines.get(0));
        assertTrue(lines.get(1).startsWith("::warning file=x.c,line=8,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("::notice file=x.c,line=13,"), lines.get(2));
        assertEquals("a%25b%0Ac", Reports.data("a%b\nc"));
        assertEquals("x%3Ay%2Cz", Reports.property("x:y,z"));
    }

    @Test
    void sarifResultsCarryIndexFingerprintAndBaseId() throws IOException {
        write("x.c", THREE);
        Path out = dir.resolve("out/r.sarif");
        CliRun r = CliRun.of("scan", "--format", "sarif", "-o", out.toString(), dir.toString());
        r.assertCode(Main.EXIT_FINDINGS);
        JsonNode run = new ObjectMapper().readTree(out.toFile()).get("runs").get(0);
        JsonNode res = run.get("results").get(0);
        int idx = res.get("ruleIndex").asInt();
        assertEquals(res.get("ruleId").asText(), run.at("/tool/driver/rules").get(idx).get("id").asText());
        assertEquals("%SRCROOT%", res.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals("x.c", res.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertTrue(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText().startsWith("file:/"), run.toString());
        assertTrue(res.at("/partialFingerprints/primaryLocationLineHash").asText().matches("[0-9a-f]{1,16}:1"));
        assertEquals(3, res.at("/locations/0/physicalLocation/region/endLine").asInt());
        assertEquals(1, run.at("/invocations/0/exitCode").asInt());
        assertEquals("gfplint/", run.at("/automationDetails/id").asText(), "stable across kernel versions");
        JsonNode warning = run.get("results").get(1);
        assertEquals("warning", warning.get("level").asText(), "written even though it is SARIF's default");
        JsonNode rule = run.at("/tool/driver/rules").get(idx);
        assertFalse(rule.at("/fullDescription/text").asText().isEmpty());
        assertEquals("high", rule.at("/properties/precision").asText());
    }

    @Test
    void suppressionsUsedAndUnused() throws IOException {
        write("x.c", """
                /* gfplint: ignore-file[vmalloc-nofs] this file is judged elsewhere */
                void *a(unsigned long n)
                {
                	return kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL); // gfplint: ignore[contradictory-gfp-flags] reviewed
                }

                void *b(unsigned long n)
                {
                	/* gfplint: ignore[contradictory-gfp-flags] reviewed too */
                	return kmalloc(n, GFP_KERNEL | __GFP_NORETRY | __GFP_RETRY_MAYFAIL);
                }

                void *c(unsigned long n)
                {
                	// gfplint: ignore[contradictory-gfp-flags] nothing here any more
                	return kmalloc(n, GFP_KERNEL);
                }

                void *d(unsigned long n)
                {
                	return kmalloc(n, GFP_KERNEL); // gfplint: ignore[no-such-rule]
                }
                """);
        CliRun r = CliRun.of("scan", "--no-color", dir.toString());
        List<String> lines = findingLines(r);
        r.assertCode(Main.EXIT_OK);
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).contains("x.c:1:") && lines.get(0).contains("suppresses nothing in this file")
                && lines.get(0).endsWith("[unused-suppression]"), lines.get(0));
        assertTrue(lines.get(1).contains("x.c:15:") && lines.get(1).contains("suppresses nothing here"), lines.get(1));
        assertTrue(lines.get(2).contains("x.c:21:") && lines.get(2).contains("unknown rule no-such-rule"), lines.get(2));
    }

    @Test
    void baselineMatchesMovedCodeButNotNewFindings() throws IOException {
        Path src = write("x.c", THREE);
        Path base = dir.resolve("base/gfplint-baseline.json");
        CliRun w = CliRun.of("scan", "--write-baseline", base.toString(), dir.toString());
        w.assertCode(Main.EXIT_FINDINGS);
        JsonNode b = new ObjectMapper().readTree(base.toFile());
        assertEquals(3, b.get("findings").size());
        CliRun same = CliRun.of("scan", "--baseline", base.toString(), dir.toString());
        same.assertCode(Main.EXIT_OK);
        assertTrue(findingLines(same).isEmpty(), same.out());
        // New code above the old: the old findings move down 6 lines. (A line's hash covers the text that
        // follows it, as GitHub's does, so code added right below a finding changes that finding's hash.)
        Files.writeString(src, """
                void *e(unsigned long n)
                {
                	return kmalloc(n, GFP_NOWAIT | __GFP_NOFAIL);
                }

                """ + THREE);
        CliRun moved = CliRun.of("scan", "--no-color", "--baseline", base.toString(), dir.toString());
        moved.assertCode(Main.EXIT_FINDINGS);
        List<String> lines = findingLines(moved);
        assertEquals(1, lines.size(), moved.out());
        assertTrue(lines.get(0).contains("x.c:3:"), lines.get(0));
        Files.writeString(base, "{\"findings\": 3}");
        CliRun bad = CliRun.of("scan", "--baseline", base.toString(), dir.toString());
        bad.assertCode(Main.EXIT_USAGE);
        assertTrue(bad.err().contains("not a gfplint baseline"), bad.err());
    }

    private void git(String... args) throws IOException, InterruptedException {
        CliRun.git(dir, args).ok();
    }

    @Test
    void diffAndStagedReportOnlyChangedLines() throws Exception {
        Path src = write("x.c", "void *a(unsigned long n)\n{\n\treturn kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL);\n}\n");
        git("init", "-q");
        git("add", "x.c");
        git("commit", "-q", "-m", "old code");
        Files.writeString(src, Files.readString(src) + "\nvoid *b(unsigned long n)\n{\n\treturn kmalloc(n, GFP_NOWAIT | __GFP_NOFAIL);\n}\n");
        CliRun all = CliRun.of("scan", "--no-color", dir.toString());
        assertEquals(2, findingLines(all).size(), all.out());
        CliRun diff = CliRun.of("scan", "--no-color", "--diff", "HEAD", dir.toString());
        diff.assertCode(Main.EXIT_FINDINGS);
        assertEquals(1, findingLines(diff).size(), diff.out());
        assertTrue(findingLines(diff).get(0).contains("x.c:8:"), diff.out());
        CliRun staged = CliRun.of("scan", "--staged", dir.toString());
        staged.assertCode(Main.EXIT_OK);
        assertTrue(findingLines(staged).isEmpty(), "nothing staged yet: " + staged.out());
        git("add", "x.c");
        CliRun staged2 = CliRun.of("scan", "--no-color", "--staged", dir.toString());
        staged2.assertCode(Main.EXIT_FINDINGS);
        assertEquals(1, findingLines(staged2).size(), staged2.out());
        CliRun badRev = CliRun.of("scan", "--diff", "no-such-rev", dir.toString());
        badRev.assertCode(Main.EXIT_USAGE);
        assertTrue(badRev.err().contains("--diff no-such-rev"), badRev.err());
        badRev.assertNoStackTrace();
        CliRun both = CliRun.of("scan", "--diff", "HEAD", "--staged", dir.toString());
        both.assertCode(Main.EXIT_USAGE);
    }

    @Test
    void rulesAndExplain() {
        CliRun rules = CliRun.of("rules");
        rules.assertCode(Main.EXIT_OK);
        for (String id : List.of("vmalloc-nofs", "contradictory-gfp-flags", "unpaired-memalloc-scope", "gfp-kernel-in-nofs-region")) {
            assertTrue(rules.out().lines().anyMatch(l -> l.startsWith(id + " ")), rules.out());
        }
        CliRun explain = CliRun.of("explain", "contradictory-gfp-flags");
        explain.assertCode(Main.EXIT_OK);
        assertTrue(explain.out().contains("Why it matters.") && explain.out().contains("    p = kmalloc(size, GFP_KERNEL | __GFP_NOFAIL | __GFP_NORETRY);"), explain.out());
        assertFalse(explain.out().contains("**") || explain.out().contains("```"), explain.out());
        CliRun unknown = CliRun.of("explain", "nope");
        unknown.assertCode(Main.EXIT_USAGE);
        assertTrue(unknown.err().contains("unknown rule id 'nope'"), unknown.err());
        CliRun version = CliRun.of("--version");
        version.assertCode(Main.EXIT_OK);
        assertTrue(version.out().startsWith("gfplint "), version.out());
        CliRun completion = CliRun.of("generate-completion");
        completion.assertCode(Main.EXIT_OK);
        assertTrue(completion.out().contains("complete -F"), "a bash completion script");
    }

    @Test
    void installHookWritesAnExecutableHook() throws Exception {
        git("init", "-q");
        CliRun r = CliRun.of("install-hook", "--repo", dir.toString());
        r.assertCode(Main.EXIT_OK);
        Path hook = dir.resolve(".git/hooks/pre-commit");
        assertTrue(Files.isExecutable(hook));
        assertTrue(Files.readString(hook).contains("scan --staged"), Files.readString(hook));
        // the hook runs java itself: with the launcher's JVM options and those of a run from the cache
        for (String f : List.of("jvm.options", "jvm-warm.options")) {
            for (String line : Files.readAllLines(Path.of(f))) {
                if (line.isBlank() || line.strip().startsWith("#")) continue;
                for (String opt : line.strip().split("\\s+")) {
                    assertTrue(Files.readString(hook).contains("'" + opt + "' "), opt + " missing from the hook:\n" + Files.readString(hook));
                }
            }
        }
        CliRun again = CliRun.of("install-hook", "--repo", dir.toString());
        again.assertCode(Main.EXIT_USAGE);
        assertTrue(again.err().contains("exists already"), again.err());
        CliRun notRepo = CliRun.of("install-hook", "--repo", dir.getRoot().toString());
        notRepo.assertCode(Main.EXIT_USAGE);
        assertTrue(notRepo.err().contains("not in a git repository"), notRepo.err());

        // the hook, run by git itself: a staged bug blocks the commit with its line, a clean file commits
        write("bad.c", "void *a(unsigned long n)\n{\n\treturn kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL);\n}\n");
        git("add", "bad.c");
        CliRun.Git blocked = CliRun.git(dir, "commit", "-q", "-m", "a bug");
        assertTrue(blocked.code() != 0, "the hook let a bug through:\n" + blocked.out());
        assertTrue(blocked.out().contains("bad.c:3:") && blocked.out().contains("[contradictory-gfp-flags]"), blocked.out());
        write("bad.c", "void *a(unsigned long n)\n{\n\treturn kmalloc(n, GFP_KERNEL);\n}\n");
        git("add", "bad.c");
        CliRun.Git ok = CliRun.git(dir, "commit", "-q", "-m", "fixed");
        assertEquals(0, ok.code(), ok.out());
    }

    @Test
    void installHookFindsTheHooksDirectoryOfAWorktree() throws Exception {
        write("x.c", "int x;\n");
        git("init", "-q");
        git("add", "x.c");
        git("commit", "-q", "-m", "one");
        git("worktree", "add", "-q", "wt");
        CliRun r = CliRun.of("install-hook", "--repo", dir.resolve("wt").toString());
        r.assertCode(Main.EXIT_OK);
        assertTrue(Files.isExecutable(dir.resolve(".git/hooks/pre-commit")), r.out() + r.err());
    }

    @Test
    void configFileSetsRulesLevelsExcludesAndIsCheckedStrictly() throws IOException {
        write("x.c", THREE);
        write("drivers/staging/y.c", "void *y(unsigned long n)\n{\n\treturn kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL);\n}\n");
        write(".gfplint.yaml", """
                kernel-version: "5.15"
                rules:
                  contradictory-gfp-flags: warning
                exclude:
                  - drivers/staging/**
                """);
        CliRun r = CliRun.of("scan", "--no-color", dir.toString());
        List<String> lines = findingLines(r);
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).contains("x.c:3:") && lines.get(0).contains(": warning: "), "error lowered to warning: " + lines.get(0));
        assertTrue(lines.get(2).contains(": note: "), "notes stay notes: " + lines.get(2));
        assertEquals(1, r.files(), "drivers/staging excluded");
        assertTrue(r.err().contains("kernel 5.15 from " + dir.resolve(".gfplint.yaml")), r.err());
        assertEquals(Main.EXIT_FINDINGS, r.code());
        CliRun override = CliRun.of("scan", "--kernel-version", "6.1", dir.toString());
        assertTrue(override.err().contains("kernel 6.1 from --kernel-version"), override.err());
        CliRun ignored = CliRun.of("scan", "--no-config", dir.toString());
        assertEquals(2, ignored.files(), "--no-config reads no exclude list");

        write(".gfplint.yaml", "rules:\n  contradictory-gfp-flags: off\n");
        CliRun off = CliRun.of("scan", dir.resolve("x.c").toString());
        off.assertCode(Main.EXIT_OK);
        CliRun on = CliRun.of("scan", "--enable", "contradictory-gfp-flags", dir.resolve("x.c").toString());
        on.assertCode(Main.EXIT_FINDINGS);

        write(".gfplint.yaml", "rules:\n  contradictory-gfp-flags: warning\nrulez: {}\n");
        CliRun bad = CliRun.of("scan", dir.toString());
        bad.assertCode(Main.EXIT_USAGE);
        bad.assertNoStackTrace();
        assertEquals(1, bad.errLines().size(), bad.err());
        assertTrue(bad.err().contains(".gfplint.yaml:3: unknown key 'rulez'"), bad.err());
        Path other = write("elsewhere/custom.yaml", "rules:\n  no-such-rule: off\n");
        CliRun badRule = CliRun.of("scan", "--config", other.toString(), dir.toString());
        badRule.assertCode(Main.EXIT_USAGE);
        assertTrue(badRule.err().contains("custom.yaml:2:") && badRule.err().contains("no-such-rule"), badRule.err());
    }
}
