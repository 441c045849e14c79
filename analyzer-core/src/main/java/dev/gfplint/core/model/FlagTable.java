package dev.gfplint.core.model;

import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.ir.Macro;
import dev.gfplint.core.ir.MacroTable;
import dev.gfplint.core.ir.SourceText;
import dev.gfplint.core.lex.Lexer;
import dev.gfplint.core.pp.MacroReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gfp flags and composites of one kernel version: every {@code ___GFP_*}, {@code __GFP_*} and
 * {@code GFP_*} definition, evaluated. Either the built-in layout for the version (resources
 * {@code model/gfp/*.h}, one file per bit layout from 4.4 on) or the scanned tree's own header.
 */
public final class FlagTable {
    private static final String RESOURCE_DIR = "/dev/gfplint/core/model/gfp/";
    private static final Pattern ENUM_BIT = Pattern.compile("\\b(___GFP_[A-Z0-9_]+_BIT)\\b");

    private final Map<String, MacroDef> defs;
    private final String source;
    private final Map<Flag, Long> bits = new EnumMap<>(Flag.class);
    private final Map<String, Mask> values = new TreeMap<>();

    private FlagTable(Map<String, MacroDef> defs, String source) {
        this.defs = defs;
        this.source = source;
        Evaluator ev = new Evaluator(asEnv().then(Prelude.ENV), null);
        for (String n : defs.keySet()) {
            if (n.startsWith("___GFP_") || n.startsWith("__GFP_") || n.startsWith("GFP_")) {
                MacroDef d = defs.get(n);
                if (!d.isFunctionLike()) values.put(n, ev.evalJoined(MaskExpr.name(n), Evaluator.Context.NONE));
            }
        }
        for (Flag f : Flag.values()) {
            Mask m = values.getOrDefault(f.rawName(), values.get(f.kernelName()));
            bits.put(f, m != null && m.isConstant() ? m.value() : 0L);
        }
    }

    /** The built-in table for a version: the newest layout that is not newer than it. */
    public static FlagTable builtin(KernelVersion v) {
        Layout chosen = null;
        for (Layout l : layouts()) if (l.since.compareTo(v) <= 0) chosen = l;
        if (chosen == null) chosen = layouts().get(0);
        String text = resource(RESOURCE_DIR + chosen.file);
        return new FlagTable(readDefinitions(text, "built-in " + chosen.file), "built-in layout " + chosen.file
                + " (from " + chosen.since + ")");
    }

    /**
     * The tree's own definitions: include/linux/gfp_types.h (6.0 and later) or include/linux/gfp.h, when the
     * tree has them and they define the flags; empty otherwise.
     */
    public static Optional<FlagTable> fromTree(Path root) {
        for (String rel : List.of("include/linux/gfp_types.h", "include/linux/gfp.h")) {
            Path p = root.resolve(rel);
            if (!Files.isRegularFile(p)) continue;
            try {
                String text = dev.gfplint.core.scan.DataFiles.read(p, StandardCharsets.ISO_8859_1);
                FlagTable t = fromHeaderText(text, rel);
                if (t.bits(Flag.FS) != 0 && t.value("GFP_KERNEL").isPresent()) return Optional.of(t);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a gfp header's definitions. The 6.10+ enum of bit numbers is read too; its config-dependent
     * members are all counted (as if every option were enabled), so each flag keeps a distinct bit.
     */
    public static FlagTable fromHeaderText(String text, String origin) {
        return new FlagTable(readDefinitions(text, origin), origin);
    }

    private static Map<String, MacroDef> readDefinitions(String text, String origin) {
        Map<String, MacroDef> d = readDefines(text, origin);
        int e = text.indexOf("___GFP_DMA_BIT");
        if (e >= 0) {
            int close = text.indexOf('}', e);
            Matcher m = ENUM_BIT.matcher(text.substring(e, close < 0 ? text.length() : close));
            int ord = 0;
            while (m.find()) {
                String n = m.group(1);
                if (!d.containsKey(n)) d.put(n, new MacroDef(n, null, MaskExpr.constant(ord), origin));
                ord++;
            }
        }
        return d;
    }

    private static Map<String, MacroDef> readDefines(String text, String origin) {
        char[] chars = text.toCharArray();
        MacroTable mt = MacroReader.read(new Lexer(IdiomTable.defaults()).lex(chars), new SourceText(chars));
        Map<String, MacroDef> d = new LinkedHashMap<>();
        for (Macro m : mt.all()) d.putIfAbsent(m.name(), MacroDef.of(m.name(), m.params(), m.body(), origin));
        return d;
    }

    /** The names defined, evaluated; for tests and for naming masks in messages. */
    public Map<String, Mask> values() {
        return Collections.unmodifiableMap(values);
    }

    public Optional<Mask> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The bit of a flag in this version; 0 when the version does not have it. */
    public long bits(Flag f) {
        return bits.get(f);
    }

    public long bits(Flag... fs) {
        long b = 0;
        for (Flag f : fs) b |= bits(f);
        return b;
    }

    public String source() {
        return source;
    }

    /** These definitions as a macro environment (only names this table defines). */
    public MacroEnv asEnv() {
        return (n, f) -> defs.get(n);
    }

    /**
     * A mask in the kernel's words: the composite it equals, or the nearest composite with the flags added
     * ({@code | __GFP_X}) and removed ({@code & ~__GFP_Y}); unknown bits are shown as such.
     */
    public String describe(Mask m) {
        if (m.isConstant() && Long.bitCount(m.value()) == 1) {
            for (Flag f : Flag.values()) if (bits(f) == m.value()) return f.kernelName();
        }
        long known = m.one() | m.zero();
        long flagBits = 0;
        for (Flag f : Flag.values()) flagBits |= bits(f);
        String best = null;
        long bestCost = Long.MAX_VALUE;
        for (Map.Entry<String, Mask> e : values.entrySet()) {
            String n = e.getKey();
            if (!n.startsWith("GFP_") || !e.getValue().isConstant()) continue;
            long v = e.getValue().value();
            if (v == 0 || (v & m.zero()) == v && v != 0 && (v & m.one()) == 0) continue;
            long extra = m.one() & ~v & flagBits, missing = v & m.zero();
            long cost = Long.bitCount(extra) + Long.bitCount(missing) * 2L + Long.bitCount(v & ~known);
            if (cost < bestCost || (cost == bestCost && n.length() < best.length())) {
                bestCost = cost;
                best = n;
            }
        }
        StringBuilder sb = new StringBuilder();
        long base = best == null ? 0 : values.get(best).value();
        if (best != null) sb.append(best);
        for (Flag f : Flag.values()) {
            long b = bits(f);
            if (b == 0 || (base & b) != 0 || (m.one() & b) != b) continue;
            if (Long.bitCount(b) > 1) continue;
            sb.append(sb.length() == 0 ? "" : " | ").append(f.kernelName());
        }
        if (sb.length() == 0) sb.append(m.isConstant() && m.value() == 0 ? "0" : "");
        for (Flag f : Flag.values()) {
            long b = bits(f);
            if (b == 0 || Long.bitCount(b) > 1 || (base & b) == 0 || (m.zero() & b) != b) continue;
            sb.append(" & ~").append(f.kernelName());
        }
        long unknown = flagBits & ~known;
        if (unknown != 0) {
            List<String> u = new ArrayList<>();
            for (Flag f : Flag.values()) {
                long b = bits(f);
                if (b != 0 && Long.bitCount(b) == 1 && (unknown & b) != 0) u.add(f.kernelName());
            }
            if (sb.length() == 0) sb.append("(unknown)");
            else if (u.size() <= 4) sb.append(" (").append(String.join(", ", u)).append(" unknown)");
            else sb.append(" (").append(u.size()).append(" flags unknown)");
        }
        return sb.toString();
    }

    private record Layout(KernelVersion since, String file) {}

    private static volatile List<Layout> layouts;

    private static List<Layout> layouts() {
        if (layouts == null) {
            List<Layout> l = new ArrayList<>();
            for (String line : resource(RESOURCE_DIR + "versions.txt").split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String[] f = t.split("\\s+");
                l.add(new Layout(KernelVersion.parse(f[0]), f[1]));
            }
            l.sort((a, b) -> a.since.compareTo(b.since));
            layouts = l;
        }
        return layouts;
    }

    /** The first version of each built-in layout. */
    public static List<KernelVersion> layoutVersions() {
        return layouts().stream().map(Layout::since).toList();
    }

    static String resource(String name) {
        try (InputStream in = FlagTable.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            StringBuilder sb = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) sb.append(line).append('\n');
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
