package dev.gfplint.cli;

import dev.gfplint.core.model.Model;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code --model-stats}: the allocator model's figures, for people and for the measurements. */
final class ModelReport {
    private ModelReport() {}

    static void print(Model m, PrintWriter out) {
        Model.Stats s = m.stats();
        out.printf(Locale.ROOT, "model: kernel %s, flags from %s%n", m.version(), s.flagSource());
        out.printf(Locale.ROOT, "model: %d functions, %d calls (%d resolved, %.1f%%), %d duplicate global names%n",
                s.functions(), s.calls(), s.resolvedCalls(), pct(s.resolvedCalls(), s.calls()), s.duplicateNames());
        out.printf(Locale.ROOT, "model: %d strongly connected components, largest %d functions%n", s.sccs(), s.largestScc());
        out.printf(Locale.ROOT, "model: %d allocation sites; effective mask definite for __GFP_FS at %d (%.1f%%), "
                        + "for __GFP_DIRECT_RECLAIM at %d (%.1f%%)%n", s.allocationSites(), s.definiteFs(),
                pct(s.definiteFs(), s.allocationSites()), s.definiteDirectReclaim(),
                pct(s.definiteDirectReclaim(), s.allocationSites()));
        out.printf(Locale.ROOT, "model: %d inferred wrapper allocators; %d gfp macros of the tree; built in %d ms%n",
                s.wrappers(), s.gfpMacros(), s.buildMillis());
        out.flush();
    }

    private static double pct(long a, long b) {
        return b == 0 ? 0 : 100.0 * a / b;
    }
}
