package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-file cache through the command line: a second scan reads unchanged files from it and reports the
 * same findings, byte for byte; what changes a file's result (its bytes, the kernel version, a catalog, the
 * tool itself) misses; a damaged entry is rebuilt and noted; two scans share it; an unwritable one is noted.
 */
class CacheCliTest {
    @TempDir
    Path dir;

    /** The repository's fixtures: every rule's positive and negative cases. */
    private static final Path FIXTURES = Path.of("..", "testdata").toAbsolutePath().normalize();

    /** A scan with SARIF output, or text when {@code more} starts with "--format", "text". */
    private CliRun scan(Path cache, String... more) {
        boolean text = more.length > 1 && more[0].equals("--format");
        List<String> a = new ArrayList<>(List.of("scan", "--no-color", "--fail-on", "none"));
        if (!text) a.addAll(List.of("--format", "sarif"));
        if (cache == null) a.add("--no-cache");
        else a.addAll(List.of("--cache-dir", cache.toString()));
        a.addAll(List.of(more));
        return CliRun.of(a.toArray(new String[0]));
    }

    /** The err lines with the summary's time left out. */
    private static List<String> withoutTime(CliRun r) {
        return r.errLines().stream().map(l -> l.replaceAll("; [0-9.]+ s$", "")).toList();
    }

