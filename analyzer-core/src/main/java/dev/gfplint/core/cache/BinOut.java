package dev.gfplint.core.cache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A growing byte buffer for the cache's entries: variable-length integers (small values, the common case,
 * take one byte), and strings written once per entry and then referred to by number (a file's facts repeat
 * the same callee and file names many times). The layout is fixed by the order of the calls; {@link BinIn}
 * reads it back in the same order.
 */
public final class BinOut {
    private byte[] buf = new byte[4096];
    private int len;
    private final Map<String, Integer> strings = new HashMap<>();

    private void room(int n) {
        if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }

    public BinOut u8(int b) {
        room(1);
        buf[len++] = (byte) b;
        return this;
    }

    public BinOut bool(boolean b) {
        return u8(b ? 1 : 0);
    }

    /** An unsigned variable-length long (7 bits a byte). */
    public BinOut uvar(long v) {
        room(10);
        while ((v & ~0x7FL) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
        return this;
    }

    /** A signed variable-length long (zig-zag: small negative values stay short). */
    public BinOut var(long v) {
        return uvar((v << 1) ^ (v >> 63));
    }

    public BinOut i64(long v) {
        room(8);
        for (int i = 0; i < 8; i++) buf[len++] = (byte) (v >>> (8 * i));
        return this;
    }

    /** A string, null included: its number when written before in this entry, else its UTF-8 bytes. */
    public BinOut str(String s) {
        if (s == null) return uvar(0);
        Integer k = strings.get(s);
        if (k != null) return uvar(2L * k + 2);
        strings.put(s, strings.size());
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        uvar(2L * b.length + 1);
        room(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    public BinOut bytes(byte[] b) {
        if (b == null) return uvar(0);
        uvar(b.length + 1L);
        room(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    public BinOut ints(int[] a) {
        if (a == null) return uvar(0);
        uvar(a.length + 1L);
        for (int x : a) var(x);
        return this;
    }

    public BinOut longs(long[] a) {
        if (a == null) return uvar(0);
        uvar(a.length + 1L);
        for (long x : a) var(x);
        return this;
    }

    public BinOut strs(String[] a) {
        if (a == null) return uvar(0);
        uvar(a.length + 1L);
        for (String x : a) str(x);
        return this;
    }

    public int size() {
        return len;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
