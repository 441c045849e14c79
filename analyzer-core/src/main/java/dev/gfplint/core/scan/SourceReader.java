package dev.gfplint.core.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the scanner reads a file's bytes; replaceable so that read failures can be tested. The scanner only
 * hands it regular files, and never asks for more than {@code limit + 1} bytes: a file whose size the file
 * system reports wrongly ({@code /proc}-like files say 0) still costs at most that much.
 */
@FunctionalInterface
public interface SourceReader {
    /** At most {@code limit + 1} bytes of {@code file} (one more than the limit tells a reader it was too long). */
    byte[] read(Path file, long limit) throws IOException;

    SourceReader FILES = (file, limit) -> {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
        }
    };
}
