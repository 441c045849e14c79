package dev.gfplint.core.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link BinOut} wrote, in the same order. Every read is bounds-checked: a truncated or
 * corrupt entry throws {@link Corrupt} (never an array index error deep in a caller, never a huge
 * allocation from a bad length), and the cache rebuilds it.
 */
public final class BinIn {
    /** The entry does not read back as written. */
    public static final class Corrupt extends RuntimeException {
        public Corrupt(String m) {
            super(m, null, false, false);
        }
    }

    /**
     * Runs {@code read}; whatever else it throws while reading an entry (a record's own check, an array of the
     * wrong shape) is corruption too: no writer makes such an entry. {@code what} names it in the message.
     */
    public static <T> T checked(String what, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (Corrupt e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Corrupt(what + " that does not fit together: " + e);
        }
    }

    private final byte[] buf;
    private int pos;
    private final int end;
    private final List<String> strings = new ArrayList<>();
    private final java.util.function.UnaryOperator<String> canonical;
    private final Interner names;

    public BinIn(byte[] buf) {
        this(buf, s -> s);
    }

    /**
     * {@code canonical} maps each string read to the one copy the scan keeps of it (as the analysis does with
     * the names it makes), so that entries read back share their names and compare and hash them once.
     */
    public BinIn(byte[] buf, java.util.function.UnaryOperator<String> canonical) {
        this.buf = buf;
        this.pos = 0;
        this.end = buf.length;
        this.canonical = canonical;
        this.names = null;
    }

    /** Names and paths (strings of up to 80 bytes) read through {@code names}: one copy of each, made once. */
    public BinIn(byte[] buf, Interner names) {
        this.buf = buf;
        this.pos = 0;
        this.end = buf.length;
        this.canonical = s -> s;
        this.names = names;
    }

    public boolean atEnd() {
        return pos == end;
    }

    public int u8() {
        if (pos >= end) throw new Corrupt("entry ends early");
        return buf[pos++] & 0xFF;
    }

    public boolean bool() {
        int b = u8();
        if (b > 1) throw new Corrupt("bad boolean " + b);
        return b == 1;
    }

    public long uvar() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
        }
        throw new Corrupt("variable-length number too long");
    }

    public long var() {
        long u = uvar();
        return (u >>> 1) ^ -(u & 1);
    }

    public int varInt() {
        long v = var();
        if (v != (int) v) throw new Corrupt("number out of range: " + v);
        return (int) v;
    }

    public long i64() {
        long v = 0;
        for (int i = 0; i < 8; i++) v |= (long) u8() << (8 * i);
        return v;
    }

    /** A length that the rest of the entry can hold ({@code unit} bytes at least per element). */
    public int count(int unit) {
        long n = uvar();
        if (n < 0 || n * Math.max(1, unit) > end - pos) throw new Corrupt("length " + n + " beyond the entry's end");
        return (int) n;
    }

    public String str() {
        long t = uvar();
        if (t == 0) return null;
        if ((t & 1) == 0) {
            long k = t / 2 - 1;
            if (k < 0 || k >= strings.size()) throw new Corrupt("string reference " + k + " of " + strings.size());
            return strings.get((int) k);
        }
        long n = t / 2;
        if (n > end - pos) throw new Corrupt("string beyond the entry's end");
        String s;
        if (n <= 80 && names != null) s = names.intern(buf, pos, (int) n); // names and paths; messages stay as they are
        else {
            s = new String(buf, pos, (int) n, StandardCharsets.UTF_8);
            if (n <= 80) s = canonical.apply(s);
        }
        pos += (int) n;
        strings.add(s);
        return s;
    }

    /** A string the writer never leaves out (a name, a path): null here means the entry is corrupt. */
    public String name() {
        String s = str();
        if (s == null) throw new Corrupt("a name is missing");
        return s;
    }

    /** A nullable array length written as length + 1. */
    private int nullableCount(int unit) {
        long n = uvar();
        if (n == 0) return -1;
        n--;
        if (n * Math.max(1, unit) > end - pos) throw new Corrupt("length " + n + " beyond the entry's end");
        return (int) n;
    }

    public byte[] bytes() {
        int n = nullableCount(1);
        if (n < 0) return null;
        byte[] b = java.util.Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    public int[] ints() {
        int n = nullableCount(1);
        if (n < 0) return null;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = varInt();
        return a;
    }

    public long[] longs() {
        int n = nullableCount(1);
        if (n < 0) return null;
        long[] a = new long[n];
        for (int i = 0; i < n; i++) a[i] = var();
        return a;
    }

    public String[] strs() {
        int n = nullableCount(1);
        if (n < 0) return null;
        String[] a = new String[n];
        for (int i = 0; i < n; i++) a[i] = str();
        return a;
    }
}
