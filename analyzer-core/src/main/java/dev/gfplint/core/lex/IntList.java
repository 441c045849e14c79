package dev.gfplint.core.lex;

import java.util.Arrays;

/** A growable list of ints (token indices). */
public final class IntList {
    private int[] a;
    private int n;

    public IntList(int capacity) {
        a = new int[Math.max(4, capacity)];
    }

    public void add(int v) {
        if (n == a.length) a = Arrays.copyOf(a, n * 2);
        a[n++] = v;
    }

    public void addAll(IntList o) {
        for (int i = 0; i < o.n; i++) add(o.a[i]);
    }

    public int get(int i) { return a[i]; }
    public int size() { return n; }
    public boolean isEmpty() { return n == 0; }
    public int last() { return a[n - 1]; }
    public void set(int i, int v) { a[i] = v; }
    public int removeLast() { return a[--n]; }
    public int[] toArray() { return Arrays.copyOf(a, n); }
}
