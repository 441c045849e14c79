package dev.gfplint.core.model;

import dev.gfplint.core.ir.Function;
import dev.gfplint.core.ir.TranslationUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import dev.gfplint.core.scan.Incidents;

/**
 * Builds the {@link Model}: {@link #add} takes each file's IR while the scan runs (from any thread) and
 * keeps {@link FunctionFacts}; {@link #build} then resolves the call graph, computes summaries bottom-up over
 * strongly connected components (which functions are allocation wrappers, through which chains), and
 * propagates top-down what callers pass for gfp parameters and which scopes they hold.
 */
public final class ModelBuilder {
    /** Per function: at most this many wrapper reaches, and per parameter this many distinct incoming values. */
    static final int MAX_REACHES = 8;
    static final int MAX_INCOMING = 8;

    private final KernelVersion version;
    private final Catalog.View catalog;
    private final FlagTable flags;
    private final FunctionAnalyzer analyzer;
    private final TreeMacros macros = new TreeMacros();
    /** The functions of each file added, one list per file (a file's functions are added together). */
    private final ConcurrentLinkedQueue<List<FunctionFacts>> facts = new ConcurrentLinkedQueue<>();
    private final Incidents incidents;
    /** Functions the tree declares with gfp_t parameters, by name (the first declaration by path and line). */
    private final java.util.concurrent.ConcurrentHashMap<String, Model.Declared> declared = new java.util.concurrent.ConcurrentHashMap<>();

    public ModelBuilder(KernelVersion version, Catalog catalog, FlagTable flags) {
        this(version, catalog, flags, new Incidents());
    }

    /**
     * {@code incidents}: where an internal error in the model's handling of one function, or a bound reached,
     * is recorded; such a function then contributes what it can, and every other function is modelled as usual.
     */
    public ModelBuilder(KernelVersion version, Catalog catalog, FlagTable flags, Incidents incidents) {
        this.version = version;
        this.catalog = catalog.forVersion(version);
        this.flags = flags;
        this.incidents = incidents;
        this.analyzer = new FunctionAnalyzer(this.catalog, incidents);
    }

    /** The catalog as it applies to the version being judged. */
    public Catalog.View catalog() {
        return catalog;
    }

    /** A gfp-related {@code #define} of a file, as written ({@code params} null for an object-like macro). */
    public record MacroText(String name, List<String> params, String body, int line) {}

    /**
     * What the model keeps of one file, without its IR: its gfp-related macros, its macros that wrap a lock API,
     * its declarations with gfp_t parameters, the functions its operations tables hand to reclaim or writeback,
     * and the facts of its functions. What {@link #add(FileModel)} takes; the scan's cache stores it.
     */
    public record FileModel(String path, List<MacroText> gfpMacros, List<Map.Entry<String, ContextFlow.Effect>> macroWrappers,
                            List<Model.Declared> declared, List<FunctionFacts.Callback> tableRoots, List<FunctionFacts> facts) {}

    /** The one copy of {@code s} the analysis keeps (names read back from the cache go through it too). Thread-safe. */
    public String canonical(String s) {
        return analyzer.canonical(s);
    }

    /** The same one copy of each name, for a cache entry's reader ({@link dev.gfplint.core.cache.BinIn}). Thread-safe. */
    public dev.gfplint.core.cache.Interner names() {
        return analyzer.names();
    }

    /** Keeps what the model needs of one file. Thread-safe. */
    public void add(TranslationUnit tu) {
        add(summarize(tu));
    }

    /** What the model needs of one file (its first reading, knowing only its own lock wrappers). Thread-safe. */
    public FileModel summarize(TranslationUnit tu) {
        List<Model.Declared> decl = new ArrayList<>();
        for (dev.gfplint.core.ir.Prototype p : tu.prototypes()) {
            long bits = 0;
            for (dev.gfplint.core.ir.Parameter q : p.params()) {
                if (q.index() < 64 && FunctionAnalyzer.isGfpType(q.type())) bits |= 1L << q.index();
            }
            if (bits != 0) decl.add(new Model.Declared(p.name(), bits, tu.path(), p.pos().line()));
        }
        List<Map.Entry<String, ContextFlow.Effect>> wrappers = new ArrayList<>();
        for (dev.gfplint.core.ir.Macro m : tu.macros().all()) {
            // a body that is one call of a context API starts with its name: most start with another word
            ContextFlow.Effect e = m.isFunctionLike() && catalog.contextApi(m.leadingWord()) != null ? macroLockEffect(m.body()) : null;
            if (e != null && !catalog.known(m.name()) && catalog.contextApi(m.name()) == null) wrappers.add(Map.entry(m.name(), e));
        }
        List<FunctionFacts.Callback> roots = new ArrayList<>();
        for (dev.gfplint.core.ir.OpsTable t : tu.tables()) {
            for (dev.gfplint.core.ir.OpsTable.Member e : t.members()) {
                String owner = catalog.reclaimEntry(t.type(), e.field());
                if (owner == null) continue;
                roots.add(new FunctionFacts.Callback(e.function(), 0, "the " + e.field() + " operation in " + t.name()
                        + " (struct " + owner + "), which reclaim, writeback or the page cache calls",
                        e.pos().line(), e.pos().column()));
            }
        }
        List<FunctionFacts> fs = new ArrayList<>(tu.functions().size());
        analyzeFile(tu, Map.of(), fs::add);
        return new FileModel(tu.path(), TreeMacros.of(tu), wrappers, decl, roots, fs);
    }

    /** Adds a file's model, from its IR ({@link #summarize}) or from the cache. Thread-safe. */
    public void add(FileModel fm) {
        macros.offer(fm.path(), fm.gfpMacros());
        for (Model.Declared d : fm.declared()) declared.merge(d.name(), d, Model.Declared::first);
        // two definitions that disagree (another architecture's) make it no wrapper: NONE marks that
        for (Map.Entry<String, ContextFlow.Effect> e : fm.macroWrappers()) macroWrappers.merge(e.getKey(), e.getValue(), (a, b) -> a.equals(b) ? a : NO_EFFECT);
        for (FunctionFacts.Callback r : fm.tableRoots()) tableRoots.add(new Root(fm.path(), r));
        if (!fm.facts().isEmpty()) facts.add(fm.facts());
    }

    /** A function handed to reclaim, writeback or a page-cache read, and the file that hands it over. */
    private record Root(String file, FunctionFacts.Callback how) {}

    /** Functions that operations tables hand to reclaim or writeback ([reclaim-entries]): a table is no function's fact. */
    private final ConcurrentLinkedQueue<Root> tableRoots = new ConcurrentLinkedQueue<>();

    /** Function-like macros whose body is one call to a lock API of the catalog, by name (see {@link #macroLockEffect}). */
    private final java.util.concurrent.ConcurrentHashMap<String, ContextFlow.Effect> macroWrappers = new java.util.concurrent.ConcurrentHashMap<>();
    private static final ContextFlow.Effect NO_EFFECT = new ContextFlow.Effect(0, 0);

