package dev.gfplint.core.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * The on-disk cache of per-file results: one file per entry under {@code <dir>/v<FORMAT>/ab/abcdef...}, named
 * by a SHA-256 key over everything that decides the result ({@link #key}). An entry is
 * {@code magic, its own key, encoding, payload length, CRC-32, payload}; anything that does not check out
 * (truncated, corrupt, another key's, another format's) is deleted, counted, and read as a miss, so the file is
 * analysed again. Writes go to a temporary file in the same directory and are renamed into place, so two scans
 * at once never see half an entry and no lock is held. When the directory cannot be written, the scan goes on
 * without storing and says so once. The size is bounded: {@link #evict} removes the least recently used
 * entries (a hit refreshes an entry's modification time) until the total fits.
 */
public final class FileCache {
    /** Raised whenever the directory layout changes shape (it names the directory, so that eviction sees every entry). */
    public static final int FORMAT = 1;
    /**
     * How an entry's payload is stored, checked on every read: 2, as it is. (1 was deflated: the entries are
     * 130 MB for Linux as they are, 70 MB deflated, and inflating them was a fifth of a warm scan's reading.)
     */
    static final int ENCODING = 2;
    /** The default bound on the cache's size. */
    public static final long DEFAULT_MAX_BYTES = 2L << 30;
    private static final byte[] MAGIC = "GFPLINTC".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 32 + 4 + 4 + 4;
    /** A hit refreshes the entry's time only when it is older than this (one write per entry per hour at most). */
    private static final long TOUCH_AFTER_MS = 3_600_000L;

    private final Path root;
    private final Path dir;
    private final long maxBytes;
    private final byte[] salt;
    private volatile boolean writable = true;
    private volatile String unwritable;
    private final AtomicInteger hits = new AtomicInteger(), misses = new AtomicInteger(), rebuilt = new AtomicInteger(),
            stored = new AtomicInteger();
    private final AtomicLong storedBytes = new AtomicLong();
    private final List<String> corrupt = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * {@code root}: the cache directory; {@code fingerprint}: everything besides a file's path and bytes that
     * decides what is stored for it (the tool's version, its data, the options that change results).
     */
    public FileCache(Path root, String fingerprint, long maxBytes) {
        this.root = root;
        this.dir = root.resolve("v" + FORMAT);
        this.maxBytes = maxBytes;
        this.salt = sha256(fingerprint.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code $XDG_CACHE_HOME/gfplint}, else {@code ~/.cache/gfplint}. */
    public static Path defaultRoot(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "gfplint");
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".cache", "gfplint");
    }

    public Path root() {
        return root;
    }

    /** The key of what is stored under {@code kind} ("file", "revisit ...") for a file at {@code path} with these bytes. */
    public byte[] key(String kind, String path, byte[] content) {
        return keyOfHash(kind, path, contentHash(content));
    }

    /** The SHA-256 of a file's bytes. */
    public static byte[] contentHash(byte[] content) {
        return sha256(content);
    }

    /** {@link #key} from the file's {@link #contentHash} (known from the index without reading the file). */
    public byte[] keyOfHash(String kind, String path, byte[] contentHash) {
        MessageDigest md = digest();
        md.update(salt);
        md.update(kind.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(path.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(contentHash);
        return md.digest();
    }

    // ---- the index: which bytes a file had when its stamp was seen --------------------------------------

    /** A file's stamp (size, modification time, device and inode), when it was seen, and the hash of its bytes then. */
    private record Stamped(String stamp, long seenMillis, byte[] hash) {}

    private volatile Map<String, Stamped> known;
    private final java.util.concurrent.ConcurrentHashMap<String, Stamped> seen = new java.util.concurrent.ConcurrentHashMap<>();
    /** The index keeps at most this many files (the most recently seen). */
    private static final int INDEX_MAX = 1 << 21;
    /** A file modified this close to when its stamp was recorded may have changed again within the clock's grain. */
    private static final long RACY_MS = 2000;

    /** The launcher (./gfplint) looks for a file under {@code v<FORMAT>/ix/} to tell a run from a warm cache. */
    private Path indexFile() {
        return dir.resolve("ix").resolve(HexFormat.of().formatHex(salt));
    }

    /** Reads the index of stamps now (else the first {@link #knownHash} does), e.g. on another core while the tree is listed. */
    public void loadIndex() {
        known();
    }

    private Map<String, Stamped> known() {
        Map<String, Stamped> k = known;
        if (k != null) return k;
        synchronized (this) {
            if (known == null) known = readIndex();
            return known;
        }
    }

    /**
     * The hash of the bytes of the file at {@code path} when the index saw it with this very {@code stamp} (and
     * not modified within {@link #RACY_MS} of that), or null: then the file must be read and hashed.
     */
    public byte[] knownHash(String path, String stamp, long mtimeNanos) {
        if (stamp == null) return null;
        Stamped s = known().get(path);
        if (s == null || !s.stamp().equals(stamp) || mtimeNanos / 1_000_000 >= s.seenMillis() - RACY_MS) return null;
        seen.put(path, s);
        hashes.put(path, s.hash());
        return s.hash();
    }

    /** Per file, the hash of its bytes as this scan read them, or as {@link #knownHash} answered for it. */
    private final java.util.concurrent.ConcurrentHashMap<String, byte[]> hashes = new java.util.concurrent.ConcurrentHashMap<>();

    /** Records the hash of the bytes just read from the file at {@code path} (whatever its stamp). */
    public void sawContent(String path, byte[] hash) {
        hashes.put(path, hash);
    }

    /** The hash of the bytes this scan took the file at {@code path} to have ({@link #sawContent}, {@link #knownHash}), or null. */
    public byte[] hashOf(String path) {
        return hashes.get(path);
    }

    /** Records the hash of the bytes just read from the file at {@code path} with this {@code stamp}. */
    public void sawHash(String path, String stamp, byte[] hash) {
        hashes.put(path, hash);
        if (stamp == null) return;
        seen.put(path, new Stamped(stamp, System.currentTimeMillis(), hash));
        learnt.incrementAndGet();
    }

    /** How many stamps this scan learnt that the index did not hold (none: the index on disk is left as it is). */
    private final AtomicInteger learnt = new AtomicInteger();
    /**
     * An index that exists is written again only once a scan learnt this many stamps. Rewriting it (60,000 paths
     * for Linux, 0.3 s) cost a one-file commit more than reading again the few files whose new stamps are not
     * kept: each is read and hashed on the next runs too, until enough have changed.
     */
    static final int SAVE_AFTER = 256;

    private Map<String, Stamped> readIndex() {
        Map<String, Stamped> out = new java.util.HashMap<>();
        byte[] raw;
        try {
            raw = readRegular(indexFile(), MAX_INDEX_BYTES);
        } catch (IOException e) {
            return out;
        }
        byte[] payload = raw == null ? null : check(raw, salt);
        if (payload == null) return out; // damaged: every file is read and hashed again, and the index rewritten
        try {
            BinIn in = new BinIn(payload);
            int n = in.count(4);
            for (int i = 0; i < n; i++) {
                String path = in.str(), stamp = in.str();
                long when = in.var();
                byte[] h = in.bytes();
                if (path == null || stamp == null || h == null || h.length != 32) throw new BinIn.Corrupt("bad index entry");
                out.put(path, new Stamped(stamp, when, h));
            }
        } catch (BinIn.Corrupt e) {
            return new java.util.HashMap<>();
        }
        return out;
    }

    /** Writes the index: this scan's files, then the others it knew (most recent first), at most {@link #INDEX_MAX}. */
    public void saveIndex() {
        if (!writable || seen.isEmpty() || learnt.get() == 0 || learnt.get() < SAVE_AFTER && !known().isEmpty()) return;
        Map<String, Stamped> all = new java.util.TreeMap<>(seen);
        List<Map.Entry<String, Stamped>> others = new ArrayList<>();
        for (Map.Entry<String, Stamped> e : known().entrySet()) if (!all.containsKey(e.getKey())) others.add(e);
        others.sort(java.util.Comparator.comparingLong((Map.Entry<String, Stamped> e) -> -e.getValue().seenMillis()).thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, Stamped> e : others) {
            if (all.size() >= INDEX_MAX) break;
            all.put(e.getKey(), e.getValue());
        }
        BinOut o = new BinOut();
        o.uvar(all.size());
        for (Map.Entry<String, Stamped> e : all.entrySet()) o.str(e.getKey()).str(e.getValue().stamp()).var(e.getValue().seenMillis()).bytes(e.getValue().hash());
        writeAtomically(indexFile(), encode(salt, o.toByteArray()));
    }

    private Path entry(byte[] key) {
        String hex = HexFormat.of().formatHex(key);
        return dir.resolve(hex.substring(0, 2)).resolve(hex.substring(2));
    }

    /**
     * Per directory of entries (the key's first byte), the names it held when this scan first missed an entry
     * there, plus those this scan stored since; null until then. A miss costs a failed open and an exception, 62,000
     * of them on a cold Linux scan: one listing of the directory answers the later ones. An entry another scan stores
     * meanwhile is missed and stored again, which is harmless.
     */
    private final java.util.concurrent.atomic.AtomicReferenceArray<Set<String>> listed = new java.util.concurrent.atomic.AtomicReferenceArray<>(256);
    /** The directories of entries this scan made or found. */
    private final java.util.concurrent.atomic.AtomicIntegerArray made = new java.util.concurrent.atomic.AtomicIntegerArray(256);

    /** The names of the entries in directory {@code p} now (none when it is missing or unreadable). */
    private static Set<String> names(Path p) {
        Set<String> out = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
            for (Path e : ds) out.add(e.getFileName().toString());
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            // missing or unreadable: every look-up there misses, as opening each entry would
        }
        return out;
    }

    /** The payload stored under {@code key}, or null (a miss, or an entry that did not check out). */
    public byte[] get(byte[] key) {
        Path p = entry(key);
        int d = key[0] & 0xff;
        Set<String> there = listed.get(d);
        if (there != null && !there.contains(p.getFileName().toString())) {
            misses.incrementAndGet();
            return null;
        }
        byte[] raw;
        long[] mtime = {0};
        try {
            raw = readRegular(p, MAX_ENTRY_BYTES, mtime);
        } catch (IOException e) { // NoSuchFileException: a miss
            misses.incrementAndGet();
            if (there == null) listed.compareAndSet(d, null, names(p.getParent()));
            return null;
        }
        byte[] payload = raw == null ? null : check(raw, key); // null raw: not a regular file, or too big to be ours
        if (payload == null) {
            rebuilt.incrementAndGet();
            if (corrupt.size() < 16) corrupt.add(p.toString());
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // another scan's, or read-only: it is rebuilt over (or left) either way
            }
            misses.incrementAndGet();
            return null;
        }
        hits.incrementAndGet();
        if (writable) {
            try {
                long now = System.currentTimeMillis();
                if (now - mtime[0] > TOUCH_AFTER_MS) Files.setLastModifiedTime(p, FileTime.fromMillis(now));
            } catch (IOException ignored) {
                // eviction order only
            }
        }
        return payload;
    }

    /** No entry gfplint writes comes near this; a larger file in the cache's place is not read. */
    static final long MAX_ENTRY_BYTES = 64L << 20;
    private static final long MAX_INDEX_BYTES = 1L << 30;

    /**
     * The bytes of {@code p} when it is a regular file (a symbolic link, FIFO or device in the cache's place is
     * never followed or opened) of at most {@code max} bytes, read without following links; else null.
     */
    static byte[] readRegular(Path p, long max) throws IOException {
        return readRegular(p, max, null);
    }

    /** {@link #readRegular(Path, long)}, and the file's modification time (milliseconds) in {@code mtime[0]}. */
    private static byte[] readRegular(Path p, long max, long[] mtime) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile() || a.size() > max) return null;
        if (mtime != null) mtime[0] = a.lastModifiedTime().toMillis();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) a.size());
            while (b.hasRemaining() && ch.read(b) > 0) {
                // until the size read, or the end of a file that shrank meanwhile
            }
            if (b.hasRemaining()) return java.util.Arrays.copyOf(b.array(), b.position());
            return ch.read(java.nio.ByteBuffer.allocate(1)) > 0 ? null : b.array(); // grown meanwhile: not what was checked
        }
    }

    /** The payload of an entry whose bytes are {@code raw}, when it is whole and is {@code key}'s; else null. */
    static byte[] check(byte[] raw, byte[] key) {
        if (raw.length < HEADER) return null;
        for (int i = 0; i < MAGIC.length; i++) if (raw[i] != MAGIC[i]) return null;
        int at = MAGIC.length;
        for (int i = 0; i < 32; i++) if (raw[at + i] != key[i]) return null;
        at += 32;
        int format = int32(raw, at), length = int32(raw, at + 4), crc = int32(raw, at + 8);
        if (format != ENCODING || length != raw.length - HEADER) return null;
        CRC32 c = new CRC32();
        c.update(raw, HEADER, length);
        if ((int) c.getValue() != crc) return null;
        return java.util.Arrays.copyOfRange(raw, HEADER, raw.length);
    }

    /** Stores {@code payload} under {@code key}; a cache that cannot be written is noted once and left alone. */
    public void put(byte[] key, byte[] payload) {
        if (!writable) return;
        byte[] raw = encode(key, payload);
        Path p = entry(key);
        int d = key[0] & 0xff;
        if (writeAtomically(p, raw, made.get(d) == 0)) {
            made.set(d, 1);
            stored.incrementAndGet();
            storedBytes.addAndGet(raw.length);
            Set<String> there = listed.get(d);
            if (there != null) there.add(p.getFileName().toString());
        }
    }

    /** Writes {@code raw} to a temporary file beside {@code p} and renames it into place; false (and noted) when it cannot. */
    private boolean writeAtomically(Path p, byte[] raw) {
        return writeAtomically(p, raw, true);
    }

    /** {@link #writeAtomically(Path, byte[])}; {@code makeDir}: make the directory first, else only when it is missing. */
    private boolean writeAtomically(Path p, byte[] raw, boolean makeDir) {
        Path tmp = null;
        try {
            if (makeDir) Files.createDirectories(p.getParent());
            tmp = p.resolveSibling(p.getFileName() + ".tmp" + ThreadLocalRandom.current().nextLong(1L << 62));
            try {
                Files.write(tmp, raw);
            } catch (NoSuchFileException e) { // the directory went (a `cache clear` meanwhile): made again, once
                Files.createDirectories(p.getParent());
                Files.write(tmp, raw);
            }
            try {
                Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | SecurityException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
            if (writable) {
                writable = false;
                unwritable = root + ": cannot write the cache (" + reason(e) + "); scanning without storing results";
            }
            return false;
        }
    }

    static byte[] encode(byte[] key, byte[] payload) {
        byte[] z = payload;
        byte[] raw = new byte[HEADER + z.length];
        System.arraycopy(MAGIC, 0, raw, 0, MAGIC.length);
        System.arraycopy(key, 0, raw, MAGIC.length, 32);
        int at = MAGIC.length + 32;
        CRC32 c = new CRC32();
        c.update(z);
        put32(raw, at, ENCODING);
        put32(raw, at + 4, payload.length);
        put32(raw, at + 8, (int) c.getValue());
        System.arraycopy(z, 0, raw, HEADER, z.length);
        return raw;
    }

    private static void put32(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) b[at + i] = (byte) (v >>> (8 * i));
    }

    private static int int32(byte[] b, int at) {
        int v = 0;
        for (int i = 0; i < 4; i++) v |= (b[at + i] & 0xFF) << (8 * i);
        return v;
    }

    /** What one scan did with the cache. */
    public record Use(int hits, int misses, int rebuilt, int stored, long storedBytes, List<String> corrupt, String unwritable) {}

    public Use use() {
        return new Use(hits.get(), misses.get(), rebuilt.get(), stored.get(), storedBytes.get(), List.copyOf(corrupt), unwritable);
    }

    /** What is on disk: entries and bytes (temporary files of scans still writing included). */
    public record Contents(long entries, long bytes) {}

    public static Contents contents(Path root) throws IOException {
        long[] n = new long[2];
        for (Entry e : entries(root.resolve("v" + FORMAT))) {
            n[0]++;
            n[1] += e.size();
        }
        return new Contents(n[0], n[1]);
    }

    private record Entry(Path path, long size, long time) {}

    private static List<Entry> entries(Path dir) throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return out;
        try (DirectoryStream<Path> subs = Files.newDirectoryStream(dir)) {
            for (Path sub : subs) {
                if (!Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS) || sub.getFileName().toString().equals("ix")) continue;
                try (DirectoryStream<Path> files = Files.newDirectoryStream(sub)) {
                    for (Path f : files) {
                        try {
                            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                            if (a.isRegularFile()) out.add(new Entry(f, a.size(), a.lastModifiedTime().toMillis()));
                        } catch (NoSuchFileException gone) {
                            // evicted or replaced by another scan meanwhile
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Removes the least recently used entries until the cache holds at most its bound; returns how many. Only
     * this format's directory is counted; entries of other formats are removed whole (no version reads them).
     */
    public int evict() throws IOException {
        int removed = 0;
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> vs = Files.newDirectoryStream(root, "v*")) {
                for (Path v : vs) if (!v.equals(dir) && Files.isDirectory(v, LinkOption.NOFOLLOW_LINKS)) removed += deleteTree(v);
            }
        }
        // Listing every entry costs a stat each (62,000 for Linux: a second or more, on every commit of a hook).
        // The size the last listing counted plus what scans stored since is an upper bound (an entry stored again
        // counts twice); only when that passes the bound are the entries listed and counted again.
        long counted = countedSize();
        if (counted >= 0 && counted + storedBytes.get() <= maxBytes) {
            writeCountedSize(counted + storedBytes.get());
            return removed;
        }
        List<Entry> es = entries(dir);
        long total = 0;
        for (Entry e : es) total += e.size();
        if (total <= maxBytes) {
            writeCountedSize(total);
            return removed;
        }
        es.sort(java.util.Comparator.comparingLong(Entry::time).thenComparing(e -> e.path().toString()));
        for (Entry e : es) {
            if (total <= maxBytes) break;
            try {
                if (Files.deleteIfExists(e.path())) removed++;
            } catch (IOException ignored) {
                // another scan's; it counts as gone
            }
            total -= e.size();
        }
        writeCountedSize(total);
        return removed;
    }

    /** Where {@link #evict} keeps the entries' size it last counted, with what was stored since (a decimal number; beside the stamp indexes). */
    private Path sizeFile() {
        return dir.resolve("ix").resolve("size");
    }

    /** The size kept in {@link #sizeFile}, or -1 when there is none or it does not read as one. */
    private long countedSize() {
        try {
            byte[] b = readRegular(sizeFile(), 64);
            if (b == null) return -1;
            long v = Long.parseLong(new String(b, StandardCharsets.US_ASCII).strip());
            return v < 0 ? -1 : v;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private void writeCountedSize(long bytes) {
        try {
            writeAtomically(sizeFile(), (bytes + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            // the next eviction counts the entries again
        }
    }

    /** Removes every entry (all formats) and the index of file stamps; returns how many entries were removed. */
    public static int clear(Path root) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) return 0;
        int n = 0;
        try (DirectoryStream<Path> vs = Files.newDirectoryStream(root, "v*")) {
            for (Path v : vs) if (Files.isDirectory(v, LinkOption.NOFOLLOW_LINKS)) n += deleteTree(v);
        }
        return n;
    }

    private static int deleteTree(Path d) throws IOException {
        int[] n = {0};
        if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) return 0;
        try (var walk = Files.walk(d)) { // no links followed: Files.walk does not follow them by default
            List<Path> all = walk.sorted(java.util.Comparator.reverseOrder()).toList();
            for (Path p : all) {
                try {
                    boolean entry = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !p.getParent().getFileName().toString().equals("ix");
                    if (Files.deleteIfExists(p) && entry) n[0]++;
                } catch (IOException ignored) {
                    // in use by another scan: left
                }
            }
        }
        return n[0];
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static byte[] sha256(byte[] b) {
        return digest().digest(b);
    }
}
