package dev.gfplint.core.model;

import dev.gfplint.core.ir.Macro;
import dev.gfplint.core.ir.TranslationUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scanned tree's gfp-related macros ({@code #define}s whose name or body mentions gfp), collected from
 * every file while it is scanned, so a mask written in a .c file can use a macro defined in a header.
 * A name defined in several files resolves to the definition in the same file, else deterministically to
 * the one in the most central place (include/linux, then include, then the rest; then by path).
 */
public final class TreeMacros implements MacroEnv {
    private final Map<String, List<MacroDef>> collected = new ConcurrentHashMap<>();
    private volatile Map<String, List<MacroDef>> frozen;

    /** The file's macros worth collecting, in order (their name or body mentions gfp). */
    static List<ModelBuilder.MacroText> of(TranslationUnit tu) {
        List<ModelBuilder.MacroText> out = new ArrayList<>();
        for (Macro m : tu.macros().all()) {
            // the raw text first: a body that does not mention gfp as written does not once made (most do not)
            if (containsGfp(m.name()) || containsGfp(m.rawBody()) && containsGfp(m.body())) out.add(new ModelBuilder.MacroText(m.name(), m.params(), m.body(), m.pos().line()));
        }
        return out;
    }

    /** Collects what {@link #of} kept of a file. */
    void offer(String path, List<ModelBuilder.MacroText> ms) {
        for (ModelBuilder.MacroText m : ms) {
            collected.computeIfAbsent(m.name(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(MacroDef.of(m.name(), m.params(), m.body(), path, m.line()));
        }
    }

    /** Ends collection; lookups are valid from now on. */
    public void freeze() {
        Map<String, List<MacroDef>> f = new HashMap<>();
        Comparator<MacroDef> order = Comparator.comparingInt((MacroDef d) -> rank(d.origin())).thenComparing(MacroDef::origin);
        for (Map.Entry<String, List<MacroDef>> e : collected.entrySet()) {
            List<MacroDef> l = new ArrayList<>(e.getValue());
            l.sort(order);
            f.put(e.getKey(), l);
        }
        frozen = f;
    }

    /** Every collected definition, ordered by file and line (after {@link #freeze}). */
    public List<MacroDef> all() {
        List<MacroDef> out = new ArrayList<>();
        for (List<MacroDef> l : frozen.values()) out.addAll(l);
        out.sort(Comparator.comparing(MacroDef::origin).thenComparingInt(MacroDef::line));
        return out;
    }

    public int size() {
        return frozen == null ? collected.size() : frozen.size();
    }

    private static int rank(String path) {
        String p = path.replace('\\', '/');
        if (p.contains("include/linux/")) return 0;
        if (p.startsWith("include/") || p.contains("/include/") && !p.contains("tools/")) return 1;
        if (p.startsWith("tools/") || p.contains("/tools/")) return 3;
        return 2;
    }

    @Override
    public MacroDef lookup(String name, String file) {
        List<MacroDef> l = frozen.get(name);
        if (l == null) return null;
        if (file != null) for (MacroDef d : l) if (d.origin().equals(file)) return d;
        return l.get(0);
    }

    static boolean containsGfp(CharSequence n) {
        int len = n.length();
        for (int i = 0; i + 2 < len; i++) {
            char a = n.charAt(i);
            if ((a == 'g' || a == 'G') && (n.charAt(i + 1) | 0x20) == 'f' && (n.charAt(i + 2) | 0x20) == 'p') return true;
        }
        return false;
    }
}
