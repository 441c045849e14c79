package dev.gfplint.core.model;

import dev.gfplint.core.cache.BinIn;
import dev.gfplint.core.cache.BinOut;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outline of every file of a tree, as its last scan saw it: the names its functions define and the names
 * each of them could resolve (calls, callbacks registered, functions passed or handed to reclaim), the
 * functions its operations tables hand to reclaim, its lock wrappers, and what it adds to the whole program
 * besides functions (gfp macros, macro lock wrappers, declarations with gfp_t parameters). Each outline is
 * kept with the hash of the bytes it was made from, so an outline stands for a file only while the file
 * still has those bytes.
 *
 * <p>What it is for: a run that reports only the findings in some files (a commit's, {@code --staged},
 * {@code --diff}) needs the model of those files' functions, which depends on every function that calls them,
 * directly or not (their contexts and the values passed in), and on everything those call (their summaries);
 * on nothing else. {@link #slice} finds the files that hold them from the outlines alone, without reading any
 * other file's entry, and the model links those files only. The names resolve here to every function they
 * could mean (a file's own, every exported one, every static one in a header), more than the model resolves
 * them to, so the slice holds at least what the model would reach.
 */
public final class ProgramIndex {
    /** Raised whenever the layout below changes. */
    public static final int FORMAT = 3;

    /**
     * One file: its path, the hash of its bytes, what it adds besides functions (null when nothing), the names its
     * operations tables hand to reclaim, and per function its name, whether it is static, what it does as a
     * lock wrapper and the names it could resolve. Names are numbers in the index's table.
     */
    public record FileOutline(String path, byte[] hash, ModelBuilder.FileModel globals, int[] roots,
                              int[] fnName, boolean[] fnStatic, int[] fnAcquires, int[] fnReleases, int[] mentionStart, int[] mentions) {
        int functions() {
            return fnName.length;
        }
    }

    private final Names names = new Names();
    private final Map<String, FileOutline> files = new HashMap<>();

    public ProgramIndex() {}

    /**
     * The index's names by number. Those read back stay one block of UTF-8 until asked for (a run reads the
     * whole index and needs the strings of a few of its 733,649 names); those added since are kept as strings.
     */
    private static final class Names {
        private byte[] blob = new byte[0];
        private int[] off = {0};
        private String[] made = new String[0];
        private final List<String> added = new ArrayList<>();
        private final Map<String, Integer> addedIds = new HashMap<>();
        /** Open addressing over the block's names by their String hash; built on the first lookup. */
        private volatile int[] table;

        int size() {
            return made.length + added.size();
        }

        String get(int x) {
            int n = made.length;
            if (x >= n) return added.get(x - n);
            String s = made[x];
            if (s == null) made[x] = s = new String(blob, off[x], off[x + 1] - off[x], java.nio.charset.StandardCharsets.UTF_8);
            return s;
        }

        /** The number of {@code s}, or -1. */
        int lookup(String s) {
            Integer a = addedIds.get(s);
            if (a != null) return a;
            if (made.length == 0) return -1;
            int[] t = table; // built ahead by prepare(), else by this first look-up
            if (t == null) t = table();
            int cap = t.length, k = mix(s.hashCode()) & (cap - 1);
            for (int x; (x = t[k]) >= 0; k = (k + 1) & (cap - 1)) if (get(x).equals(s)) return x;
            return -1;
        }

        /** The table of the block's names, built on the first call (a run may build it ahead, on another core). */
        synchronized int[] table() {
            if (table != null) return table;
            int n = made.length;
            int cap = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
            int[] t = new int[cap];
            java.util.Arrays.fill(t, -1);
            for (int x = 0; x < n; x++) {
                int k = mix(hash(x)) & (cap - 1);
                while (t[k] >= 0) k = (k + 1) & (cap - 1);
                t[k] = x;
            }
            return table = t;
        }

        /** {@link String#hashCode} of name {@code x}, from its bytes when they are ASCII. */
        private int hash(int x) {
            int h = 0;
            for (int i = off[x]; i < off[x + 1]; i++) {
                byte b = blob[i];
                if (b < 0) return get(x).hashCode();
                h = 31 * h + b;
            }
            return h;
        }

        private static int mix(int h) {
            return h ^ (h >>> 16);
        }

        int add(String s) {
            int x = lookup(s);
            if (x >= 0) return x;
            x = size();
            added.add(s);
            addedIds.put(s, x);
            return x;
        }

        /** Takes the block of a decoded index: {@code count} names, {@code off} where each starts in {@code blob}. */
        void read(byte[] blob, int[] off) {
            this.blob = blob;
            this.off = off;
            this.made = new String[off.length - 1];
        }
    }

    private int id(String s) {
        return names.add(s);
    }

    /**
     * Makes now what the first look-up of a name would make (the table of the 733,649 names of Linux's index):
     * for a run that has a core to spare while it lists the tree.
     */
    public void prepare() {
        if (names.made.length > 0) names.table();
    }

    /** The file at {@code path}, when the index holds it. */
    public FileOutline get(String path) {
        return files.get(path);
    }

    public int size() {
        return files.size();
    }

    /** Makes the outline of a file's first reading {@code fm}, whose bytes hash to {@code hash}, and keeps it (replacing the file's older one). */
    public synchronized FileOutline put(ModelBuilder.FileModel fm, byte[] hash) {
        List<FunctionFacts> fs = fm.facts();
        int n = fs.size();
        int[] name = new int[n], acq = new int[n], rel = new int[n];
        boolean[] st = new boolean[n];
        int[] start = new int[n + 1];
        List<int[]> men = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FunctionFacts f = fs.get(i);
            name[i] = id(f.name);
            st[i] = f.isStatic;
            acq[i] = f.lockAcquires;
            rel[i] = f.lockReleases;
            int[] m = mentions(f);
            men.add(m);
            start[i + 1] = start[i] + m.length;
        }
        int[] flat = new int[start[n]];
        for (int i = 0; i < n; i++) System.arraycopy(men.get(i), 0, flat, start[i], men.get(i).length);
        int[] roots = new int[fm.tableRoots().size()];
        for (int i = 0; i < roots.length; i++) roots[i] = id(fm.tableRoots().get(i).target());
        boolean none = fm.gfpMacros().isEmpty() && fm.macroWrappers().isEmpty() && fm.declared().isEmpty();
        ModelBuilder.FileModel globals = none ? null
                : new ModelBuilder.FileModel(fm.path(), fm.gfpMacros(), fm.macroWrappers(), fm.declared(), List.of(), List.of());
        FileOutline o = new FileOutline(fm.path(), hash, globals, roots, name, st, acq, rel, start, flat);
        files.put(fm.path(), o);
        return o;
    }

    /** Every name function {@code f} could resolve to a function, each once, in a fixed order. */
    private int[] mentions(FunctionFacts f) {
        java.util.LinkedHashSet<String> m = new java.util.LinkedHashSet<>();
        for (String c : f.callees) if (c != null) m.add(c);
        for (FunctionFacts.Callback cb : f.callbacks) m.add(cb.target());
        for (FunctionFacts.Callback cb : f.reclaimEntries) m.add(cb.target());
        for (FunctionFacts.Passed p : f.passed) if (p.name() != null) m.add(p.name());
        int[] out = new int[m.size()];
        int k = 0;
        for (String s : m) out[k++] = id(s);
        return out;
    }

    /** What file {@code path} adds to the program besides its functions, or null (nothing, or not held). */
    public ModelBuilder.FileModel globals(String path) {
        FileOutline o = files.get(path);
        return o == null ? null : o.globals();
    }

    /** A function's name and what it does as a lock wrapper, for {@link ModelBuilder#filesToRevisit}. */
    record Fn(String name, String file, int acquires, int releases) {}

    /** How often each name (by number) is defined in the files at {@code paths}, static or not. */
    int[] definitionCounts(Collection<String> paths) {
        int[] count = new int[names.size()];
        for (String p : paths) {
            FileOutline o = files.get(p);
            if (o != null) for (int x : o.fnName()) count[x]++;
        }
        return count;
    }

    /** The number of name {@code s}, or -1 when no file of the index mentions it. */
    int nameId(String s) {
        return names.lookup(s);
    }

    /** The lock wrappers of the files at {@code paths} that other files may call (not static, or in a header). */
    void forEachLockWrapper(Collection<String> paths, java.util.function.Consumer<Fn> body) {
        for (String p : paths) {
            FileOutline o = files.get(p);
            if (o == null) continue;
            boolean header = o.path().endsWith(".h");
            for (int i = 0; i < o.functions(); i++) {
                if (o.fnStatic()[i] && !header) continue;
                if (((o.fnAcquires()[i] | o.fnReleases()[i]) & (ExecKind.ATOMIC | ExecKind.SLEEPABLE.bit())) == 0) continue;
                body.accept(new Fn(names.get(o.fnName()[i]), o.path(), o.fnAcquires()[i], o.fnReleases()[i]));
            }
        }
    }

    /**
     * The files whose functions the model needs to judge every function of the files in {@code changed}, among
     * the files at {@code present} (those the index does not hold have no functions): the changed files; every function that
     * could call one of their functions, register it as a callback or pass it to a call, transitively (their
     * contexts and the values they pass in flow down to the changed files); every function any of those could
     * call, transitively (their summaries flow up); every file whose operations tables hand one of the callers
     * to reclaim, with every function those tables' names could mean. Sorted.
     */
    public List<String> slice(List<String> present, Set<String> changed) {
        List<FileOutline> held = new ArrayList<>(present.size());
        for (String p : present) {
            FileOutline o = files.get(p);
            if (o != null) held.add(o); // the others have no functions
        }
        int nf = held.size();
        FileOutline[] fo = held.toArray(new FileOutline[0]);
        int total = 0;
        for (int k = 0; k < nf; k++) total += fo[k].functions();
        int[] first = new int[nf + 1]; // the functions of file k are first[k] .. first[k+1]-1
        int[] fileOf = new int[total];
        for (int k = 0, g = 0; k < nf; k++) {
            first[k] = g;
            for (int i = 0; i < fo[k].functions(); i++) fileOf[g++] = k;
        }
        first[nf] = total;
        int nn = names.size();
        boolean[] header = new boolean[nf];
        for (int k = 0; k < nf; k++) header[k] = fo[k].path().endsWith(".h");
        // what each name could mean from any file: exported definitions (not static, or static in a header)
        int[][] exported = group(nn, total, g -> {
            FileOutline o = fo[fileOf[g]];
            int i = g - first[fileOf[g]];
            return !o.fnStatic()[i] || header[fileOf[g]] ? o.fnName()[i] : -1;
        });
        // who names each name: functions, and files' operations tables
        int[] count = new int[nn + 1];
        for (int k = 0; k < nf; k++) for (int x : fo[k].mentions()) count[x + 1]++;
        for (int x = 0; x < nn; x++) count[x + 1] += count[x];
        int[] mentioner = new int[count[nn]];
        int[] fill = Arrays.copyOf(count, nn);
        for (int g = 0; g < total; g++) {
            FileOutline o = fo[fileOf[g]];
            int i = g - first[fileOf[g]];
            for (int j = o.mentionStart()[i]; j < o.mentionStart()[i + 1]; j++) mentioner[fill[o.mentions()[j]]++] = g;
        }
        Map<Integer, List<Integer>> rootFiles = new HashMap<>();
        for (int k = 0; k < nf; k++) for (int x : fo[k].roots()) rootFiles.computeIfAbsent(x, y -> new ArrayList<>()).add(k);

        // callers, transitively
        BitSet callers = new BitSet(total);
        BitSet wanted = new BitSet(nf);
        int[] stack = new int[total];
        int sp = 0;
        for (int k = 0; k < nf; k++) {
            if (!changed.contains(fo[k].path())) continue;
            wanted.set(k);
            for (int g = first[k]; g < first[k + 1]; g++) {
                callers.set(g);
                stack[sp++] = g;
            }
        }
        List<int[]> roots = new ArrayList<>(); // {file, name} of the tables that hand a caller over
        Map<Integer, Map<Integer, int[]>> localCache = new HashMap<>();
        while (sp > 0) {
            int g = stack[--sp];
            int k = fileOf[g];
            int x = fo[k].fnName()[g - first[k]];
            boolean open = !fo[k].fnStatic()[g - first[k]] || header[k];
            for (int m = count[x]; m < count[x + 1]; m++) {
                int h = mentioner[m];
                // a name resolves to the caller's own file's function first: one there of the same name is the one it calls
                boolean mine = fileOf[h] == k || open && own(x, fileOf[h], fo, first, localCache).length == 0;
                if (mine && !callers.get(h)) {
                    callers.set(h);
                    stack[sp++] = h;
                }
            }
            for (int t : rootFiles.getOrDefault(x, List.of())) {
                if (t == k || open && own(x, t, fo, first, localCache).length == 0) roots.add(new int[] {t, x});
            }
        }
        // what all the callers call, transitively
        BitSet reached = callees(callers, stack, fo, fileOf, first, exported, localCache);
        for (int g = reached.nextSetBit(0); g >= 0; g = reached.nextSetBit(g + 1)) wanted.set(fileOf[g]);
        // a table that hands a caller to reclaim, and whatever else its name could mean (so that it resolves as in the whole program)
        for (int[] r : roots) {
            wanted.set(r[0]);
            for (int h : meanings(r[1], r[0], exported, fo, first, localCache)) wanted.set(fileOf[h]);
        }
        List<String> out = new ArrayList<>(wanted.cardinality());
        for (int k = wanted.nextSetBit(0); k >= 0; k = wanted.nextSetBit(k + 1)) out.add(fo[k].path());
        java.util.Collections.sort(out);
        return out;
    }

    /** {@code from} and every function their names could mean, transitively. */
    private static BitSet callees(BitSet from, int[] stack, FileOutline[] fo, int[] fileOf, int[] first, int[][] exported,
                                  Map<Integer, Map<Integer, int[]>> localCache) {
        BitSet reached = (BitSet) from.clone();
        int sp = 0;
        for (int g = from.nextSetBit(0); g >= 0; g = from.nextSetBit(g + 1)) stack[sp++] = g;
        while (sp > 0) {
            int g = stack[--sp];
            FileOutline o = fo[fileOf[g]];
            int i = g - first[fileOf[g]];
            for (int j = o.mentionStart()[i]; j < o.mentionStart()[i + 1]; j++) {
                int x = o.mentions()[j];
                for (int h : meanings(x, fileOf[g], exported, fo, first, localCache)) {
                    if (!reached.get(h)) {
                        reached.set(h);
                        stack[sp++] = h;
                    }
                }
            }
        }
        return reached;
    }

    /**
     * The functions name {@code x} could mean from file {@code k}: the file's own of that name when it has one (a
     * name resolves in its own file first), else every exported one.
     */
    private static int[] meanings(int x, int k, int[][] exported, FileOutline[] fo, int[] first, Map<Integer, Map<Integer, int[]>> cache) {
        int[] own = own(x, k, fo, first, cache);
        if (own.length > 0) return own;
        return x < exported.length && exported[x] != null ? exported[x] : new int[0];
    }

    /** The functions of file {@code k} named {@code x}. */
    private static int[] own(int x, int k, FileOutline[] fo, int[] first, Map<Integer, Map<Integer, int[]>> cache) {
        Map<Integer, int[]> local = cache.computeIfAbsent(k, f -> {
            Map<Integer, List<Integer>> m = new HashMap<>();
            for (int g = first[f]; g < first[f + 1]; g++) m.computeIfAbsent(fo[f].fnName()[g - first[f]], y -> new ArrayList<>()).add(g);
            Map<Integer, int[]> r = new HashMap<>();
            for (Map.Entry<Integer, List<Integer>> e : m.entrySet()) r.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
            return r;
        });
        return local.getOrDefault(x, NONE);
    }

    private static final int[] NONE = new int[0];

    /** Per name, the functions {@code key} gives it (-1: none), as arrays; null where none. */
    private static int[][] group(int nn, int total, java.util.function.IntUnaryOperator key) {
        int[] c = new int[nn];
        int[] keys = new int[total];
        for (int g = 0; g < total; g++) {
            keys[g] = key.applyAsInt(g);
            if (keys[g] >= 0) c[keys[g]]++;
        }
        int[][] out = new int[nn][];
        for (int g = 0; g < total; g++) {
            int x = keys[g];
            if (x < 0) continue;
            if (out[x] == null) {
                out[x] = new int[c[x]];
                c[x] = 0;
            }
            out[x][c[x]++] = g;
        }
        return out;
    }

    // ---- the stored form ----------------------------------------------------------------------------

    /** The index's bytes: the names its files use, then each file, by path. */
    public synchronized byte[] encode() {
        int[] renumber = new int[names.size()];
        Arrays.fill(renumber, -1);
        List<String> used = new ArrayList<>();
        List<String> paths = new ArrayList<>(files.keySet());
        java.util.Collections.sort(paths);
        java.util.function.IntUnaryOperator num = x -> {
            if (renumber[x] < 0) {
                renumber[x] = used.size();
                used.add(names.get(x));
            }
            return renumber[x];
        };
        BinOut body = new BinOut();
        body.uvar(paths.size());
        for (String p : paths) {
            FileOutline o = files.get(p);
            body.str(o.path()).bytes(o.hash());
            body.bool(o.globals() != null);
            if (o.globals() != null) FactsCodec.write(body, o.globals());
            // the numbers of a file in one block of 4-byte ints, read back in bulk: roots, per function its name,
            // whether it is static, its lock effects and where its mentions start, then the mentions
            int n = o.functions(), nr = o.roots().length, m = o.mentions().length;
            body.uvar(nr).uvar(n).uvar(m);
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(4 * (nr + 5 * n + 1 + m)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int x : o.roots()) bb.putInt(num.applyAsInt(x));
            for (int i = 0; i < n; i++) bb.putInt(num.applyAsInt(o.fnName()[i]));
            for (int i = 0; i < n; i++) bb.putInt(o.fnStatic()[i] ? 1 : 0);
            for (int i = 0; i < n; i++) bb.putInt(o.fnAcquires()[i]);
            for (int i = 0; i < n; i++) bb.putInt(o.fnReleases()[i]);
            for (int i = 0; i <= n; i++) bb.putInt(o.mentionStart()[i]);
            for (int x : o.mentions()) bb.putInt(num.applyAsInt(x));
            body.bytes(bb.array());
        }
        BinOut out = new BinOut();
        java.io.ByteArrayOutputStream blob = new java.io.ByteArrayOutputStream();
        java.nio.ByteBuffer offs = java.nio.ByteBuffer.allocate(4 * (used.size() + 1)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        offs.putInt(0);
        for (String s : used) {
            blob.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            offs.putInt(blob.size());
        }
        out.uvar(FORMAT).uvar(used.size()).bytes(blob.toByteArray()).bytes(offs.array());
        byte[] b = body.toByteArray();
        out.bytes(b);
        return out.toByteArray();
    }

    /** Reads back what {@link #encode} wrote; {@link BinIn.Corrupt} for anything else. */
    public static ProgramIndex decode(byte[] raw, dev.gfplint.core.cache.Interner interner) {
        return BinIn.checked("the program index", () -> decodeChecked(raw, interner));
    }

    private static ProgramIndex decodeChecked(byte[] raw, dev.gfplint.core.cache.Interner interner) {
        BinIn head = new BinIn(raw, interner);
        if (head.uvar() != FORMAT) throw new BinIn.Corrupt("another format of the program index");
        int nn = head.count(1);
        ProgramIndex ix = new ProgramIndex();
        byte[] blob = head.bytes(), offs = head.bytes();
        if (blob == null || offs == null || offs.length != 4L * (nn + 1)) throw new BinIn.Corrupt("the program index's names are cut");
        int[] off = new int[nn + 1];
        java.nio.ByteBuffer.wrap(offs).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(off);
        if (off[0] != 0 || off[nn] != blob.length) throw new BinIn.Corrupt("the program index's names are cut");
        for (int i = 0; i < nn; i++) if (off[i] > off[i + 1]) throw new BinIn.Corrupt("the program index's names are out of order");
        ix.names.read(blob, off);
        byte[] b = head.bytes();
        if (b == null || !head.atEnd()) throw new BinIn.Corrupt("the program index's files are missing");
        BinIn in = new BinIn(b, interner);
        int nfiles = in.count(3);
        for (int k = 0; k < nfiles; k++) {
            String path = in.name();
            byte[] hash = in.bytes();
            if (hash == null || hash.length != 32) throw new BinIn.Corrupt("a file without its hash");
            ModelBuilder.FileModel globals = in.bool() ? FactsCodec.read(in) : null;
            int nr = in.count(4), n = in.count(4), m = in.count(4);
            byte[] block = in.bytes();
            if (block == null || block.length != 4L * (nr + 5L * n + 1 + m)) throw new BinIn.Corrupt("a file's numbers are cut");
            java.nio.IntBuffer ib = java.nio.ByteBuffer.wrap(block).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            int[] roots = new int[nr], name = new int[n], flags = new int[n], acq = new int[n], rel = new int[n];
            int[] start = new int[n + 1], men = new int[m];
            ib.get(roots).get(name).get(flags).get(acq).get(rel).get(start).get(men);
            boolean[] st = new boolean[n];
            for (int i = 0; i < n; i++) st[i] = flags[i] != 0;
            names(roots, nn);
            names(name, nn);
            names(men, nn);
            if (start[0] != 0 || start[n] != m) throw new BinIn.Corrupt("a file's mentions are cut");
            for (int i = 0; i < n; i++) if (start[i] > start[i + 1]) throw new BinIn.Corrupt("a file's mentions are out of order");
            ix.files.put(path, new FileOutline(path, hash, globals, roots, name, st, acq, rel, start, men));
        }
        if (!in.atEnd()) throw new BinIn.Corrupt("trailing bytes after the program index");
        return ix;
    }

    /** Checks that every number of {@code xs} is a name of the table's {@code nn}. */
    private static void names(int[] xs, int nn) {
        for (int x : xs) if (x < 0 || x >= nn) throw new BinIn.Corrupt("name " + x + " of " + nn);
    }

    /** Drops the files not in {@code keep}. */
    public synchronized void retain(Set<String> keep) {
        files.keySet().retainAll(keep);
    }

    /** The paths the index holds. */
    public Set<String> paths() {
        return new HashSet<>(files.keySet());
    }
}
