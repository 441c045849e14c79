package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --kernel-version, the Makefile default, and what the model reports. */
class KernelVersionCliTest {
    @TempDir
    Path dir;

    private void kernelTree(String version, String patchlevel) throws IOException {
        Files.writeString(dir.resolve("Makefile"), "VERSION = " + version + "\nPATCHLEVEL = " + patchlevel + "\nSUBLEVEL = 3\n");
        Path c = dir.resolve("fs/x/a.c");
        Files.createDirectories(c.getParent());
        Files.writeString(c, """
                static void *get(size_t n, gfp_t gfp) { return kmalloc(n, gfp); }
                void *user(void) { return get(8, GFP_NOFS); }
                """);
    }

    private static String modelLine(CliRun r) {
        return r.errLines().stream().filter(l -> l.startsWith("gfplint: kernel ")).findFirst()
                .orElseThrow(() -> new AssertionError("no model line:\n" + r.err()));
    }

    @Test
    void theVersionComesFromTheTreesMakefile() throws IOException {
        kernelTree("5", "15");
        CliRun r = CliRun.of("scan", dir.toString());
        r.assertCode(Main.EXIT_OK);
        String line = modelLine(r);
        assertTrue(line.startsWith("gfplint: kernel 5.15 from "), line);
        assertTrue(line.contains("Makefile"), line);
        assertTrue(line.contains("1 allocation sites, 1 wrappers"), line);
    }

    @Test
    void theOptionWinsOverTheMakefile() throws IOException {
        kernelTree("5", "15");
        CliRun r = CliRun.of("scan", "--kernel-version", "6.1", dir.toString());
        r.assertCode(Main.EXIT_OK);
        assertTrue(modelLine(r).startsWith("gfplint: kernel 6.1 from --kernel-version"), modelLine(r));
        assertTrue(modelLine(r).contains("built-in layout 6.0.h"), modelLine(r));
    }

    @Test
    void aBadVersionIsAUsageErrorOnOneLine() throws IOException {
        kernelTree("6", "12");
        for (String bad : List.of("six", "3.10")) {
            CliRun r = CliRun.of("scan", "--kernel-version", bad, dir.toString());
            r.assertCode(Main.EXIT_USAGE);
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.errLines().get(0).startsWith("gfplint: ") && r.errLines().get(0).contains("--kernel-version"), r.err());
            r.assertNoStackTrace();
        }
    }

    @Test
    void statsJsonAndModelStatsCarryTheModelsFigures() throws IOException {
        kernelTree("6", "12");
        Path json = dir.resolve("out/stats.json");
        CliRun r = CliRun.of("scan", "--model-stats", "--stats-json", json.toString(), dir.resolve("fs").toString());
        r.assertCode(Main.EXIT_OK);
        assertTrue(r.err().contains("model: 1 allocation sites; effective mask definite for __GFP_FS at 1 (100.0%)"), r.err());
        assertTrue(r.err().contains("model: 1 inferred wrapper allocators"), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.matches("time: setup [0-9.]+ s, files [0-9.]+ s, second reading [0-9.]+ s, "
                + "cache index [0-9.]+ s, model [0-9.]+ s, rules [0-9.]+ s, output [0-9.]+ s")), "the phases' wall times: " + r.err());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("6.12", j.get("kernelVersion").asText());
        assertEquals(1, j.get("model").get("allocationSites").asInt());
        assertEquals(1, j.get("model").get("wrappers").asInt());
    }

    @Test
    void aCatalogFileAddsAllocatorsAndABadOneIsAUsageError() throws IOException {
        kernelTree("6", "12");
        Files.writeString(dir.resolve("fs/x/b.c"), "void *pool(void) { return my_pool_get(NULL, 8, GFP_NOIO); }\n");
        Path good = dir.resolve("mine.conf");
        Files.writeString(good, "[allocators]\nmy_pool_get  gfp=2  family=other\n");
        CliRun r = CliRun.of("scan", "--catalog", good.toString(), dir.resolve("fs").toString());
        r.assertCode(Main.EXIT_OK);
        assertTrue(modelLine(r).contains("2 allocation sites"), modelLine(r));

        Path bad = dir.resolve("bad.conf");
        Files.writeString(bad, "[allocators]\nmy_pool_get family=other\n");
        r = CliRun.of("scan", "--catalog", bad.toString(), dir.resolve("fs").toString());
        r.assertCode(Main.EXIT_USAGE);
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("gfplint: error: " + bad + ":2: "), r.err());
        r.assertNoStackTrace();
    }

    @Test
    void sarifRecordsTheVersionTheCodeWasJudgedAs() throws IOException {
        kernelTree("5", "10");
        Path sarif = dir.resolve("out/gfplint.sarif");
        CliRun r = CliRun.of("scan", "--format", "sarif", "--output", sarif.toString(), dir.toString());
        r.assertCode(Main.EXIT_OK);
        JsonNode run = new ObjectMapper().readTree(sarif.toFile()).get("runs").get(0);
        assertEquals("gfplint", run.get("tool").get("driver").get("name").asText());
        assertEquals("5.10", run.get("properties").get("kernelVersion").asText());
        assertTrue(run.get("properties").get("gfpFlagsFrom").asText().contains("5.1.h"), run.toString());
        assertEquals(0, run.get("results").size());
    }
}
