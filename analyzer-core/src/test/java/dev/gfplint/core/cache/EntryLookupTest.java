package dev.gfplint.core.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan answers its later misses in a directory of entries from one listing of it, and still finds what it stores. */
class EntryLookupTest {
    @TempDir
    Path dir;

    /** Keys of {@code n} files whose entries share one directory (the same first byte). */
    private static List<byte[]> keysInOneDirectory(FileCache c, int n) {
        List<byte[]> out = new ArrayList<>();
        int want = -1;
        for (int i = 0; out.size() < n; i++) {
            byte[] k = c.key("file", "f" + i + ".c", new byte[0]);
            if (want < 0) want = k[0];
            if (k[0] == want) out.add(k);
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void missesAfterTheFirstAreAnsweredFromTheListingAndOwnStoresAreFound() throws Exception {
        FileCache scan = new FileCache(dir, "t", 1L << 30), other = new FileCache(dir, "t", 1L << 30);
        List<byte[]> k = keysInOneDirectory(scan, 4);
        other.put(k.get(0), bytes("stored by another scan before"));
        assertNull(scan.get(k.get(1)), "a miss: the directory is listed now");
        assertArrayEquals(bytes("stored by another scan before"), scan.get(k.get(0)), "in the listing: read");
        scan.put(k.get(2), bytes("stored by this scan"));
        assertArrayEquals(bytes("stored by this scan"), scan.get(k.get(2)), "what this scan stores after the listing is found");
        other.put(k.get(3), bytes("stored by another scan since"));
        assertNull(scan.get(k.get(3)), "stored by another scan after the listing: missed, and only analysed again");
        assertArrayEquals(bytes("stored by another scan since"), new FileCache(dir, "t", 1L << 30).get(k.get(3)));
        assertEquals(2, scan.use().misses(), "two misses (the first and the one stored since), two hits");
        assertEquals(2, scan.use().hits());
    }

    @Test
    void anEntryWhoseDirectoryWentIsStoredAgain() throws Exception {
        FileCache scan = new FileCache(dir, "t", 1L << 30);
        List<byte[]> k = keysInOneDirectory(scan, 2);
        scan.put(k.get(0), bytes("first"));
        Path entryDir;
        try (var s = Files.list(dir.resolve("v" + FileCache.FORMAT))) {
            entryDir = s.filter(p -> !p.getFileName().toString().equals("ix")).findFirst().orElseThrow();
        }
        try (var s = Files.list(entryDir)) {
            for (Path p : s.toList()) Files.delete(p);
        }
        Files.delete(entryDir); // a `cache clear` by another process
        scan.put(k.get(1), bytes("second"));
        assertArrayEquals(bytes("second"), new FileCache(dir, "t", 1L << 30).get(k.get(1)));
        assertNull(scan.use().unwritable());
    }
}