    /**
     * What a macro whose whole body is one call to a lock API does ({@code #define bh_lock_sock(sk)
     * spin_lock(&((sk)->sk_lock.slock))}): the API's kinds, taken or released; null for any other body.
     */
    ContextFlow.Effect macroLockEffect(String body) {
        String b = body.strip();
        if (b.endsWith(";")) b = b.substring(0, b.length() - 1).strip();
        String word = dev.gfplint.core.ir.Macro.leadingWord(b); // the word the caller's gate looked at
        int i = word.length();
        if (i == 0 || Character.isDigit(b.charAt(0))) return null;
        Catalog.ContextApi api = catalog.contextApi(word);
        if (api == null || api.effect() == Catalog.ContextApi.Effect.TRYLOCK) return null;
        int j = i;
        while (j < b.length() && b.charAt(j) == ' ') j++;
        if (j >= b.length() || b.charAt(j) != '(') return null;
        int d = 0;
        for (int k = j; k < b.length(); k++) {
            char ch = b.charAt(k);
            if (ch == '(') d++;
            else if (ch == ')' && --d == 0) {
                if (k != b.length() - 1) return null; // more than the one call
                return api.effect() == Catalog.ContextApi.Effect.ACQUIRE
                        ? new ContextFlow.Effect(api.kinds(), 0) : new ContextFlow.Effect(0, api.kinds());
            }
        }
        return null;
    }

    private void analyzeFile(TranslationUnit tu, Map<String, ContextFlow.Effect> foreign, java.util.function.Consumer<FunctionFacts> into) {
        Map<Function, ContextFlow.Result> known = new java.util.IdentityHashMap<>();
        Map<String, ContextFlow.Effect> wrappers = new HashMap<>();
        incidents.guard(tu.path(), 1, "the lock wrappers of the file",
                () -> wrappers.putAll(analyzer.lockWrappers(tu.functions(), tu.path(), known, foreign)));
        FileScope scope = FileScope.of(tu);
        for (Function f : tu.functions()) {
            if (f.cfg() == null) continue;
            incidents.guard(tu.path(), f.pos().line(), "the model of function " + f.name(), () -> {
                FunctionFacts ff = analyzer.analyze(f, tu.path(), wrappers, known.get(f), tu.macros(), scope);
                ContextFlow.Effect e = known.containsKey(f) ? wrappers.get(f.name()) : null;
                if (e != null) {
                    ff.lockAcquires = e.acquires();
                    ff.lockReleases = e.releases();
                }
                into.accept(ff);
            });
        }
    }

