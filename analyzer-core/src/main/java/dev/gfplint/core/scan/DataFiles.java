package dev.gfplint.core.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the small files gfplint takes its settings and data from (the configuration, a baseline, catalogs,
 * idioms, the tree's gfp header) with the same care as sources: a regular file only, never more than a
 * bound, so a file a tree names (or a link it plants) cannot block the scan or fill the heap.
 */
public final class DataFiles {
    /** The most any data file may hold. */
    public static final long MAX_BYTES = 16L << 20;

    private DataFiles() {}

    /** The text of {@code file}; an IOException says why it cannot be read (not a regular file, too large). */
    public static String read(Path file, Charset cs) throws IOException {
        return read(file, cs, MAX_BYTES);
    }

    /**
     * The text of {@code file}, decoded strictly ({@link CharacterCodingException} for bytes that are not
     * {@code cs}), at most {@code max} bytes of it.
     */
    public static String read(Path file, Charset cs, long max) throws IOException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(readBytes(file, max))).toString();
    }

    /** The bytes of {@code file}, at most {@code max} of them. */
    public static byte[] readBytes(Path file, long max) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) throw new IOException(file + ": not a regular file");
        byte[] b;
        try (InputStream in = Files.newInputStream(file)) {
            b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
        }
        if (b.length > max) throw new IOException(file + ": larger than " + (max >> 20) + " MiB");
        return b;
    }
}
