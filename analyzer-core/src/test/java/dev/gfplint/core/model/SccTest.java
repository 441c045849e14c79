package dev.gfplint.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SccTest {
    @Test
    void componentsComeCalleesFirst() {
        // 0 -> 1 -> 2 -> 1 (cycle 1,2), 2 -> 3, 0 -> unresolved
        int[][] g = {{1, -1}, {2}, {1, 3}, {}};
        int[][] c = Scc.components(g);
        assertEquals(3, c.length);
        assertArrayEquals(new int[] {3}, c[0]);
        assertArrayEquals(new int[] {1, 2}, sorted(c[1]));
        assertArrayEquals(new int[] {0}, c[2]);
    }

    @Test
    void deepChainsDoNotOverflowTheStack() {
        int n = 200_000;
        int[][] g = new int[n][];
        for (int i = 0; i < n; i++) g[i] = i + 1 < n ? new int[] {i + 1} : new int[0];
        int[][] c = Scc.components(g);
        assertEquals(n, c.length);
        assertEquals(n - 1, c[0][0]);
        assertEquals(0, Arrays.stream(c).filter(x -> x.length != 1).count());
    }

    private static int[] sorted(int[] a) {
        int[] b = a.clone();
        Arrays.sort(b);
        return b;
    }
}
