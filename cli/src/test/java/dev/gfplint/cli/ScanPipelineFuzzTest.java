package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on one file: the input is written as the only .c file of a directory and the real command line
 * scans it, once per output format ({@code gfplint scan --no-config -j 1 --format F -o REPORT DIR}). Whatever the
 * file holds, gfplint must exit 0 or 1 (never 2, usage, or 3, internal error), say nothing of an internal error, and
 * agree with itself across formats: the same exit code, JSON and SARIF that parse, and as many findings in the JSON,
 * the SARIF and the GitHub annotations. {@code -j 1}: one worker, so each run costs no thread start.
 */
class ScanPipelineFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @FuzzTest
    void scanOneFile(byte[] input) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.write(src.resolve("input.c"), input);
        Path out = Files.createDirectories(dir.resolve("out"));

        int code = -1;
        int findings = -1;
        for (String format : new String[] {"json", "sarif", "github", "text"}) {
            Path report = out.resolve("report." + format);
            Files.deleteIfExists(report);
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int c = Main.run(new PrintWriter(o, true), new PrintWriter(e, true),
                    "scan", "--no-config", "-j", "1", "--format", format, "-o", report.toString(), src.toString());
            String err = e.toString();
            String what = "--format " + format + " (exit " + c + ")\nerr:\n" + err;
            if (c != Main.EXIT_OK && c != Main.EXIT_FINDINGS) fail("exit code " + c + " with " + what);
            for (String line : err.split("\\R")) {
                if (line.contains("internal error")) fail("internal error reported with " + what);
            }
            if (code >= 0) assertEquals(code, c, "the exit code depends on the format: " + what);
            code = c;
            assertTrue(Files.isRegularFile(report), "no report written with " + what);
            String text = Files.readString(report, StandardCharsets.UTF_8);
            int n;
            switch (format) {
                case "json" -> {
                    JsonNode root = JSON.readTree(text);
                    assertTrue(root != null && root.path("findings").isArray(), "JSON without findings[]: " + text);
                    assertEquals(1, root.path("summary").path("files").asInt(-1), "files scanned, JSON: " + text);
                    n = root.get("findings").size();
                }
                case "sarif" -> {
                    JsonNode root = JSON.readTree(text);
                    JsonNode results = root == null ? null : root.path("runs").path(0).path("results");
                    assertTrue(results != null && results.isArray(), "SARIF without runs[0].results[]: " + text);
                    n = results.size();
                }
                case "github" -> {
                    n = 0;
                    for (String line : text.split("\\R")) {
                        if (line.isEmpty()) continue;
                        assertTrue(line.startsWith("::"), "not a workflow command: " + line);
                        n++;
                    }
                }
                default -> n = findings; // text: one finding may take several lines (its call chain)
            }
            if (findings >= 0) assertEquals(findings, n, "findings in the JSON and in --format " + format);
            findings = n;
        }
    }
}
