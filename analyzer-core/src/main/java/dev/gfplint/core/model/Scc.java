package dev.gfplint.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Strongly connected components of the call graph (Tarjan's algorithm, without recursion: call chains are deep). */
final class Scc {
    private Scc() {}

    /**
     * The components, callees before callers (reverse topological order of the condensation).
     * {@code succ[v]} lists v's successors; negative entries are ignored.
     */
    static int[][] components(int[][] succ) {
        int n = succ.length;
        int[] index = new int[n], low = new int[n], edge = new int[n];
        Arrays.fill(index, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n], call = new int[n];
        int sp = 0, next = 0;
        List<int[]> out = new ArrayList<>();
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) continue;
            int cp = 0;
            call[cp++] = root;
            index[root] = low[root] = next++;
            stack[sp++] = root;
            onStack[root] = true;
            edge[root] = 0;
            while (cp > 0) {
                int v = call[cp - 1];
                if (edge[v] < succ[v].length) {
                    int w = succ[v][edge[v]++];
                    if (w < 0) continue;
                    if (index[w] < 0) {
                        index[w] = low[w] = next++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        edge[w] = 0;
                        call[cp++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                cp--;
                if (cp > 0) low[call[cp - 1]] = Math.min(low[call[cp - 1]], low[v]);
                if (low[v] == index[v]) {
                    int start = sp;
                    do {
                        start--;
                    } while (stack[start] != v);
                    int[] comp = Arrays.copyOfRange(stack, start, sp);
                    for (int w : comp) onStack[w] = false;
                    sp = start;
                    out.add(comp);
                }
            }
        }
        return out.toArray(new int[0][]);
    }
}
