package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where report paths are relative to, the notifications for files that failed to parse, and that a report
 * depends on the tree and nothing else (not the run, not the number of threads).
 */
class ReportPathsTest {
    @TempDir
    Path dir;

    private static final String BUG = "void *a(unsigned long n)\n{\n\treturn kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL);\n}\n";

    private static JsonNode read(Path f) throws IOException {
        return new ObjectMapper().readTree(f.toFile());
    }

    @Test
    void inAGitWorkTreePathsAreRelativeToItsTopWhicheverDirectoryIsScanned() throws Exception {
        CliRun.git(dir, "init", "-q").ok();
        CliRun.write(dir.resolve("fs/xfs/x.c"), BUG);
        Path sarif = dir.resolve("r.sarif");
        CliRun r = CliRun.of("scan", "-q", "--format", "sarif", "-o", sarif.toString(), dir.resolve("fs/xfs").toString());
        r.assertCode(Main.EXIT_FINDINGS);
        JsonNode run = read(sarif).at("/runs/0");
        assertEquals("fs/xfs/x.c", run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(dir.toUri().toString(), run.at("/originalUriBaseIds/%SRCROOT%/uri").asText());

        CliRun gh = CliRun.of("scan", "-q", "--format", "github", dir.resolve("fs/xfs/x.c").toString());
        assertTrue(gh.out().startsWith("::error file=fs/xfs/x.c,line=3,"), gh.out());
        Path json = dir.resolve("r.json");
        CliRun.of("scan", "-q", "--format", "json", "-o", json.toString(), dir.resolve("fs").toString());
        assertEquals("fs/xfs/x.c", read(json).at("/findings/0/path").asText());

        // a baseline written from a subdirectory matches a scan of the whole tree
        Path base = dir.resolve("baseline.json");
        CliRun.of("scan", "-q", "--write-baseline", base.toString(), dir.resolve("fs/xfs").toString());
        assertEquals("fs/xfs/x.c", read(base).at("/findings/0/path").asText());
        CliRun.of("scan", "-q", "--baseline", base.toString(), dir.toString()).assertCode(Main.EXIT_OK);
    }

    @Test
    void outsideGitPathsAreRelativeToTheKernelTreeTop() throws IOException {
        CliRun.write(dir.resolve("Makefile"), "# SPDX-License-Identifier: GPL-2.0\nVERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 0\n");
        CliRun.write(dir.resolve("fs/xfs/x.c"), BUG);
        Path sarif = dir.resolve("r.sarif");
        CliRun.of("scan", "-q", "--format", "sarif", "-o", sarif.toString(), dir.resolve("fs/xfs").toString())
                .assertCode(Main.EXIT_FINDINGS);
        JsonNode run = read(sarif).at("/runs/0");
        assertEquals("fs/xfs/x.c", run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(dir.toUri().toString(), run.at("/originalUriBaseIds/%SRCROOT%/uri").asText());
    }

    @Test
    void outsideGitAndKernelPathsAreRelativeToTheScannedDirectory() throws IOException {
        Path sub = dir.resolve("drivers/foo");
        CliRun.write(sub.resolve("x.c"), BUG);
        Path sarif = dir.resolve("r.sarif");
        CliRun.of("scan", "-q", "--format", "sarif", "-o", sarif.toString(), sub.toString()).assertCode(Main.EXIT_FINDINGS);
        JsonNode run = read(sarif).at("/runs/0");
        assertEquals("x.c", run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(sub.toUri().toString(), run.at("/originalUriBaseIds/%SRCROOT%/uri").asText());
    }

    @Test
    void aFileThatFailedToParseIsAToolExecutionNotification() throws IOException {
        CliRun.write(dir.resolve("x.c"), BUG);
        int depth = 10_000;
        CliRun.write(dir.resolve("deep.c"), "int ok(int y)\n{\n\treturn y;\n}\n\nvoid deep_fn(void)\n" + "{".repeat(depth)
                + "\n" + "}".repeat(depth) + "\n");
        Files.write(dir.resolve("blob.c"), new byte[] {'i', 'n', 't', 0, 1, 2});
        Path sarif = dir.resolve("r.sarif");
        CliRun r = CliRun.of("scan", "-q", "--format", "sarif", "-o", sarif.toString(), dir.toString());
        r.assertCode(Main.EXIT_FINDINGS);
        JsonNode notes = read(sarif).at("/runs/0/invocations/0/toolExecutionNotifications");
        assertEquals(2, notes.size(), notes.toString());
        JsonNode blob = notes.get(0);
        assertEquals("warning", blob.get("level").asText());
        assertEquals("blob.c", blob.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertTrue(blob.at("/message/text").asText().startsWith("binary file"), blob.toString());
        JsonNode deep = notes.get(1);
        assertEquals("note", deep.get("level").asText());
        assertEquals("deep.c", deep.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(7, deep.at("/locations/0/physicalLocation/region/startLine").asInt(), "the line of the statement");
        assertTrue(deep.at("/message/text").asText().contains("deep_fn: statement skipped: brackets nested deeper"), deep.toString());
    }

    /** Every format, twice with two threads and once with one: byte for byte the same. */
    @Test
    void twoScansOfTheSameTreeGiveTheSameReport() throws IOException {
        Path tree = SarifSchemaTest.testdataDir();
        for (String format : List.of("text", "json", "sarif", "github")) {
            List<String> outputs = new ArrayList<>();
            for (String jobs : List.of("2", "2", "1")) {
                Path out = dir.resolve(format + "-" + outputs.size());
                CliRun.of("scan", "-q", "--no-config", "--format", format, "-j", jobs, "-o", out.toString(), tree.toString());
                outputs.add(Files.readString(out));
            }
            assertFalse(outputs.get(0).isBlank(), format);
            assertEquals(outputs.get(0), outputs.get(1), format + ": two runs differ");
            assertEquals(outputs.get(0), outputs.get(2), format + ": -j 1 and -j 2 differ");
        }
    }
}
