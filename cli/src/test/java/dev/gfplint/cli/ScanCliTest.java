package dev.gfplint.cli;

import static dev.gfplint.cli.CliRun.GOOD_C_FUNCTIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes, usage errors, --help/--version and --stats-json. */
class ScanCliTest {
    @TempDir
    Path dir;

    @Test
    void cleanScanExitsZeroWithASummary() throws IOException {
        CliRun.good(dir);

        CliRun r = CliRun.of("scan", dir.toString());

        r.assertCode(Main.EXIT_OK);
        r.assertNoStackTrace();
        assertEquals(1, r.files());
        assertEquals(0, r.filesFailed());
        assertEquals(GOOD_C_FUNCTIONS, r.functions());
        assertEquals(2, r.errLines().size(), () -> "only the summary and the model line expected:\n" + r.err());
        assertTrue(r.errLines().get(0).startsWith("gfplint: kernel " + dev.gfplint.core.model.KernelVersion.NEWEST
                + " from default"), r.errLines().get(0));
    }

    @Test
    void jobsZeroIsAUsageError() throws IOException {
        CliRun.good(dir);

        CliRun r = CliRun.of("scan", "--jobs", "0", dir.toString());

        r.assertCode(Main.EXIT_USAGE);
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), () -> "expected a one-line message:\n" + r.err());
        assertTrue(lines.get(0).startsWith("gfplint: "), lines.get(0));
        assertTrue(lines.get(0).contains("--jobs"), lines.get(0));
        r.assertNoStackTrace();
    }

    @Test
    void unknownOptionIsAUsageError() throws IOException {
        CliRun.good(dir);

        CliRun r = CliRun.of("scan", "--no-such-option", dir.toString());

        r.assertCode(Main.EXIT_USAGE);
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), () -> "expected a one-line message:\n" + r.err());
        assertTrue(lines.get(0).startsWith("gfplint: "), lines.get(0));
        assertTrue(lines.get(0).contains("--no-such-option"), lines.get(0));
        r.assertNoStackTrace();
    }

    @Test
    void statsJsonHasTheKeysAndMatchesTheFixture() throws IOException {
        CliRun.good(dir); // 2 functions
        CliRun.write(dir.resolve("lib/third.c"), "static void third_fn(int *p)\n{\n\tif (p)\n\t\t*p = 3;\n}\n");
        Path json = dir.resolve("reports/stats.json"); // parent does not exist yet

        CliRun r = CliRun.of("scan", "--jobs", "2", "--stats-json", json.toString(), dir.toString());

        r.assertCode(Main.EXIT_OK);
        r.assertNoStackTrace();
        assertTrue(Files.isRegularFile(json), "stats file written");
        JsonNode s = new ObjectMapper().readTree(json.toFile());
        for (String key : List.of("files", "filesFailed", "functions", "functionsFullyParsed", "wallSeconds")) {
            assertTrue(s.has(key), () -> "missing key " + key + " in " + s);
        }
        assertEquals(2, s.get("files").asLong());
        assertEquals(0, s.get("filesFailed").asLong());
        assertEquals(3, s.get("functions").asLong());
        assertEquals(3, s.get("functionsFullyParsed").asLong());
        assertTrue(s.get("wallSeconds").isNumber());
        assertTrue(s.get("wallSeconds").asDouble() >= 0);
        assertEquals(2, s.get("jobs").asInt());
        assertEquals(3, r.functions(), "summary agrees with the JSON");
    }

    @Test
    void helpExitsZeroAndListsTheExitCodes() {
        CliRun r = CliRun.of("--help");

        r.assertCode(Main.EXIT_OK);
        assertTrue(r.out().contains("Exit codes:"), r.out());
        for (String code : List.of("0", "1", "2", "3")) {
            assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith(code + " ")),
                    () -> "exit code " + code + " not listed:\n" + r.out());
        }
        assertTrue(r.out().contains("scan"), "lists the scan subcommand");
        assertFalse(r.err().contains("Exception"));
    }

    @Test
    void scanHelpExitsZeroAndListsTheExitCodes() {
        CliRun r = CliRun.of("scan", "--help");

        r.assertCode(Main.EXIT_OK);
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("--max-file-size"), r.out());
    }

    @Test
    void versionPrintsAVersion() {
        CliRun r = CliRun.of("--version");

        r.assertCode(Main.EXIT_OK);
        String v = r.out().trim();
        assertTrue(v.matches("gfplint \\d+\\.\\d+\\.\\d+.*"), () -> "unexpected version output: " + v);
        assertFalse(v.contains("unknown") || v.contains("${"), v);
    }
}
