package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline reader on arbitrary bytes: only {@link Baseline.BadBaseline} may come out (any other exception fails
 * the test), with a one-line message naming the file. A baseline it accepts can be applied.
 */
class BaselineFuzzTest {
    @TempDir
    static Path dir;

    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @FuzzTest
    void read(byte[] input) throws IOException {
        Path file = dir.resolve("baseline.json");
        Files.write(file, input);
        Baseline b;
        try {
            b = Baseline.read(file);
        } catch (Baseline.BadBaseline e) {
            String m = e.getMessage();
            assertNotNull(m, "a BadBaseline without a message");
            assertTrue(m.startsWith(file + ": ") && m.length() > (file + ": ").length(), "does not name the file: " + m);
            assertTrue(!m.contains("\n") && !m.contains("\r"), "more than one line: " + m);
            return;
        }
        assertTrue(b.newFindings(List.of(), f -> f, new Fingerprints()).isEmpty(), "no findings, none new");
    }
}
