package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gfplint.core.scan.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Exit code 3: gfplint itself failed. The scan is given a file reader that fails the way a bug would, through
 * picocli's factory, and everything else is the real command line.
 */
class InternalErrorTest {
    @TempDir
    Path dir;

    private static final String BUG = "void *a(unsigned long n)\n{\n\treturn kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL);\n}\n";

    /** Runs gfplint with a reader that throws {@code failure} for files named boom.c. */
    private static CliRun run(Throwable failure, String... args) {
        SourceReader reader = (f, limit) -> {
            if (f.getFileName().toString().equals("boom.c")) {
                if (failure instanceof RuntimeException re) throw re;
                throw (Error) failure;
            }
            return Files.readAllBytes(f);
        };
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == ScanCommand.class) return cls.cast(new ScanCommand(reader));
                return CommandLine.defaultFactory().create(cls);
            }
        };
        return CliRun.of(factory, args);
    }

    @Test
    void aFileGfplintFailsOnIsExitThreeAfterTheOtherFilesAreReported() throws IOException {
        CliRun.write(dir.resolve("bug.c"), BUG);
        CliRun.write(dir.resolve("boom.c"), "void f(void)\n{\n}\n");
        Path sarif = dir.resolve("out.sarif");
        CliRun r = run(new IllegalStateException("simulated bug"), "scan", "--no-color", dir.toString());
        r.assertCode(Main.EXIT_INTERNAL);
        assertTrue(r.out().contains("bug.c:3:"), "the other file's finding is still reported:\n" + r.out());
        r.assertOneDiagnostic("error", dir.resolve("boom.c"), "internal error: java.lang.IllegalStateException: simulated bug");
        assertTrue(r.errLines().get(r.errLines().size() - 1).endsWith("; 1 internal errors, results incomplete"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug:\n" + r.err());

        CliRun s = run(new IllegalStateException("simulated bug"), "scan", "-q", "--format", "sarif", "-o", sarif.toString(), dir.toString());
        s.assertCode(Main.EXIT_INTERNAL);
        JsonNode inv = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/invocations/0");
        assertEquals(3, inv.get("exitCode").asInt());
        assertFalse(inv.get("executionSuccessful").asBoolean());
        JsonNode n = inv.get("toolExecutionNotifications").get(0);
        assertEquals("error", n.get("level").asText());
        assertEquals("boom.c", n.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void anOutOfMemoryErrorOrAStackOverflowInOneFileCostsOnlyThatFile() throws IOException {
        CliRun.write(dir.resolve("bug.c"), BUG);
        CliRun.write(dir.resolve("boom.c"), "void f(void)\n{\n}\n");
        for (Error failure : List.of(new OutOfMemoryError("simulated"), new StackOverflowError())) {
            CliRun r = run(failure, "scan", "--no-color", dir.toString());
            r.assertCode(Main.EXIT_INTERNAL);
            assertTrue(r.out().contains("bug.c:3:"), "the other file's finding is still reported:\n" + r.out());
            String why = failure instanceof OutOfMemoryError ? "internal error: out of memory (simulated)" : "internal error: java.lang.StackOverflowError";
            r.assertOneDiagnostic("error", dir.resolve("boom.c"), why);
            assertFalse(r.err().contains("\tat "), "no stack trace without --debug:\n" + r.err());
        }
    }

    @Test
    void debugPrintsTheStackTraceOfAFileGfplintFailedOn() throws IOException {
        CliRun.write(dir.resolve("boom.c"), "void f(void)\n{\n}\n");
        CliRun d = run(new OutOfMemoryError("simulated"), "scan", "--debug", dir.toString());
        d.assertCode(Main.EXIT_INTERNAL);
        assertTrue(d.err().contains("java.lang.OutOfMemoryError: simulated") && d.err().contains("\tat dev.gfplint."),
                "--debug prints the stack trace:\n" + d.err());
    }
}