    /** Lock wrappers that other files call, by name, once every file is in ({@link #filesToRevisit}). */
    private Map<String, ContextFlow.Effect> foreign = Map.of();
    /** How many of them another file calls. */
    private java.util.SortedSet<String> foreignUsed = new java.util.TreeSet<>();
    private final ConcurrentLinkedQueue<List<FunctionFacts>> revisited = new ConcurrentLinkedQueue<>();
    private final java.util.Set<String> revisitedFiles = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Once every file is in: the files that call a lock wrapper defined in another file (a function that returns
     * holding a lock it took, or releases its caller's), sorted. Each file's contexts were computed knowing only
     * its own wrappers; {@link #revisit} computes them again knowing these. Only names defined once in the tree
     * count (another definition may be another architecture's, with another lock), non-static or in a header;
     * and macros whose body is one call to a lock API, where no function has the name.
     */
    public List<String> filesToRevisit() {
        java.util.function.ToIntFunction<String> defs; // how often a name is defined in the tree
        Map<String, Wrapper> wrapper = new HashMap<>();
        if (program != null) { // part of the tree linked: the wrappers of every file, from their outlines
            program.forEachLockWrapper(programFiles, f -> wrapper.put(f.name(), new Wrapper(f.file(), f.acquires(), f.releases())));
            defs = definitionsInTree();
        } else {
            Map<String, Integer> count = new HashMap<>();
            for (List<FunctionFacts> file : facts) for (FunctionFacts f : file) {
                count.merge(f.name, 1, Integer::sum);
                if (f.isLockWrapper() && (!f.isStatic || f.file.endsWith(".h"))) wrapper.put(f.name, new Wrapper(f.file, f.lockAcquires, f.lockReleases));
            }
            defs = x -> count.getOrDefault(x, 0);
        }
        Map<String, ContextFlow.Effect> out = new HashMap<>();
        for (Map.Entry<String, Wrapper> w : wrapper.entrySet()) {
            // a catalog API is known by its entry wherever it is called (spin_lock is itself an inline in a header)
            if (defs.applyAsInt(w.getKey()) != 1 || catalogApi(w.getKey())) continue;
            out.put(w.getKey(), new ContextFlow.Effect(w.getValue().acquires(), w.getValue().releases()));
        }
        for (Map.Entry<String, ContextFlow.Effect> e : macroWrappers.entrySet()) {
            // a macro is no wrapper where a function of the same name exists (the macro may be another configuration's)
            if (e.getValue() != NO_EFFECT && defs.applyAsInt(e.getKey()) == 0) out.put(e.getKey(), e.getValue());
        }
        java.util.TreeSet<String> files = new java.util.TreeSet<>();
        java.util.Set<String> calledElsewhere = new java.util.HashSet<>();
        Map<String, java.util.TreeSet<String>> called = new HashMap<>();
        for (List<FunctionFacts> file : facts) for (FunctionFacts f : file) {
            boolean wraps = false;
            for (String c : f.callees) if (c != null && out.containsKey(c)) { wraps = true; break; }
            if (!wraps) continue; // most functions call no wrapper: the allocator test below is for those that do
            boolean allocates = false; // a sleepable lock matters only as NOFS evidence at an allocation it covers
            for (String c : f.callees) if (c != null && catalog.allocator(c) != null) { allocates = true; break; }
            for (String c : f.callees) {
                ContextFlow.Effect e = c == null ? null : out.get(c);
                if (e != null) called.computeIfAbsent(f.file, k -> new java.util.TreeSet<>()).add(c);
                if (e == null || !allocates && ((e.acquires() | e.releases()) & ExecKind.ATOMIC) == 0) continue;
                // a macro's callers are read again in its own file too: the first reading knew only functions
                if (!wrapper.containsKey(c) || !wrapper.get(c).file().equals(f.file)) {
                    files.add(f.file);
                    calledElsewhere.add(c);
                }
            }
        }
        foreign = out;
        foreignUsed = new java.util.TreeSet<>(calledElsewhere);
        called.keySet().retainAll(files);
        foreignCalled = called;
        return new ArrayList<>(files);
    }

    /** A function that returns holding a lock it took, or releases its caller's, by where it is and what it does. */
    private record Wrapper(String file, int acquires, int releases) {}

    private int[] treeCounts;

    /** How often a name is defined in the whole tree, from the outlines of a run linking part of it. */
    private java.util.function.ToIntFunction<String> definitionsInTree() {
        if (treeCounts == null) treeCounts = program.definitionCounts(programFiles);
        int[] count = treeCounts;
        return x -> {
            int id = program.nameId(x);
            return id < 0 || id >= count.length ? 0 : count[id];
        };
    }

    /** Set when this run links only part of the tree ({@link #linkingPartOf}). */
    private ProgramIndex program;
    private List<String> programFiles = List.of();

    /**
     * This run links only some of the files at {@code all}, the ones {@link ProgramIndex#slice} chose, and
     * {@code index} holds the outline of every one: what depends on every file of the tree (how often a name is
     * defined, which names are other files' lock wrappers) is taken from the outlines, so that it is what a run
     * linking them all would find. What the other files add besides functions (macros, declarations) is added
     * with {@link #add} from {@link ProgramIndex#globals}.
     */
    public void linkingPartOf(ProgramIndex index, List<String> all) {
        program = index;
        programFiles = List.copyOf(all);
    }

    /** Whether the catalog knows the name as anything: allocator, scope or context API, test, lock-dropping API. */
    private boolean catalogApi(String name) {
        return catalog.known(name) || catalog.contextApi(name) != null || catalog.contextTest(name) != null
                || catalog.lockDropping(name) != null;
    }

    /** Analyses a file of {@link #filesToRevisit} again, knowing the other files' lock wrappers; replaces its facts. Thread-safe. */
    public void revisit(TranslationUnit tu) {
        revisited(tu.path(), reanalyze(tu));
    }

    /** The facts of a file of {@link #filesToRevisit} read again, knowing the other files' lock wrappers. Thread-safe. */
    public List<FunctionFacts> reanalyze(TranslationUnit tu) {
        List<FunctionFacts> out = new ArrayList<>();
        analyzeFile(tu, foreign, out::add);
        return out;
    }

    /** Replaces the facts of file {@code path} with those of its second reading ({@link #reanalyze}, or the cache's). Thread-safe. */
    public void revisited(String path, List<FunctionFacts> fs) {
        revisitedFiles.add(path);
        if (!fs.isEmpty()) revisited.add(fs);
    }

    /**
     * What a second reading of file {@code path} ({@link #filesToRevisit}) depends on besides its text: the other
     * files' lock wrappers that its functions call, with what each does, as text in a fixed order (for a cache key).
     */
    public String foreignSignature(String path) {
        StringBuilder sb = new StringBuilder();
        for (String c : foreignCalled.getOrDefault(path, new java.util.TreeSet<>())) {
            ContextFlow.Effect e = foreign.get(c);
            sb.append(c).append(' ').append(e.acquires()).append(' ').append(e.releases()).append('\n');
        }
        return sb.toString();
    }

    /** Per file of {@link #filesToRevisit}, the other files' lock wrappers its functions call. */
    private Map<String, java.util.TreeSet<String>> foreignCalled = Map.of();

    public Model build() {
        long t0 = System.nanoTime();
        StringBuilder laps = new StringBuilder();
        long[] lap = {t0};
        java.util.function.Consumer<String> mark = what -> {
            long now = System.nanoTime();
            laps.append(laps.length() == 0 ? "" : ", ").append(what).append(' ').append((now - lap[0]) / 1_000_000).append(" ms");
            lap[0] = now;
        };
        macros.freeze();
        List<FunctionFacts> fs = inOrder();
        int n = fs.size();
        MacroEnv env = flags.asEnv().then(catalog.maskFunctions()).then(macros).then(Prelude.ENV);
        Evaluator ev = new Evaluator(env, flags, incidents);
        mark.accept("order");

        // ---- call graph --------------------------------------------------------------------------
        Map<String, Integer> global = new HashMap<>(n * 4 / 3 + 1);
        Map<String, Integer> headerStatic = new HashMap<>();
        Map<String, Integer> dupCount = new LinkedHashMap<>();
        // fs is in file order: each file's functions are one range, and each file's names map on its own
        int[] fileOf = new int[n];
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == 0 || !fs.get(i).file.equals(fs.get(i - 1).file)) starts.add(i);
            fileOf[i] = starts.size() - 1;
        }
        int files = starts.size();
        @SuppressWarnings("unchecked")
        Map<String, Integer>[] locals = new Map[files];
        java.util.stream.IntStream.range(0, files).parallel().forEach(k -> {
            int a = starts.get(k), b = k + 1 < files ? starts.get(k + 1) : n;
            Map<String, Integer> local = new HashMap<>((b - a) * 4 / 3 + 1);
            for (int i = a; i < b; i++) local.putIfAbsent(fs.get(i).name, i);
            locals[k] = local;
        });
        Map<String, Map<String, Integer>> perFile = new HashMap<>(files * 4 / 3 + 1);
        for (int k = 0; k < files; k++) perFile.put(fs.get(starts.get(k)).file, locals[k]);
        for (int i = 0; i < n; i++) {
            FunctionFacts f = fs.get(i);
            if (!f.isStatic) {
                Integer prev = global.putIfAbsent(f.name, i);
                if (prev != null) dupCount.merge(f.name, 1, Integer::sum);
            } else if (f.file.endsWith(".h")) {
                headerStatic.putIfAbsent(f.name, i);
            }
        }
        Map<String, Integer> definitions; // how often each name is defined in the tree, static or not
        if (program != null) { // the names of the linked functions and of what they call, counted over every file
            java.util.function.ToIntFunction<String> inTree = definitionsInTree();
            definitions = new HashMap<>(n * 4 / 3 + 1);
            for (FunctionFacts f : fs) {
                definitions.computeIfAbsent(f.name, inTree::applyAsInt);
                for (String c : f.callees) if (c != null) definitions.computeIfAbsent(c, inTree::applyAsInt);
            }
            definitions.values().removeIf(k -> k == 0);
        } else {
            definitions = new HashMap<>(n * 4 / 3 + 1);
            for (FunctionFacts f : fs) definitions.merge(f.name, 1, Integer::sum);
        }
        Ambiguity amb = new Ambiguity(fs, fileOf, definitions);
        int[][] targets = new int[n][];
        // each function's calls resolve on their own (the maps are only read): on every core
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            FunctionFacts f = fs.get(i);
            Map<String, Integer> local = locals[fileOf[i]];
            int[] t = new int[f.callCount()];
            for (int c = 0; c < t.length; c++) {
                String callee = f.callees[c];
                Integer g = null;
                if (callee != null) {
                    g = local.get(callee);
                    if (g == null) g = global.get(callee);
                    if (g == null) g = headerStatic.get(callee);
                }
                t[c] = g == null ? -1 : g;
            }
            targets[i] = t;
        });
        long calls = 0, resolved = 0;
        int[] callerCount = new int[n];
        for (int[] t : targets) {
            calls += t.length;
            for (int g : t) {
                if (g < 0) continue;
                resolved++;
                callerCount[g]++;
            }
        }
        for (int i = 0; i < n; i++) if (fs.get(i).earlyBoot && callerCount[i] == 0) fs.get(i).bootEntry = true;
        mark.accept("calls");
        int[][][] runsInside = runsInside(fs, targets, perFile, global, headerStatic);
        mark.accept("passed functions");
        int[][] succ = withPassed(targets, runsInside);
        int[][] sccs = Scc.components(succ);
        mark.accept("components");

