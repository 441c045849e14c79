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
        assertArrayEquals(new int[] {1, 2}, c[1]); // members in increasing order, wherever the search entered
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

    @Test
    void callersComeFirstSmallestFirstAndTheOrderOfACallerClosedPartDoesNotDependOnTheRest() {
        // 5 -> 1 -> 3, 0 -> 3, 4 -> 2 -> 3; 6 alone
        int[][] g = {{3}, {3}, {3}, {}, {2}, {1}, {}};
        int[][] order = Scc.callersFirst(g, Scc.components(g));
        assertEquals("0 4 2 5 1 3 6", join(order));
        // the callers of 2 (4) and 2 itself, alone: the same order as within the whole graph
        int[][] part = {{1}, {}}; // 4 -> 2, renumbered 0 -> 1
        assertEquals("0 1", join(Scc.callersFirst(part, Scc.components(part))));
        // with a cycle: 0 -> 1 -> 2 -> 1; the cycle goes as one, after its caller
        int[][] cyc = {{1}, {2}, {1}};
        int[][] o = Scc.callersFirst(cyc, Scc.components(cyc));
        assertEquals(2, o.length);
        assertArrayEquals(new int[] {0}, o[0]);
        assertArrayEquals(new int[] {1, 2}, o[1]);
    }

    private static String join(int[][] order) {
        StringBuilder sb = new StringBuilder();
        for (int[] c : order) for (int v : c) sb.append(sb.length() == 0 ? "" : " ").append(v);
        return sb.toString();
    }
}
