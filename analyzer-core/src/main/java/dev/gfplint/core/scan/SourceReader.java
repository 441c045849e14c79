package dev.gfplint.core.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How the scanner reads a file's bytes; replaceable so that read failures can be tested. */
@FunctionalInterface
public interface SourceReader {
    byte[] read(Path file) throws IOException;

    SourceReader FILES = Files::readAllBytes;
}
