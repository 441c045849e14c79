package dev.gfplint.cli;

import dev.gfplint.core.model.Model;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code --model-stats}: the allocator model's figures, for people and for the measurements. */
final class ModelReport {
    private ModelReport() {}

    static void print(Model m, PrintWriter out) {
        Model.Stats s = m.stats();
        out.printf(Locale.ROOT, "model: kernel %s, flags from %s%n", m.version(), s.flagSource());
        out.printf(Locale.ROOT, "model: %d functions, %d calls (%d resolved, %.1f%%), %d duplicate global names%n",
                s.functions(), s.calls(), s.resolvedCalls(), pct(s.resolvedCalls(), s.calls()), s.duplicateNames());
        if (!m.duplicateNames().isEmpty()) {
            out.printf(Locale.ROOT, "model: duplicate global names resolve to the first definition by path, e.g. %s%n",
                    String.join(", ", m.duplicateNames().stream().sorted().limit(5).toList()));
        }
        out.printf(Locale.ROOT, "model: %d strongly connected components, largest %d functions%n", s.sccs(), s.largestScc());
        out.printf(Locale.ROOT, "model: %d allocation sites; effective mask definite for __GFP_FS at %d (%.1f%%), "
                        + "for __GFP_DIRECT_RECLAIM at %d (%.1f%%)%n", s.allocationSites(), s.definiteFs(),
                pct(s.definiteFs(), s.allocationSites()), s.definiteDirectReclaim(),
                pct(s.definiteDirectReclaim(), s.allocationSites()));
        out.printf(Locale.ROOT, "model: %d inferred wrapper allocators; %d gfp macros of the tree; built in %d ms%n",
                s.wrappers(), s.gfpMacros(), s.buildMillis());
        java.util.Set<String> declared = new java.util.TreeSet<>();
        for (Model.AllocSite d : m.declaredCalls()) declared.add(d.allocator().name());
        out.printf(Locale.ROOT, "model: %d calls pass a mask to %d functions only declared with a gfp_t parameter%s%n",
                m.declaredCalls().size(), declared.size(), declared.isEmpty() ? ""
                        : ", e.g. " + String.join(", ", declared.stream().limit(8).toList()));
        List<String> fw = m.foreignLockWrappers();
        out.printf(Locale.ROOT, "model: %d lock wrappers (functions and macros) called where a file's first reading could not see them%s; %d files read again to follow them%n",
                fw.size(), fw.isEmpty() ? "" : " (" + String.join(", ", fw.subList(0, Math.min(12, fw.size())))
                        + (fw.size() > 12 ? ", ..." : "") + ")", m.revisitedFiles());
        out.printf(Locale.ROOT, "model: %d functions call a parameter; %d calls are passed a function they call, which runs in their context%n",
                m.invokingFunctions(), m.passedCalls());
        out.printf(Locale.ROOT, "model: built in steps: %s%n", m.laps());
        out.flush();
    }

    /** One line per allocation site and context: where, what, the mask, the scopes, the call chain. */
    static void writeSites(Model m, java.nio.file.Path file) throws java.io.IOException {
        try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(file)) {
            w.write("file\tline\tfunction\tallocator\tmask as written\traw\teffective\tscopes (every path / some path)\tchain\n");
            for (Model.AllocSite s : m.allocationSites()) {
                dev.gfplint.core.model.FunctionFacts f = m.function(s.fn());
                for (Model.SiteContext c : m.contexts(s)) {
                    w.write(String.join("\t", f.file, String.valueOf(f.lines[s.call()]), f.name, s.allocator().name(),
                            s.mask().toString(), m.flags().describe(c.raw()), m.flags().describe(c.effective()),
                            dev.gfplint.core.model.Scope.describe(c.scopesMust()) + " / "
                                    + dev.gfplint.core.model.Scope.describe(c.scopesMay()),
                            String.join(" > ", c.chain().stream().map(x -> x.caller() + ":" + x.line()).toList())));
                    w.write('\n');
                }
            }
        }
    }

    private static double pct(long a, long b) {
        return b == 0 ? 0 : 100.0 * a / b;
    }
}
