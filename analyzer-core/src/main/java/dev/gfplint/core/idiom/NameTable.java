package dev.gfplint.core.idiom;

import java.util.Arrays;

/**
 * An open-addressing map from identifier spelling to an int, looked up by a char range so that the lexer
 * never allocates a String per identifier. The keys' characters sit in one array and each slot keeps its key's
 * hash, offset and length beside its value, so a look-up (one per identifier of every file) reads a few
 * adjacent ints and compares characters only on a full hash match, instead of following a String per probe.
 * Not thread-safe for writes; built once, then read concurrently.
 */
final class NameTable {
    private int[] hashes = new int[1024];
    private int[] offsets = new int[1024];
    /** Key length per slot; 0 for an empty slot (keys are never empty). */
    private int[] lengths = new int[1024];
    private int[] values = new int[1024];
    private char[] pool = new char[8192];
    private int poolSize;
    private int size;

    void put(String key, int value) {
        if (key.isEmpty()) return; // no identifier is empty: nothing could look it up
        if (size * 2 >= lengths.length) grow();
        char[] k = key.toCharArray();
        int h = hash(k, 0, k.length);
        int slot = find(k, 0, k.length, h);
        if (lengths[slot] == 0) {
            if (poolSize + k.length > pool.length) pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + k.length));
            System.arraycopy(k, 0, pool, poolSize, k.length);
            hashes[slot] = h;
            offsets[slot] = poolSize;
            lengths[slot] = k.length;
            poolSize += k.length;
            size++;
        }
        values[slot] = value;
    }

    /** The value for s[a..b), or {@code missing}. */
    int get(char[] s, int a, int b, int missing) {
        int slot = find(s, a, b, hash(s, a, b));
        return lengths[slot] == 0 ? missing : values[slot];
    }

    int get(String key, int missing) {
        return get(key.toCharArray(), 0, key.length(), missing);
    }

    /** The slot holding s[a..b), or the empty slot where it would go. */
    private int find(char[] s, int a, int b, int h) {
        int mask = lengths.length - 1;
        int n = b - a;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int len = lengths[slot];
            if (len == 0) return slot;
            if (len == n && hashes[slot] == h && Arrays.equals(pool, offsets[slot], offsets[slot] + n, s, a, b)) return slot;
        }
    }

    private void grow() {
        int[] oh = hashes, oo = offsets, ol = lengths, ov = values;
        int cap = ol.length * 2;
        hashes = new int[cap];
        offsets = new int[cap];
        lengths = new int[cap];
        values = new int[cap];
        int mask = cap - 1;
        for (int i = 0; i < ol.length; i++) {
            if (ol[i] == 0) continue;
            int slot = oh[i] & mask;
            while (lengths[slot] != 0) slot = (slot + 1) & mask;
            hashes[slot] = oh[i];
            offsets[slot] = oo[i];
            lengths[slot] = ol[i];
            values[slot] = ov[i];
        }
    }

    private static int hash(char[] s, int a, int b) {
        int h = 0;
        for (int i = a; i < b; i++) h = 31 * h + s[i];
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