        // ---- allocation sites ----------------------------------------------------------------------
        // where the tree itself declares or defines an allocator, the position of its gfp_t parameter wins
        Map<String, Long> treeGfp = new HashMap<>();
        for (Model.Declared d : declared.values()) if (catalog.allocator(d.name()) != null) treeGfp.merge(d.name(), d.gfpParams(), (x, y) -> x | y);
        for (FunctionFacts f : fs) if (f.gfpParams != 0 && catalog.allocator(f.name) != null) treeGfp.merge(f.name, f.gfpParams, (x, y) -> x | y);
        Map<String, Catalog.Allocator> forms = new java.util.concurrent.ConcurrentHashMap<>();
        @SuppressWarnings("unchecked")
        List<Model.AllocSite>[] siteLists = new List[n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> { // each function's own: on every core
            FunctionFacts f = fs.get(i);
            List<Model.AllocSite> mine = List.of();
            for (int c = 0; c < f.callCount(); c++) {
                if (f.callees[c] == null) continue;
                MaskExpr[] kept = f.args(c);
                Catalog.Allocator a = treeForm(f.callees[c], kept == null ? -1 : kept.length, treeGfp, forms);
                if (a == null) continue;
                MaskExpr m = a.implicit() ? a.implicitMask() : f.arg(c, a.gfpArg());
                if (mine.isEmpty()) mine = new ArrayList<>(2);
                mine.add(new Model.AllocSite(i, c, a, m == null ? MaskExpr.UNKNOWN : m));
            }
            siteLists[i] = mine;
        });
        List<Model.AllocSite> sites = new ArrayList<>();
        List<List<Model.AllocSite>> sitesOf = java.util.Arrays.asList(siteLists);
        for (List<Model.AllocSite> l : siteLists) sites.addAll(l);
        List<Model.AllocSite> declaredSites = declaredCalls(fs, definitions);
        mark.accept("sites");

        // ---- bottom-up: wrappers -------------------------------------------------------------------
        List<List<Model.Reach>> reaches = new ArrayList<>(n);
        for (int i = 0; i < n; i++) reaches.add(List.of());
        for (int[] scc : sccs) {
            int rounds = scc.length == 1 && !selfCall(targets, scc[0]) ? 1 : 3;
            for (int r = 0; r < rounds; r++) {
                boolean changed = false;
                for (int fi : scc) {
                    List<Model.Reach> rs;
                    FunctionFacts f = fs.get(fi);
                    try {
                        rs = reachesOf(fi, f, targets[fi], sitesOf.get(fi), reaches);
                    } catch (Throwable e) { // a bug: this function is then no wrapper, the others are judged as usual
                        incidents.internalError(f.file, f.line, "the summary of function " + f.name, e);
                        rs = List.of();
                    }
                    if (!rs.equals(reaches.get(fi))) {
                        reaches.set(fi, rs);
                        changed = true;
                    }
                }
                if (!changed) break;
            }
        }

        mark.accept("bottom-up");
        // ---- top-down: values callers pass, scopes callers hold ----------------------------------------
        @SuppressWarnings("unchecked")
        List<Model.Incoming>[][] incoming = new List[n][];
        long[] relevant = new long[n];
        for (int i = 0; i < n; i++) {
            FunctionFacts f = fs.get(i);
            relevant[i] = f.gfpParams; // rules ask what callers pass in any gfp_t parameter
            for (Model.Reach r : reaches.get(i)) relevant[i] |= r.mask().params();
            // and the parameters its branches test before passing a mask on (a bool that picks a NOFAIL variant)
            relevant[i] |= f.guardParams | f.reachParams;
        }
        Entries entry = new Entries(n);
        int[] entryMust = entry.must, entryMay = entry.may;
        Trace[] witness = entry.witness;
        Contexts cx = new Contexts(n);
        Contexts callbacks = new Contexts(n); // what the callbacks alone give, for the contexts a function holds itself
        for (int i = 0; i < n; i++) { // callbacks first: their context does not depend on who registers them
            FunctionFacts f = fs.get(i);
            for (FunctionFacts.Callback cb : f.callbacks) {
                Integer g = resolve(cb.target(), f.file, perFile, global, headerStatic);
                if (g == null) continue;
                Model.AtomicRoot root = new Model.AtomicRoot(cb.what(), cb.kinds(), f.name, f.file, cb.line(), cb.col());
                Trace w = Trace.of(Trace.Step.at(f.file, cb.line(), cb.col(), f.name + ": " + cb.what()
                        + ": it runs in " + ExecKind.first(cb.kinds()).description));
                cx.enter(g, cb.kinds(), cb.kinds(), root, w);
                callbacks.enter(g, cb.kinds(), cb.kinds(), root, w);
            }
        }
        // callers before callees, in an order that depends only on the callers (see Scc.callersFirst): the first
        // caller found that holds a lock, the witness chains, are then the same in a run that links part of the tree
        for (int[] scc : Scc.callersFirst(succ, sccs)) {
            int rounds = scc.length == 1 ? 1 : 2;
            for (int r = 0; r < rounds; r++) {
                for (int ci : scc) {
                    FunctionFacts c = fs.get(ci);
                    int[] t = targets[ci];
                    for (int call = 0; call < t.length; call++) {
                        try {
                        int g = t[call];
                        if (g < 0) continue;
                        Trace.Step step = null; // made where a chain needs it: most calls carry none
                        // a name defined more than once may be another arch's or driver's function: no context through it
                        if (g != ci && !amb.at(ci, g)) {
                            // a call made only where tests of c's parameters hold carries the context of the callers
                            // whose values pass them (kaweth_async_set_rx_mode(k, false) does not reach usb_control_msg)
                            final int cci = ci;
                            Model.Ctx via = Model.reachingCallers(ev, c, call, p -> incoming[cci] == null || p >= incoming[cci].length
                                    ? null : incoming[cci][p]);
                            Model.Ctx x = cx.at(c, ci, call, step, via);
                            cx.enter(g, x.must(), x.may(), x.root(), x.chain());
                        }
                        if (g != ci) entry.enter(c, ci, call, g, step, null);
                        if (relevant[g] != 0) passValues(ev, c, ci, call, g, relevant[g], step, incoming, fs.get(g), cx);
                        } catch (Throwable e) { // a bug: what this call passes is lost, every other call still counts
                            incidents.internalError(c.file, c.lines[call], "what function " + c.name + " passes to "
                                    + c.callees[call], e);
                        }
                    }
                    // a function passed to a call that calls it runs inside that call: with the scopes open and
                    // the context held there (memalloc_noio_save(); report_zones(.., revalidate_cb, ..); restore)
                    for (int[] e : passedIn(runsInside, ci)) {
                        int call = e[0], g = e[1];
                        if (g == ci) continue;
                        Trace.Step step = new Trace.Step(c.name, c.file, c.lines[call], c.cols[call], c.callees[call]);
                        Trace.Step inside = insideStep(c, call, fs.get(g));
                        Model.Ctx x = cx.at(c, ci, call, step, null);
                        cx.enter(g, x.must(), x.may(), x.root(), x.chain() == null ? null : x.chain().after(inside));
                        entry.enter(c, ci, call, g, step, inside);
                    }
                }
            }
        }

