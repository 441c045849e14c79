package dev.gfplint.core.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StampIndexTest {
    @TempDir
    Path dir;

    /** A stamp as old as the tests need: its file was modified long before it was hashed, so it is trusted. */
    private static final long LONG_AGO = 1_000_000_000L; // nanoseconds since the epoch

    private static byte[] hash(int i) {
        return FileCache.contentHash(("file " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Path indexFile() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getParent().getFileName().toString().equals("ix") && Files.isRegularFile(p)).findFirst().orElse(null);
        }
    }

    @Test
    void anExistingIndexIsRewrittenOnlyOnceEnoughStampsWereLearnt() throws IOException {
        FileCache first = new FileCache(dir, "t", 1L << 30);
        for (int i = 0; i < 10; i++) first.sawHash("f" + i + ".c", "s" + i, hash(i));
        first.saveIndex();
        Path ix = indexFile();
        assertNotNull(ix, "no index yet: the first stamps learnt are stored whatever their number");
        byte[] before = Files.readAllBytes(ix);

        // a run that learns a few new stamps (a commit's files) leaves the index as it is...
        FileCache few = new FileCache(dir, "t", 1L << 30);
        assertArrayEquals(hash(3), few.knownHash("f3.c", "s3", LONG_AGO));
        for (int i = 0; i < FileCache.SAVE_AFTER - 1; i++) few.sawHash("g" + i + ".c", "s" + i, hash(i));
        few.saveIndex();
        assertArrayEquals(before, Files.readAllBytes(ix));
        // ...so those files are not known by their stamps: the next run reads them again
        FileCache next = new FileCache(dir, "t", 1L << 30);
        assertNull(next.knownHash("g0.c", "s0", LONG_AGO));
        assertArrayEquals(hash(3), next.knownHash("f3.c", "s3", LONG_AGO));

        // one that learns SAVE_AFTER stores them all, beside the stamps it kept
        for (int i = 0; i < FileCache.SAVE_AFTER; i++) next.sawHash("g" + i + ".c", "s" + i, hash(i));
        next.saveIndex();
        FileCache after = new FileCache(dir, "t", 1L << 30);
        assertArrayEquals(hash(0), after.knownHash("g0.c", "s0", LONG_AGO));
        assertArrayEquals(hash(FileCache.SAVE_AFTER - 1), after.knownHash("g" + (FileCache.SAVE_AFTER - 1) + ".c",
                "s" + (FileCache.SAVE_AFTER - 1), LONG_AGO));
        assertArrayEquals(hash(3), after.knownHash("f3.c", "s3", LONG_AGO));
        assertNull(after.knownHash("f3.c", "another stamp", LONG_AGO), "a changed stamp is never trusted");
        assertEquals(1, Files.list(ix.getParent()).count());
    }
}
