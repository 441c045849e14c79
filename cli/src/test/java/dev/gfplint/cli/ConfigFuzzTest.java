package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .gfplint.yaml reader on arbitrary bytes. Only a {@link ConfigException} may come out (any other exception
 * fails the test), and its message must be what its contract says: one non-empty line starting with the file, with a
 * line number that is a line of the file (0 when none applies). A file it accepts gives a usable config.
 */
class ConfigFuzzTest {
    @TempDir
    static Path dir;

    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @FuzzTest
    void load(byte[] input) throws IOException {
        Path file = dir.resolve(Config.FILE_NAME);
        Files.write(file, input);
        Config config;
        try {
            config = Config.load(file);
        } catch (ConfigException e) {
            String m = e.getMessage();
            assertNotNull(m, "a ConfigException without a message");
            assertFalse(e.problem().isBlank(), "a ConfigException without a problem: " + m);
            assertFalse(m.contains("\n") || m.contains("\r"), "more than one line: " + m);
            assertTrue(m.startsWith(file + ":"), "does not start with the file: " + m);
            assertTrue(e.line() >= 0 && e.line() <= lines(input), "line " + e.line() + " of a file of "
                    + lines(input) + " lines: " + m);
            return;
        }
        assertEquals(file, config.file().orElse(null), "the config names its file");
        assertNotNull(config.catalog(), "a loaded config has a catalog");
        for (String id : config.disabledRules()) assertFalse(config.enabled(id), id + " is off but enabled");
    }

    /** Lines as YAML counts them: \n, \r\n, \r, NEL, LS and PS all end one (an upper bound if not UTF-8). */
    private static int lines(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        int n = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') n++;
            else if (c == '\r' && !(i + 1 < s.length() && s.charAt(i + 1) == '\n')) n++;
        }
        return n;
    }
}
