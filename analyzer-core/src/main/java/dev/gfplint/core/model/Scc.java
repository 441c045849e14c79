package dev.gfplint.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Strongly connected components of the call graph (Tarjan's algorithm, without recursion: call chains are deep). */
final class Scc {
    private Scc() {}

    /**
     * The components, callees before callers (reverse topological order of the condensation), each one's
     * members in increasing order (so that what a pass over a component does does not depend on where the search
     * entered it). {@code succ[v]} lists v's successors; negative entries are ignored.
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
                    Arrays.sort(comp);
                    sp = start;
                    out.add(comp);
                }
            }
        }
        return out.toArray(new int[0][]);
    }

    /**
     * The components of {@link #components} in an order where each comes after every component with an edge into
     * it (callers before callees), the one with the smallest member first among those free to go. The order two
     * components take depends only on them and on their callers, transitively: it is the same in any graph that
     * holds them with all their callers, whatever else it holds (what a run linking only part of a tree relies on).
     */
    static int[][] callersFirst(int[][] succ, int[][] comps) {
        int n = succ.length;
        int[] compOf = new int[n];
        for (int c = 0; c < comps.length; c++) for (int v : comps[c]) compOf[v] = c;
        int[] into = new int[comps.length];
        for (int v = 0; v < n; v++) for (int w : succ[v]) if (w >= 0 && compOf[w] != compOf[v]) into[compOf[w]]++;
        java.util.PriorityQueue<int[]> free = new java.util.PriorityQueue<>((a, b) -> Integer.compare(a[0], b[0]));
        for (int c = 0; c < comps.length; c++) if (into[c] == 0) free.add(comps[c]);
        int[][] out = new int[comps.length][];
        int k = 0;
        while (!free.isEmpty()) {
            int[] comp = free.poll();
            out[k++] = comp;
            int me = compOf[comp[0]];
            for (int v : comp) for (int w : succ[v]) if (w >= 0 && compOf[w] != me && --into[compOf[w]] == 0) free.add(comps[compOf[w]]);
        }
        if (k != comps.length) throw new IllegalStateException("the components do not form an acyclic graph");
        return out;
    }
}
