package dev.gfplint.core.model;

import dev.gfplint.core.cache.BinIn;
import dev.gfplint.core.cache.BinOut;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes and reads back what the model keeps of a file ({@link ModelBuilder.FileModel}), for the cache. Every
 * field of {@link FunctionFacts} that a file's analysis sets is written, in a fixed order; a field added there
 * must be added here, and {@link #FORMAT} raised (a test compares a file's facts with their round trip).
 */
public final class FactsCodec {
    /** Raised whenever the layout below changes: entries of another format are not read. */
    public static final int FORMAT = 1;

    private FactsCodec() {}

    public static void write(BinOut o, ModelBuilder.FileModel m) {
        o.str(m.path());
        o.uvar(m.gfpMacros().size());
        for (ModelBuilder.MacroText t : m.gfpMacros()) {
            o.str(t.name());
            o.uvar(t.params() == null ? 0 : t.params().size() + 1L);
            if (t.params() != null) for (String p : t.params()) o.str(p);
            o.str(t.body()).var(t.line());
        }
        o.uvar(m.macroWrappers().size());
        for (Map.Entry<String, ContextFlow.Effect> e : m.macroWrappers()) {
            o.str(e.getKey()).var(e.getValue().acquires()).var(e.getValue().releases());
        }
        o.uvar(m.declared().size());
        for (Model.Declared d : m.declared()) o.str(d.name()).var(d.gfpParams()).str(d.file()).var(d.line());
        callbacks(o, m.tableRoots());
        facts(o, m.facts());
    }

    /**
     * Reads back what {@link #write} wrote. Whatever does not read back as written throws
     * {@link BinIn.Corrupt}, never another exception: the caller then analyses the file again.
     */
    public static ModelBuilder.FileModel read(BinIn in) {
        return BinIn.checked("an entry", () -> readChecked(in));
    }

    private static ModelBuilder.FileModel readChecked(BinIn in) {
        String path = in.name();
        int n = in.count(3);
        List<ModelBuilder.MacroText> macros = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = in.name();
            long np = in.uvar();
            List<String> params = null;
            if (np > 0) {
                if (np - 1 > 4096) throw new BinIn.Corrupt("too many macro parameters");
                params = new ArrayList<>((int) (np - 1));
                for (long k = 1; k < np; k++) params.add(in.str());
            }
            macros.add(new ModelBuilder.MacroText(name, params, in.name(), in.varInt()));
        }
        n = in.count(3);
        List<Map.Entry<String, ContextFlow.Effect>> wrappers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) wrappers.add(Map.entry(in.name(), new ContextFlow.Effect(in.varInt(), in.varInt())));
        n = in.count(4);
        List<Model.Declared> declared = new ArrayList<>(n);
        for (int i = 0; i < n; i++) declared.add(new Model.Declared(in.name(), in.var(), in.name(), in.varInt()));
        List<FunctionFacts.Callback> roots = callbacks(in);
        return new ModelBuilder.FileModel(path, macros, wrappers, declared, roots, factsChecked(in));
    }

    public static void facts(BinOut o, List<FunctionFacts> fs) {
        o.uvar(fs.size());
        for (FunctionFacts f : fs) fact(o, f);
    }

    /** The facts {@link #facts(BinOut, List)} wrote; {@link BinIn.Corrupt} for anything else, as {@link #read}. */
    public static List<FunctionFacts> facts(BinIn in) {
        return BinIn.checked("facts", () -> factsChecked(in));
    }

    private static List<FunctionFacts> factsChecked(BinIn in) {
        int n = in.count(8);
        List<FunctionFacts> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(fact(in));
        return out;
    }

    private static void fact(BinOut o, FunctionFacts f) {
        o.str(f.name).str(f.file).var(f.line).var(f.col).bool(f.isStatic).strs(f.paramNames).var(f.gfpParams);
        o.strs(f.callees).ints(f.lines).ints(f.cols).bytes(f.scopeMust).bytes(f.scopeMay).ints(f.argCalls);
        o.uvar(f.argValues.length);
        for (MaskExpr[] as : f.argValues) {
            o.uvar(as.length);
            for (MaskExpr a : as) mask(o, a);
        }
        o.bool(f.allocOrder != null);
        if (f.allocOrder != null) o.ints(f.allocOrder.calls()).ints(f.allocOrder.node()).ints(f.allocOrder.start()).ints(f.allocOrder.succ());
        o.uvar(f.saves.size());
        for (FunctionFacts.Save s : f.saves) o.var(s.line()).var(s.col()).str(s.api()).var(s.scopes()).str(s.token()).bool(s.escapes());
        o.uvar(f.restoreZeros.size());
        for (FunctionFacts.RestoreZero r : f.restoreZeros) o.var(r.line()).var(r.col()).str(r.api()).var(r.scopes());
        o.var(f.openAtExitMust).var(f.openAtExitMay).var(f.closesForeign);
        // what the analysis sets after construction
        o.longs(f.contextAt);
        o.uvar(f.held.size());
        for (ContextFlow.Held h : f.held) {
            o.var(h.kind()).str(h.key()).str(h.api()).str(h.text()).var(h.line()).var(h.col()).bool(h.indirect());
        }
        o.bool(f.earlyBoot);
        o.bool(f.reachedWhen != null);
        if (f.reachedWhen != null) {
            o.uvar(f.reachedWhen.size());
            for (Map.Entry<Integer, MaskExpr> e : new java.util.TreeMap<>(f.reachedWhen).entrySet()) {
                o.var(e.getKey());
                mask(o, e.getValue());
            }
        }
        o.var(f.reachParams).var(f.lockAcquires).var(f.lockReleases);
        callbacks(o, f.callbacks);
        callbacks(o, f.reclaimEntries);
        o.var(f.invokedParams);
        o.uvar(f.invokedFields.size());
        for (Map.Entry<Integer, Set<String>> e : new java.util.TreeMap<>(f.invokedFields).entrySet()) {
            o.var(e.getKey());
            o.strs(new java.util.TreeSet<>(e.getValue()).toArray(new String[0]));
        }
        o.uvar(f.passed.size());
        for (FunctionFacts.Passed p : f.passed) o.var(p.call()).var(p.arg()).var(p.param()).str(p.name()).str(p.field());
    }

    private static FunctionFacts fact(BinIn in) {
        String name = in.name(), file = in.name();
        int line = in.varInt(), col = in.varInt();
        boolean isStatic = in.bool();
        String[] params = orEmpty(in.strs());
        long gfp = in.var();
        String[] callees = orEmpty(in.strs());
        int[] lines = in.ints(), cols = in.ints();
        byte[] must = in.bytes(), may = in.bytes();
        int[] argCalls = in.ints();
        int nv = in.count(1);
        MaskExpr[][] values = new MaskExpr[nv][];
        for (int i = 0; i < nv; i++) {
            int k = in.count(1);
            values[i] = new MaskExpr[k];
            for (int j = 0; j < k; j++) values[i][j] = mask(in, 0);
        }
        FunctionFacts.Order order = in.bool() ? new FunctionFacts.Order(in.ints(), in.ints(), in.ints(), in.ints()) : null;
        int ns = in.count(5);
        List<FunctionFacts.Save> saves = ns == 0 ? List.of() : new ArrayList<>(ns);
        for (int i = 0; i < ns; i++) saves.add(new FunctionFacts.Save(in.varInt(), in.varInt(), in.str(), in.varInt(), in.str(), in.bool()));
        int nr = in.count(4);
        List<FunctionFacts.RestoreZero> zeros = nr == 0 ? List.of() : new ArrayList<>(nr);
        for (int i = 0; i < nr; i++) zeros.add(new FunctionFacts.RestoreZero(in.varInt(), in.varInt(), in.str(), in.varInt()));
        int exitMust = in.varInt(), exitMay = in.varInt(), foreign = in.varInt();
        if (lines == null || cols == null || argCalls == null || lines.length != callees.length || cols.length != callees.length
                || argCalls.length != nv || must != null && must.length != callees.length || may != null && may.length != callees.length) {
            throw new BinIn.Corrupt("the facts of " + name + " do not fit together");
        }
        FunctionFacts f = new FunctionFacts(name, file, line, col, isStatic, params, gfp, callees, lines, cols, must, may,
                argCalls, values, order, saves, zeros, exitMust, exitMay, foreign);
        f.contextAt = in.longs();
        if (f.contextAt != null && f.contextAt.length != callees.length) throw new BinIn.Corrupt("contexts of " + name);
        int nh = in.count(6);
        if (nh > 0) {
            List<ContextFlow.Held> held = new ArrayList<>(nh);
            for (int i = 0; i < nh; i++) {
                held.add(new ContextFlow.Held(in.varInt(), in.str(), in.str(), in.str(), in.varInt(), in.varInt(), in.bool()));
            }
            f.held = held;
        }
        f.earlyBoot = in.bool();
        if (in.bool()) {
            int n = in.count(2);
            Map<Integer, MaskExpr> r = new HashMap<>();
            for (int i = 0; i < n; i++) r.put(in.varInt(), mask(in, 0));
            f.reachedWhen = r;
        }
        f.reachParams = in.var();
        f.lockAcquires = in.varInt();
        f.lockReleases = in.varInt();
        f.callbacks = callbacks(in);
        f.reclaimEntries = callbacks(in);
        f.invokedParams = in.var();
        int nf = in.count(2);
        if (nf > 0) {
            Map<Integer, Set<String>> m = new HashMap<>();
            for (int i = 0; i < nf; i++) m.put(in.varInt(), new HashSet<>(List.of(orEmpty(in.strs()))));
            f.invokedFields = m;
        }
        int np = in.count(5);
        if (np > 0) {
            List<FunctionFacts.Passed> ps = new ArrayList<>(np);
            for (int i = 0; i < np; i++) ps.add(new FunctionFacts.Passed(in.varInt(), in.varInt(), in.varInt(), in.str(), in.str()));
            f.passed = ps;
        }
        return f;
    }

    private static final String[] NONE = new String[0];

    private static String[] orEmpty(String[] a) {
        return a == null ? NONE : a;
    }

    private static void callbacks(BinOut o, List<FunctionFacts.Callback> cs) {
        o.uvar(cs.size());
        for (FunctionFacts.Callback c : cs) o.str(c.target()).var(c.kinds()).str(c.what()).var(c.line()).var(c.col());
    }

    private static List<FunctionFacts.Callback> callbacks(BinIn in) {
        int n = in.count(5);
        if (n == 0) return List.of();
        List<FunctionFacts.Callback> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new FunctionFacts.Callback(in.name(), in.varInt(), in.name(), in.varInt(), in.varInt()));
        return out;
    }

    /** A mask expression, null included, as a tree (at most {@link MaskExpr#MAX_SIZE} nodes: bounded). */
    static void mask(BinOut o, MaskExpr e) {
        if (e == null) {
            o.uvar(0);
            return;
        }
        o.uvar(e.kind().ordinal() + 1L);
        if (e.kind() == MaskExpr.Kind.UNKNOWN) return;
        o.str(e.name()).var(e.value()).var(e.size()).uvar(e.kids().size());
        for (MaskExpr k : e.kids()) mask(o, k);
    }

    private static final MaskExpr.Kind[] KINDS = MaskExpr.Kind.values();

    static MaskExpr mask(BinIn in, int depth) {
        if (depth > MaskExpr.MAX_SIZE + 8) throw new BinIn.Corrupt("mask expression nested too deep");
        long k = in.uvar();
        if (k == 0) return null;
        if (k > KINDS.length) throw new BinIn.Corrupt("bad mask kind " + k);
        MaskExpr.Kind kind = KINDS[(int) k - 1];
        if (kind == MaskExpr.Kind.UNKNOWN) return MaskExpr.UNKNOWN;
        String name = in.str();
        long value = in.var();
        int size = in.varInt();
        int n = in.count(1);
        List<MaskExpr> kids;
        if (n == 0) kids = List.of();
        else {
            MaskExpr[] ks = new MaskExpr[n];
            for (int i = 0; i < n; i++) {
                ks[i] = mask(in, depth + 1);
                if (ks[i] == null) throw new BinIn.Corrupt("a null operand in a mask expression");
            }
            kids = List.of(ks);
        }
        return new MaskExpr(kind, name, value, kids, size);
    }
}
