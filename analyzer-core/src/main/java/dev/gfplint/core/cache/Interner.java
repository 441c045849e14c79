package dev.gfplint.core.cache;

import java.nio.charset.StandardCharsets;

/**
 * The one copy of each name a scan keeps, for the front end (by String) and for cache entries read back (by
 * their ASCII bytes, without making a String for a name met before: a warm scan of Linux reads millions of
 * them). Thread-safe: a lookup takes no lock; adding a name locks one of {@value #STRIPES} stripes.
 */
public final class Interner {
    static final int STRIPES = 64;
    private final Stripe[] stripes = new Stripe[STRIPES];

    public Interner() {
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
    }

    /**
     * One open-addressing table. A reader may race with an insert: it then sees the slot empty or filled
     * (a String is safely published through its final fields), and an empty slot sends it to the locked path,
     * which looks again. A resize publishes a complete new array through the volatile field.
     */
    private static final class Stripe {
        volatile String[] keys = new String[16];
        int size;

        synchronized String add(String s, int h) {
            String[] ks = keys;
            int m = ks.length - 1;
            int i = slot(h, m);
            for (String k; (k = ks[i]) != null; i = (i + 1) & m) if (k.hashCode() == h && k.equals(s)) return k;
            if ((size + 1) * 2 > ks.length) {
                String[] grown = new String[ks.length * 2];
                int gm = grown.length - 1;
                for (String k : ks) {
                    if (k == null) continue;
                    int j = slot(k.hashCode(), gm);
                    while (grown[j] != null) j = (j + 1) & gm;
                    grown[j] = k;
                }
                ks = grown;
                m = gm;
                i = slot(h, m);
                while (ks[i] != null) i = (i + 1) & m;
                ks[i] = s;
                keys = grown;
            } else {
                ks[i] = s;
            }
            size++;
            return s;
        }
    }

    /** The table's slot of hash {@code h} within a table of {@code m + 1} slots (the stripe took the low bits). */
    private static int slot(int h, int m) {
        int x = h * 0x9E3779B9;
        return (x ^ (x >>> 16)) >>> 6 & m;
    }

    private Stripe stripe(int h) {
        int x = h ^ (h >>> 16);
        return stripes[x & (STRIPES - 1)];
    }

    /** The one copy of {@code s}. */
    public String intern(String s) {
        int h = s.hashCode();
        Stripe st = stripe(h);
        String[] ks = st.keys;
        int m = ks.length - 1;
        for (int i = slot(h, m); ; i = (i + 1) & m) {
            String k = ks[i];
            if (k == null) break;
            if (k.hashCode() == h && k.equals(s)) return k;
        }
        return st.add(s, h);
    }

    /** The one copy of the name whose UTF-8 bytes are {@code b[off..off+len)}. */
    public String intern(byte[] b, int off, int len) {
        int h = 0;
        for (int i = off, end = off + len; i < end; i++) {
            byte c = b[i];
            if (c < 0) return intern(new String(b, off, len, StandardCharsets.UTF_8)); // not ASCII: rare in names
            h = 31 * h + c; // String.hashCode of the ASCII text
        }
        Stripe st = stripe(h);
        String[] ks = st.keys;
        int m = ks.length - 1;
        for (int i = slot(h, m); ; i = (i + 1) & m) {
            String k = ks[i];
            if (k == null) break;
            if (k.hashCode() == h && same(k, b, off, len)) return k;
        }
        return st.add(new String(b, off, len, StandardCharsets.ISO_8859_1), h);
    }

    private static boolean same(String k, byte[] b, int off, int len) {
        if (k.length() != len) return false;
        for (int i = 0; i < len; i++) if (k.charAt(i) != b[off + i]) return false;
        return true;
    }
}