        mark.accept("top-down");
        List<String> dups = new ArrayList<>(dupCount.keySet());
        Model m = new Model(version, flags, catalog, ev, fs, targets, sites, reaches, incoming, entryMust, entryMay,
                witness, callerCount, dups, incidents);
        m.declaredSites = declaredSites;
        m.cbMust = callbacks.must;
        m.cbMay = callbacks.may;
        m.cbRoot = callbacks.root;
        m.cbWitness = callbacks.witness;
        m.runsInside = runsInside;
        m.ambiguous = amb;
        m.foreignLockWrappers = List.copyOf(foreignUsed);
        m.revisitedFiles = revisitedFiles.size();
        for (int[][] r : runsInside) if (r != null) m.passedCalls += r.length;
        m.invokingFunctions = invokingFunctions;
        Map<String, Model.Declared> used = new HashMap<>();
        for (Model.AllocSite s : declaredSites) used.put(s.allocator().name(), declared.get(s.allocator().name()));
        m.declared = used;
        m.treeMacros = macros;
        m.callerLock = entry.callerLock;
        m.reclaimFrom = reclaimReach(fs, targets, runsInside, perFile, global, headerStatic, amb);
        mark.accept("reclaim");
        m.ctxMust = cx.must;
        m.ctxMay = cx.may;
        m.ctxRoot = cx.root;
        m.ctxWitness = cx.witness;
        int wrappers = 0;
        for (List<Model.Reach> r : reaches) if (!r.isEmpty()) wrappers++;
        int largest = 0;
        for (int[] s : sccs) largest = Math.max(largest, s.length);
        mark.accept("figures");
        m.laps = laps.toString();
        m.stats = new Model.Stats(n, calls, resolved, dups.size(), sccs.length, largest, sites.size(), -1, -1,
                wrappers, macros.size(), flags.source(), (System.nanoTime() - t0) / 1_000_000);
        return m;
    }

    /**
     * The catalog's allocator {@code name}, with its gfp position taken from the tree when every declaration and
     * definition of it in the tree has its one gfp_t parameter at the same other position (the tree is another
     * version than the one judged, or the catalog is wrong for it); else the one versioned form whose number of
     * arguments is the call's {@code nargs}, if only one fits; null when it is no allocator.
     */
    /**
     * Every function, by file path, then line, then column (what indexes the model's arrays, and so the order
     * in which callers are met): the files sorted, then each file's functions, which mostly come in order already.
     */
    private List<FunctionFacts> inOrder() {
        Map<String, List<FunctionFacts>> byFile = new HashMap<>();
        int n = 0;
        for (ConcurrentLinkedQueue<List<FunctionFacts>> q : List.of(facts, revisited)) {
            for (List<FunctionFacts> l : q) {
                String file = null;
                List<FunctionFacts> into = null;
                for (FunctionFacts f : l) {
                    if (f.file != file) {
                        file = f.file;
                        // a file's second reading replaces its first
                        into = q == facts && revisitedFiles.contains(file) ? null : byFile.computeIfAbsent(file, k -> new ArrayList<>());
                    }
                    if (into == null) continue;
                    into.add(f);
                    n++;
                }
            }
        }
        String[] files = byFile.keySet().toArray(new String[0]);
        java.util.Arrays.sort(files);
        Comparator<FunctionFacts> at = (a, b) -> a.line != b.line ? Integer.compare(a.line, b.line) : Integer.compare(a.col, b.col);
        List<FunctionFacts> fs = new ArrayList<>(n);
        for (String file : files) {
            List<FunctionFacts> l = byFile.get(file);
            for (int i = 1; i < l.size(); i++) {
                if (at.compare(l.get(i - 1), l.get(i)) > 0) { // stable, as the sort of the whole list was
                    l.sort(at);
                    break;
                }
            }
            fs.addAll(l);
        }
        return fs;
    }

    private Catalog.Allocator treeForm(String name, int nargs, Map<String, Long> treeGfp, Map<String, Catalog.Allocator> forms) {
        Catalog.Allocator a = catalog.allocator(name);
        if (a == null || a.implicit()) return a;
        Long bits = treeGfp.get(name);
        if (bits == null || Long.bitCount(bits) != 1) {
            // no word from the tree: the call's number of arguments, when it fits one versioned form only
            Catalog.Form only = null;
            int fit = 0;
            for (Catalog.Form f : catalog.forms(name)) if (f.args() == nargs) { only = f; fit++; }
            return fit == 1 ? only.allocator() : a;
        }
        if (Long.numberOfTrailingZeros(bits) == a.gfpArg()) return a;
        return forms.computeIfAbsent(name, n -> new Catalog.Allocator(a.name(), Long.numberOfTrailingZeros(bits),
                a.implicitMask(), a.family(), a.nofail(), a.range()));
    }

    /**
     * Calls that pass a mask to a gfp_t parameter of a function the tree declares but does not define (its body
     * is in assembly, made by a macro, or outside the scanned roots): the model cannot see what it does with the
     * mask, and takes the declaration at its word, as an allocation with it. One per call, on the first gfp_t
     * parameter given a value the model keeps.
     */
    private List<Model.AllocSite> declaredCalls(List<FunctionFacts> fs, Map<String, Integer> definitions) {
        if (declared.isEmpty()) return List.of();
        Map<String, Catalog.Allocator> as = new HashMap<>();
        List<Model.AllocSite> out = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            FunctionFacts f = fs.get(i);
            for (int c = 0; c < f.callCount(); c++) {
                String g = f.callees[c];
                if (g == null || f.args(c) == null) continue;
                Model.Declared d = declared.get(g);
                if (d == null || definitions.containsKey(g) || catalogApi(g)) continue;
                for (long bits = d.gfpParams(); bits != 0; bits &= bits - 1) {
                    int k = Long.numberOfTrailingZeros(bits);
                    MaskExpr m = f.arg(c, k);
                    if (m == null) continue;
                    Catalog.Allocator a = as.computeIfAbsent(g, x -> new Catalog.Allocator(x, k, null,
                            Catalog.Family.OTHER, false, Catalog.Range.ALL));
                    if (a.gfpArg() == k) out.add(new Model.AllocSite(i, c, a, m));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * What functions are entered with, propagated top-down: the memalloc scopes open at every known call
     * ({@code must}) and at some call ({@code may}), with a witness chain, and a lock some direct caller holds
     * around the call ({@code callerLock}, for {@link Model#nofsEvidence}; the first by the order of the pass).
     */
    private static final class Entries {
        final int[] must, may;
        final boolean[] seen;
        final Trace[] witness;
        final String[] callerLock;

        Entries(int n) {
            must = new int[n];
            may = new int[n];
            seen = new boolean[n];
            witness = new Trace[n];
            callerLock = new String[n];
        }

        /**
         * {@code g} entered through call {@code call} of {@code c} (index {@code ci}), {@code step} being that call;
         * {@code inside}: for a function passed to the call, the step that says the callee calls it (else null).
         */
        void enter(FunctionFacts c, int ci, int call, int g, Trace.Step step, Trace.Step inside) {
            int m = c.scopeMust(call) | must[ci], y = c.scopeMay(call) | may[ci];
            must[g] = seen[g] ? must[g] & m : m;
            seen[g] = true;
            if ((y & ~may[g]) != 0 || (y != 0 && witness[g] == null)) {
                if (step == null) step = step(c, call);
                Trace w = c.scopeMay(call) != 0 || witness[ci] == null ? Trace.of(step) : witness[ci].after(step);
                witness[g] = inside == null ? w : w.after(inside);
            }
            may[g] |= y;
            if (callerLock[g] == null) {
                String held = Model.lockHeldAt(c, call);
                if (held != null) callerLock[g] = held + " in " + c.name;
            }
        }
    }

    /** Calls followed from a function that reclaim, writeback or a page-cache read runs, for {@link Model#nofsEvidence}. */
    static final int MAX_RECLAIM_DEPTH = 4;

    /**
     * Per function, how reclaim, writeback or a page-cache read with the page locked reaches it (a top-down chain,
     * innermost first, the shortest found; null when none does): from the functions operations tables and
     * assignments hand to them, and page-cache fillers, through unambiguous calls and the calls that run a
     * function they are passed, at most {@link #MAX_RECLAIM_DEPTH} deep. Breadth-first from roots in a fixed order.
     */
    private Trace[] reclaimReach(List<FunctionFacts> fs, int[][] targets, int[][][] runsInside,
                                 Map<String, Map<String, Integer>> perFile, Map<String, Integer> global,
                                 Map<String, Integer> headerStatic, Ambiguity amb) {
        int n = fs.size();
        Trace[] from = new Trace[n];
        List<Root> roots = new ArrayList<>(tableRoots);
        for (FunctionFacts f : fs) for (FunctionFacts.Callback t : f.reclaimEntries) roots.add(new Root(f.file, t));
        if (roots.isEmpty()) return from;
        roots.sort(Comparator.comparing(Root::file).thenComparingInt((Root r) -> r.how().line())
                .thenComparingInt(r -> r.how().col()).thenComparing(r -> r.how().target()));
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        for (Root r : roots) {
            FunctionFacts.Callback t = r.how();
            Integer g = resolve(t.target(), r.file(), perFile, global, headerStatic);
            if (g == null || from[g] != null) continue;
            from[g] = Trace.of(Trace.Step.at(r.file(), t.line(), t.col(), fs.get(g).name + " is " + t.what()));
            queue.add(g);
        }
        while (!queue.isEmpty()) {
            int ci = queue.poll();
            if (from[ci].length() > MAX_RECLAIM_DEPTH) continue;
            FunctionFacts c = fs.get(ci);
            int[] t = targets[ci];
            for (int call = 0; call < t.length; call++) {
                int g = t[call];
                if (g < 0 || from[g] != null || amb.at(ci, g)) continue;
                from[g] = from[ci].after(new Trace.Step(c.name, c.file, c.lines[call], c.cols[call], c.callees[call]));
                queue.add(g);
            }
            for (int[] e : passedIn(runsInside, ci)) {
                int call = e[0], g = e[1];
                if (from[g] != null) continue;
                from[g] = from[ci].after(new Trace.Step(c.name, c.file, c.lines[call], c.cols[call], c.callees[call]))
                        .after(insideStep(c, call, fs.get(g)));
                queue.add(g);
            }
        }
        return from;
    }

    /** Rounds of the fixed point that finds which parameters a function calls through what it passes them to. */
    private static final int INVOKE_ROUNDS = 8;

    /** How many functions call a parameter (for --model-stats), set by {@link #runsInside}. */
    private int invokingFunctions;

    /**
     * Per function, the functions it passes to calls that call them, as {call, function} pairs (null for none).
     * A callee calls its parameter k when it calls through it, or passes it on to a call that calls that
     * parameter (a fixed point over the call graph, bounded by {@link #INVOKE_ROUNDS}); it calls member m of
     * parameter k when it calls {@code k->m(..)}, or passes k on to a call that does. A function in member m of a
     * table or struct passed to the call runs inside it only when the call calls that member of it
     * ({@code transport->get_local_cid()} runs the table's get_local_cid, none of its other members). A function
     * handed to a call that only stores it (a work item, a timer, an RCU callback) is not called there.
     */
    private int[][][] runsInside(List<FunctionFacts> fs, int[][] targets, Map<String, Map<String, Integer>> perFile,
                                 Map<String, Integer> global, Map<String, Integer> headerStatic) {
        int n = fs.size();
        long[] invokes = new long[n];
        @SuppressWarnings("unchecked")
        Map<Integer, Set<String>>[] fields = new Map[n]; // members of parameters called through, copied on first growth
        int[] passing = new int[n]; // the functions that pass something: only they change in the rounds
        int np = 0;
        for (int i = 0; i < n; i++) {
            invokes[i] = fs.get(i).invokedParams;
            fields[i] = fs.get(i).invokedFields;
            if (!fs.get(i).passed.isEmpty()) passing[np++] = i;
        }
        int[][][] out = new int[n][][];
        if (np == 0) return out;
        for (int round = 0; round < INVOKE_ROUNDS; round++) {
            boolean changed = false;
            for (int k = 0; k < np; k++) {
                int i = passing[k];
                for (FunctionFacts.Passed p : fs.get(i).passed) {
                    if (p.param() < 0 || p.param() >= 64) continue;
                    int t = targets[i][p.call()];
                    if (t < 0 || p.arg() >= 64) continue;
                    if ((invokes[t] & 1L << p.arg()) != 0 && (invokes[i] & 1L << p.param()) == 0) {
                        invokes[i] |= 1L << p.param();
                        changed = true;
                    }
                    Set<String> theirs = fields[t].get(p.arg());
                    if (theirs == null || t == i) continue;
                    Set<String> mine = fields[i].get(p.param());
                    if (mine != null && mine.containsAll(theirs)) continue;
                    if (fields[i] == fs.get(i).invokedFields) fields[i] = new HashMap<>(fields[i]);
                    Set<String> grown = mine == null ? new java.util.HashSet<>() : new java.util.HashSet<>(mine);
                    for (String x : theirs) if (grown.size() < 64) grown.add(x);
                    if (mine == null || grown.size() > mine.size()) {
                        fields[i].put(p.param(), grown);
                        changed = true;
                    }
                }
            }
            if (!changed) break;
        }
        for (int i = 0; i < n; i++) if (invokes[i] != 0 || !fields[i].isEmpty()) invokingFunctions++;
        for (int k = 0; k < np; k++) {
            int i = passing[k];
            FunctionFacts f = fs.get(i);
            List<int[]> mine = null;
            for (FunctionFacts.Passed p : f.passed) {
                if (p.name() == null) continue;
                int t = targets[i][p.call()];
                if (t < 0 || p.arg() >= 64) continue;
                boolean runs = p.field() == null ? (invokes[t] & 1L << p.arg()) != 0
                        : fields[t].getOrDefault(p.arg(), Set.of()).contains(p.field());
                if (!runs) continue;
                Integer g = resolve(p.name(), f.file, perFile, global, headerStatic);
                if (g == null || g == i) continue;
                if (mine == null) mine = new ArrayList<>(1);
                mine.add(new int[] {p.call(), g});
            }
            if (mine != null) out[i] = mine.toArray(new int[0][]);
        }
        return out;
    }

    private static final int[][] NONE_PASSED = new int[0][];

    /** The {call, function} pairs of function {@code ci} whose function runs inside the call ({@link #runsInside}). */
    private static int[][] passedIn(int[][][] runsInside, int ci) {
        return runsInside[ci] == null ? NONE_PASSED : runsInside[ci];
    }

    /** The chain step that says call {@code call} of {@code c} runs {@code g}, passed to it there. */
    static Trace.Step insideStep(FunctionFacts c, int call, FunctionFacts g) {
        return Trace.Step.at(c.file, c.lines[call], c.cols[call], c.callees[call] + "() calls " + g.name + ", passed to it here");
    }

    /** The call graph with an edge to each function that runs inside a call it is passed to (for the order of the passes). */
    private static int[][] withPassed(int[][] targets, int[][][] runsInside) {
        int[][] out = targets;
        for (int i = 0; i < targets.length; i++) {
            if (runsInside[i] == null) continue;
            if (out == targets) out = targets.clone();
            int[] t = java.util.Arrays.copyOf(targets[i], targets[i].length + runsInside[i].length);
            for (int k = 0; k < runsInside[i].length; k++) t[targets[i].length + k] = runsInside[i][k][1];
            out[i] = t;
        }
        return out;
    }

    /**
     * Which calls resolve to a name defined more than once in the tree, in another file than the caller's: the
     * callee may be another architecture's or driver's function, so no context flows through such a call. A call
     * to g resolves by g's own name, so this is a property of the caller's file and g, computed once.
     */
    static final class Ambiguity {
        private final int[] file;
        private final boolean[] multi;

        /** {@code fileOf}: each function's file, as a number. */
        Ambiguity(List<FunctionFacts> fs, int[] fileOf, Map<String, Integer> definitions) {
            file = fileOf;
            multi = new boolean[fs.size()];
            for (int i = 0; i < fs.size(); i++) multi[i] = definitions.getOrDefault(fs.get(i).name, 0) > 1;
        }

        /** Whether a call of function {@code ci} that resolves to {@code g} may be to another definition of g's name. */
        boolean at(int ci, int g) {
            return multi[g] && file[g] != file[ci];
        }
    }

    private static Integer resolve(String callee, String file, Map<String, Map<String, Integer>> perFile,
                                   Map<String, Integer> global, Map<String, Integer> headerStatic) {
        Map<String, Integer> local = perFile.get(file);
        Integer g = local == null ? null : local.get(callee);
        if (g == null) g = global.get(callee);
        if (g == null) g = headerStatic.get(callee);
        return g;
    }

    /**
     * The atomic contexts callers hold, propagated top-down like the scopes: per function, the kinds every
     * known caller holds at its call ({@code must}) and some caller holds ({@code may}), with one witness: where
     * it began and the calls from there (innermost first).
     */
    private static final class Contexts {
        final int[] must, may;
        final boolean[] seen;
        final Model.AtomicRoot[] root;
        final Trace[] witness;

        Contexts(int n) {
            must = new int[n];
            may = new int[n];
            seen = new boolean[n];
            root = new Model.AtomicRoot[n];
            witness = new Trace[n];
        }

        void enter(int g, int m, int y, Model.AtomicRoot r, Trace w) {
            must[g] = seen[g] ? must[g] & m : m;
            seen[g] = true;
            if (y == 0 || r == null) return;
            int d = w == null ? 1 : w.length();
            // the shortest chain is kept as the witness: it is the one a reader checks first
            if ((y & ~may[g]) != 0 || root[g] == null || d < depth(g)) {
                root[g] = r;
                witness[g] = w;
            }
            may[g] |= y;
        }

        private int depth(int g) {
            return witness[g] == null ? 1 : witness[g].length();
        }

        /**
         * What call {@code call} of {@code c} holds: its own locks, and what {@code c} was entered with less what it
         * dropped. {@code step}: that call, or null to make it here if needed.
         */
        Model.Ctx at(FunctionFacts c, int ci, int call, Trace.Step step, Model.Ctx via) {
            long p = c.contextAt(call);
            Model.Kinds k = Model.kindsAt(p, via != null ? via.must() : must[ci], via != null ? via.may() : may[ci]);
            if (k == null) return Model.Ctx.NONE;
            int m = k.must(), y = k.may();
            if (step == null) step = step(c, call);
            if (k.local() != 0) return new Model.Ctx(m, y, Model.localRoot(c, p), Trace.of(step));
            Model.AtomicRoot r = via != null ? via.root() : root[ci];
            Trace w = via != null ? via.chain() : witness[ci];
            // contexts are followed this many calls deep: beyond, what a callee does with its caller's lock (a
            // wrapper in a header, a test of a flag) is too often out of sight
            if (w != null && w.length() >= MAX_CONTEXT_DEPTH) return Model.Ctx.NONE;
            return new Model.Ctx(m, y, r, w == null ? Trace.of(step) : w.after(step));
        }

        void call(FunctionFacts c, int ci, int call, int g, Trace.Step step) {
            Model.Ctx x = at(c, ci, call, step, null);
            enter(g, x.must(), x.may(), x.root(), x.chain());
        }
    }

    private static boolean selfCall(int[][] targets, int f) {
        for (int t : targets[f]) if (t == f) return true;
        return false;
    }

    /** The allocations {@code fi} reaches with its own parameters in the mask: its own and its callees'. */
    private List<Model.Reach> reachesOf(int fi, FunctionFacts f, int[] t, List<Model.AllocSite> own, List<List<Model.Reach>> all) {
        List<Model.Reach> out = new ArrayList<>(0);
        for (Model.AllocSite s : own) {
            if (s.mask().params() == 0) continue;
            out.add(new Model.Reach(s, s.mask(), Trace.of(step(f, s.call()))));
        }
        for (int c = 0; c < t.length; c++) {
            int g = t[c];
            if (g < 0 || all.get(g).isEmpty()) continue;
            final int call = c;
            for (Model.Reach r : all.get(g)) {
                MaskExpr m = r.mask().substitute(q -> f.argOrUnknown(call, q));
                if (m.params() == 0) continue; // the caller fixes the mask: judged through incoming values
                if (r.chain().length() > MAX_CHAIN) {
                    longChain(f);
                    continue;
                }
                if (out.size() >= MAX_REACHES) {
                    incidents.bound(Incidents.Bound.REACHES, f.file, f.line, "function " + f.name
                            + " passes its parameters to more than " + MAX_REACHES + " allocations; the others are not"
                            + " judged with what its callers pass");
                    return out;
                }
                out.add(new Model.Reach(r.site(), m, r.chain().after(step(f, c))));
            }
        }
        return out.isEmpty() ? List.of() : out;
    }

    /** Atomic contexts are followed this many calls deep from where they begin. */
    static final int MAX_CONTEXT_DEPTH = 3;

    /** Call chains are followed this many calls deep. */
    static final int MAX_CHAIN = 32;

    private void longChain(FunctionFacts f) {
        incidents.bound(Incidents.Bound.CHAIN, f.file, f.line, "function " + f.name
                + " is reached through call chains of more than " + MAX_CHAIN + " calls; those are not followed");
    }

    private static Trace.Step step(FunctionFacts f, int call) {
        return new Trace.Step(f.name, f.file, f.lines[call], f.cols[call], f.callees[call]);
    }

    /**
     * Adds what call {@code call} of {@code c} passes for each relevant parameter of {@code g}. The values of
     * one call travel together: each incoming value remembers what the same call passed for the others, so a
     * mask and the bool beside it stay correlated down the chain.
     */
    private void passValues(Evaluator ev, FunctionFacts c, int ci, int call, int g, long relevant, Trace.Step step,
                                   List<Model.Incoming>[][] incoming, FunctionFacts gf, Contexts cx) {
        int np = gf.paramNames.length;
        long qs = relevant & (np >= 64 ? -1L : (1L << np) - 1);
        if (qs == 0) return;
        if (step == null) step = step(c, call);
        if (incoming[g] == null) incoming[g] = new List[np];
        MaskExpr[] args = new MaskExpr[np];
        long deps = 0;
        for (long bits = qs; bits != 0; bits &= bits - 1) {
            int q = Long.numberOfTrailingZeros(bits);
            args[q] = c.argOrUnknown(call, q);
            deps |= args[q].params();
        }
        Evaluator.Context base = Evaluator.Context.inFile(c.file);
        int p0 = Long.numberOfTrailingZeros(deps);
        List<Model.Incoming> from = deps == 0 || incoming[ci] == null || p0 >= incoming[ci].length || incoming[ci][p0] == null
                ? List.of() : incoming[ci][p0];
        if (from.isEmpty()) {
            passTuple(ev, args, qs, base, Trace.of(step), incoming[g], gf, cx.at(c, ci, call, step, null));
            return;
        }
        for (Model.Incoming inc : List.copyOf(from)) {
            if (inc.chain() != null && inc.chain().length() > MAX_CHAIN) {
                longChain(gf);
                continue;
            }
            Evaluator.Context ctx = base.withParams(i -> i == p0 ? List.of(inc.value()) : inc.with(i));
            passTuple(ev, args, qs, ctx, inc.chain() == null ? Trace.of(step) : inc.chain().after(step), incoming[g], gf,
                    cx.at(c, ci, call, step, inc.ctx()));
        }
    }

    private void passTuple(Evaluator ev, MaskExpr[] args, long qs, Evaluator.Context ctx, Trace chain,
                           List<Model.Incoming>[] dst, FunctionFacts g, Model.Ctx cctx) {
        @SuppressWarnings("unchecked")
        List<Mask>[] vals = new List[args.length];
        Mask[] with = new Mask[args.length];
        for (long bits = qs; bits != 0; bits &= bits - 1) {
            int q = Long.numberOfTrailingZeros(bits);
            vals[q] = ev.evalFeasible(args[q], ctx);
            if (!vals[q].isEmpty()) with[q] = Evaluator.join(vals[q]);
        }
        for (long bits = qs; bits != 0; bits &= bits - 1) {
            int q = Long.numberOfTrailingZeros(bits);
            if (vals[q].isEmpty()) continue; // this call's guard rules the value out
            if (dst[q] == null) dst[q] = new ArrayList<>(2);
            for (Mask m : vals[q]) {
                if (!addIncoming(dst[q], m, chain, with, cctx)) {
                    incidents.bound(Incidents.Bound.INCOMING, g.file, g.line, "function " + g.name
                            + ": callers pass more than " + MAX_INCOMING + " different masks in "
                            + (q < g.paramNames.length && !g.paramNames[q].isEmpty() ? g.paramNames[q] : "parameter " + (q + 1))
                            + "; the others are judged together, without a call chain");
                }
            }
        }
    }

    /** Adds a value; false when it had to be folded into another (more than {@link #MAX_INCOMING} values). */
    private static boolean addIncoming(List<Model.Incoming> dst, Mask m, Trace chain, Mask[] with, Model.Ctx ctx) {
        for (int i = 0; i < dst.size(); i++) {
            Model.Incoming x = dst.get(i);
            if (!x.value().equals(m) || !x.ctx().sameKinds(ctx)) continue;
            Mask[] w = Model.Incoming.joinWith(x.withAll(), with);
            if (w != x.withAll()) dst.set(i, new Model.Incoming(m, x.chain(), w, x.ctx()));
            return true;
        }
        if (dst.size() < MAX_INCOMING) {
            dst.add(new Model.Incoming(m, chain, with, ctx));
            return true;
        } else {
            // Too many distinct values: fold this one into the last, which then stands for "one of several"
            // and has no single chain (the rules judge such callers at their own call, see Model.throughCall).
            Model.Incoming last = dst.get(dst.size() - 1);
            dst.set(dst.size() - 1, new Model.Incoming(last.value().join(m), null, Model.Incoming.joinWith(last.withAll(), with),
                    last.ctx().join(ctx)));
            return false;
        }
    }
}