    private static long entries(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) return 0;
        try (Stream<Path> s = Files.walk(cache)) {
            return s.filter(p -> Files.isRegularFile(p) && !p.getParent().getFileName().toString().equals("ix")).count();
        }
    }

    @Test
    void findingsWithAndWithoutTheCacheAreTheSameOnEveryFixture() throws IOException {
        Path cache = dir.resolve("cache");
        CliRun plain = scan(null, FIXTURES.toString());
        CliRun cold = scan(cache, FIXTURES.toString());
        long stored = entries(cache);
        CliRun warm = scan(cache, FIXTURES.toString());
        plain.assertCode(Main.EXIT_OK);
        assertTrue(plain.out().contains("\"ruleId\""), "the fixtures have findings");
        assertEquals(plain.out(), cold.out(), "a cold scan that fills the cache");
        assertEquals(plain.out(), warm.out(), "a warm scan from the cache");
        assertEquals(withoutTime(plain), withoutTime(warm), "the same notes and summary counts");
        assertTrue(stored > 100, "one entry per fixture file at least: " + stored);
        assertEquals(stored, entries(cache), "a warm scan stores nothing new");
    }

    /** helper.c allocates with its caller's mask; caller.c passes GFP_NOFS. */
    private void twoFiles(Path repo, String helperMask) throws IOException {
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("caller.c"), """
                int caller_read(struct inode *inode)
                {
                	return helper_read(inode, GFP_NOFS);
                }
                """);
        Files.writeString(repo.resolve("helper.c"), """
                int helper_read(struct inode *inode, gfp_t gfp)
                {
                	void *p = kmalloc(64, %s);

                	kfree(p);
                	return 0;
                }
                """.formatted(helperMask));
    }

    @Test
    void aChangedFileIsReadAgainAndItsCallersFromTheCacheStillCount() throws IOException {
        Path repo = dir.resolve("repo"), cache = dir.resolve("cache");
        twoFiles(repo, "gfp");
        CliRun clean = scan(cache, "--format", "text", repo.toString());
        assertFalse(clean.out().contains("helper.c:3"), clean.out());
        long before = entries(cache);
        twoFiles(repo, "GFP_KERNEL");
        CliRun changed = scan(cache, "--format", "text", repo.toString());
        assertTrue(changed.out().contains("helper.c:3:"), "the hard-coded mask under a caller's GFP_NOFS: " + changed.out());
        assertTrue(changed.out().contains("caller"), "the chain names the caller, read from the cache: " + changed.out());
        assertEquals(before + 1, entries(cache), "one new entry: the changed file's");
        assertEquals(scan(null, "--format", "text", repo.toString()).out(), changed.out());
    }

    @Test
    void theKernelVersionAndACatalogAreInTheKey() throws IOException {
        Path repo = dir.resolve("repo"), cache = dir.resolve("cache");
        twoFiles(repo, "gfp");
        scan(cache, repo.toString());
        long n = entries(cache);
        scan(cache, "--kernel-version", "5.10", repo.toString());
        assertEquals(2 * n, entries(cache), "another version: every file again");
        Path cat = dir.resolve("extra.conf");
        Files.writeString(cat, "[allocators]\nmy_alloc  gfp=1  family=slab\n");
        scan(cache, "--kernel-version", "5.10", "--catalog", cat.toString(), repo.toString());
        assertEquals(3 * n, entries(cache), "another catalog: every file again");
        scan(cache, "--kernel-version", "5.10", "--catalog", cat.toString(), repo.toString());
        assertEquals(3 * n, entries(cache), "the same options again: all hits");
    }

    @Test
    void anotherBuildOfGfplintHasAnotherKey() throws IOException {
        Path repo = dir.resolve("repo");
        twoFiles(repo, "gfp");
        dev.gfplint.core.cache.FileCache a = new dev.gfplint.core.cache.FileCache(dir.resolve("c"), "gfplint 1 abc\n", 1 << 20);
        dev.gfplint.core.cache.FileCache b = new dev.gfplint.core.cache.FileCache(dir.resolve("c"), "gfplint 1 abd\n", 1 << 20);
        byte[] bytes = Files.readAllBytes(repo.resolve("helper.c"));
        a.put(a.key("file", "helper.c", bytes), new byte[] {1, 2, 3});
        assertEquals(3, a.get(a.key("file", "helper.c", bytes)).length);
        assertEquals(null, b.get(b.key("file", "helper.c", bytes)), "a fingerprint that differs in the code's hash misses");
        assertNotEquals(java.util.Arrays.toString(a.key("file", "helper.c", bytes)), java.util.Arrays.toString(b.key("file", "helper.c", bytes)));
        assertTrue(CacheKey.fingerprint(ModelSetup.choose("6.12", List.of(repo)), List.of(), List.of(),
                Config.empty(), dev.gfplint.rules.Rules.all(), false).contains(CacheKey.codeHash()));
    }

    @Test
    void aDamagedEntryIsRebuiltAndNoted() throws IOException {
        Path repo = dir.resolve("repo"), cache = dir.resolve("cache");
        twoFiles(repo, "GFP_KERNEL");
        CliRun first = scan(cache, "--format", "text", repo.toString());
        List<Path> files;
        try (Stream<Path> s = Files.walk(cache)) { // the entries, not the index of file stamps (ix/)
            files = s.filter(p -> Files.isRegularFile(p) && !p.getParent().getFileName().toString().equals("ix")).sorted().toList();
        }
        assertEquals(2, files.size());
        byte[] a = Files.readAllBytes(files.get(0));
        Files.write(files.get(0), java.util.Arrays.copyOf(a, a.length / 2)); // truncated
        byte[] b = Files.readAllBytes(files.get(1));
        b[b.length - 1] ^= 0x5A; // one flipped byte: the checksum fails
        Files.write(files.get(1), b);
        CliRun again = scan(cache, "--format", "text", repo.toString());
        assertEquals(first.out(), again.out(), "the same findings, from files read again");
        assertEquals(1, again.linesMentioning("did not check out").size(), again.err());
        assertTrue(again.err().contains("2 cache entries did not check out"), again.err());
        CliRun third = scan(cache, "--format", "text", repo.toString());
        assertTrue(third.linesMentioning("did not check out").isEmpty(), "rebuilt: " + third.err());
        // a foreign file in the cache's place: not gfplint's, so never trusted
        Files.writeString(files.get(0), "not a cache entry");
        CliRun foreign = scan(cache, "--format", "text", repo.toString());
        assertEquals(first.out(), foreign.out());
        assertEquals(1, foreign.linesMentioning("did not check out").size(), foreign.err());
        // a symbolic link in an entry's place (to a device that never ends): never followed, never read
        Files.delete(files.get(1));
        Files.createSymbolicLink(files.get(1), Path.of("/dev/zero"));
        CliRun link = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> scan(cache, "--format", "text", repo.toString()));
        assertEquals(first.out(), link.out());
        assertEquals(1, link.linesMentioning("did not check out").size(), link.err());
        assertTrue(Files.isRegularFile(files.get(1), java.nio.file.LinkOption.NOFOLLOW_LINKS), "replaced by a real entry");
    }

    @Test
    void twoScansAtOnceShareTheCache() throws Exception {
        Path cache = dir.resolve("cache");
        String expected = scan(null, FIXTURES.toString()).out();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<CliRun>> two = List.of(() -> scan(cache, "-j", "1", FIXTURES.toString()),
                    () -> scan(cache, "-j", "1", FIXTURES.toString()));
            for (Future<CliRun> f : pool.invokeAll(two)) {
                CliRun r = f.get();
                r.assertCode(Main.EXIT_OK);
                assertEquals(expected, r.out());
                assertTrue(r.linesMentioning("did not check out").isEmpty() && r.linesMentioning("cannot write the cache").isEmpty(), r.err());
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> s = Files.walk(cache)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary file left behind");
        }
        assertEquals(expected, scan(cache, FIXTURES.toString()).out());
    }

    @Test
    void anUnwritableCacheIsNotedAndTheScanGoesOn() throws IOException {
        Path repo = dir.resolve("repo");
        twoFiles(repo, "GFP_KERNEL");
        Path blocker = dir.resolve("a-file");
        Files.writeString(blocker, "x");
        Path cache = blocker.resolve("cache"); // under a regular file: no directory can be made there
        CliRun r = scan(cache, "--format", "text", repo.toString());
        assertEquals(scan(null, "--format", "text", repo.toString()).out(), r.out());
        List<String> notes = r.linesMentioning("cannot write the cache");
        assertEquals(1, notes.size(), r.err());
        assertTrue(notes.get(0).startsWith("gfplint: note: " + cache), notes.get(0));
        r.assertNoStackTrace();
    }

    /** A scan whose reader counts the files it reads. */
    private static CliRun countingScan(java.util.concurrent.atomic.AtomicInteger reads, String... args) {
        dev.gfplint.core.scan.SourceReader reader = (f, limit) -> {
            reads.incrementAndGet();
            return Files.readAllBytes(f);
        };
        picocli.CommandLine.IFactory factory = new picocli.CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == ScanCommand.class) return cls.cast(new ScanCommand(reader));
                return picocli.CommandLine.defaultFactory().create(cls);
            }
        };
        return CliRun.of(factory, args);
    }

    @Test
    void filesWhoseStampIsUnchangedAreNotReadAgain() throws IOException {
        Path repo = dir.resolve("repo"), cache = dir.resolve("cache");
        twoFiles(repo, "GFP_KERNEL");
        long old = System.currentTimeMillis() - 60_000; // modified well before they are first hashed
        for (String f : List.of("caller.c", "helper.c")) {
            Files.setLastModifiedTime(repo.resolve(f), java.nio.file.attribute.FileTime.fromMillis(old));
        }
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        String[] args = {"scan", "--no-color", "--cache-dir", cache.toString(), repo.toString()};
        CliRun first = countingScan(reads, args);
        assertEquals(2, reads.get(), "the first scan reads both files");
        reads.set(0);
        CliRun second = countingScan(reads, args);
        assertEquals(0, reads.get(), "unchanged stamps: neither file is read");
        assertEquals(first.out(), second.out());
        // an edit changes the stamp: that file only is read again, and its new findings reported
        Files.writeString(repo.resolve("helper.c"), Files.readString(repo.resolve("helper.c")).replace("GFP_KERNEL", "gfp"));
        reads.set(0);
        CliRun third = countingScan(reads, args);
        assertEquals(1, reads.get(), "the edited file only");
        assertFalse(third.out().contains("helper.c:3"), third.out());
        // just written: modified within the clock's grain of being hashed, so it is read every time until it settles
        reads.set(0);
        countingScan(reads, args);
        assertEquals(1, reads.get(), "a file modified a moment before it was hashed is not trusted by its stamp");
    }

    @Test
    void cacheStatsAndClear() throws IOException {
        Path repo = dir.resolve("repo"), cache = dir.resolve("cache");
        twoFiles(repo, "gfp");
        scan(cache, repo.toString());
        CliRun stats = CliRun.of("cache", "stats", "--cache-dir", cache.toString());
        stats.assertCode(Main.EXIT_OK);
        assertTrue(stats.out().startsWith(cache + ": 2 entries, "), stats.out());
        CliRun clear = CliRun.of("cache", "clear", "--cache-dir", cache.toString());
        clear.assertCode(Main.EXIT_OK);
        assertEquals(cache + ": removed 2 entries", clear.out().strip());
        assertEquals(0, entries(cache));
        assertTrue(CliRun.of("cache", "stats", "--cache-dir", cache.toString()).out().startsWith(cache + ": 0 entries"));
    }

    @Test
    void theLeastRecentlyUsedEntriesGoFirstWhenTheBoundIsReached() throws IOException {
        Path root = dir.resolve("c");
        dev.gfplint.core.cache.FileCache c = new dev.gfplint.core.cache.FileCache(root, "t", 3000);
        byte[][] keys = new byte[6][];
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < 6; i++) {
            byte[] payload = new byte[1000];
            rnd.nextBytes(payload); // incompressible: about 1 KB an entry
            keys[i] = c.key("file", "f" + i + ".c", payload);
            c.put(keys[i], payload);
        }
        List<Path> es;
        try (Stream<Path> s = Files.walk(root)) {
            es = s.filter(Files::isRegularFile).toList();
        }
        for (int i = 0; i < es.size(); i++) Files.setLastModifiedTime(es.get(i), java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        assertEquals(4, c.evict(), "6 entries of about 1 KB, a bound of 3000 bytes");
        for (int i = 0; i < es.size(); i++) assertEquals(i >= 4, Files.exists(es.get(i)), "oldest first: " + es.get(i));
    }

    @Test
    void theBoundHoldsAcrossScansWithoutListingEachTime() throws IOException {
        Path root = dir.resolve("bounded");
        java.util.Random rnd = new java.util.Random(2);
        for (int scan = 0; scan < 6; scan++) { // six scans, one entry of about 1 KB each, a bound of 3000 bytes
            dev.gfplint.core.cache.FileCache c = new dev.gfplint.core.cache.FileCache(root, "fp", 3000);
            byte[] payload = new byte[1000];
            rnd.nextBytes(payload);
            c.put(c.key("file", "f" + scan + ".c", payload), payload);
            c.evict();
            long total;
            try (Stream<Path> s = Files.walk(root)) {
                total = s.filter(p -> Files.isRegularFile(p) && !p.getParent().getFileName().toString().equals("ix"))
                        .mapToLong(p -> p.toFile().length()).sum();
            }
            assertTrue(total <= 3000, "after scan " + (scan + 1) + ": " + total + " bytes");
        }
        Files.writeString(root.resolve("v" + dev.gfplint.core.cache.FileCache.FORMAT).resolve("ix").resolve("size"), "not a number\n");
        dev.gfplint.core.cache.FileCache c = new dev.gfplint.core.cache.FileCache(root, "fp", 1);
        assertEquals(dev.gfplint.core.cache.FileCache.contents(root).entries(), c.evict(), "a size that does not read: the entries are listed and counted again");
    }
}
