package dev.gfplint.core.idiom;

/**
 * An open-addressing map from identifier spelling to an int, looked up by a char range so that the lexer
 * never allocates a String per identifier. Not thread-safe for writes; built once, then read concurrently.
 */
final class NameTable {
    private String[] keys = new String[1024];
    private int[] values = new int[1024];
    private int size;

    void put(String key, int value) {
        if (size * 2 >= keys.length) grow();
        int mask = keys.length - 1;
        int h = hash(key) & mask;
        while (keys[h] != null && !keys[h].equals(key)) h = (h + 1) & mask;
        if (keys[h] == null) size++;
        keys[h] = key;
        values[h] = value;
    }

    /** The value for s[a..b), or {@code missing}. */
    int get(char[] s, int a, int b, int missing) {
        int mask = keys.length - 1;
        int h = hash(s, a, b) & mask;
        while (true) {
            String k = keys[h];
            if (k == null) return missing;
            if (k.length() == b - a && same(k, s, a)) return values[h];
            h = (h + 1) & mask;
        }
    }

    int get(String key, int missing) {
        return get(key.toCharArray(), 0, key.length(), missing);
    }

    private static boolean same(String k, char[] s, int a) {
        for (int i = 0, n = k.length(); i < n; i++) if (k.charAt(i) != s[a + i]) return false;
        return true;
    }

    private void grow() {
        String[] ok = keys;
        int[] ov = values;
        keys = new String[ok.length * 2];
        values = new int[ok.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ok[i] != null) put(ok[i], ov[i]);
    }

    private static int hash(String k) {
        int h = 0;
        for (int i = 0, n = k.length(); i < n; i++) h = 31 * h + k.charAt(i);
        return mix(h);
    }

    private static int hash(char[] s, int a, int b) {
        int h = 0;
        for (int i = a; i < b; i++) h = 31 * h + s[i];
        return mix(h);
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
