package dev.gfplint.cli;

import dev.gfplint.core.cache.BinIn;
import dev.gfplint.core.cache.FileCache;
import dev.gfplint.core.cache.Interner;
import dev.gfplint.core.model.FunctionFacts;
import dev.gfplint.core.model.Model;
import dev.gfplint.core.model.ModelBuilder;
import dev.gfplint.core.model.ProgramIndex;
import dev.gfplint.core.model.Trace;
import dev.gfplint.core.scan.Scanner;
import dev.gfplint.rules.Finding;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A run that reports only the findings in some files (a commit's, {@code --staged}, {@code --diff},
 * {@code --repo-context} with PATHs) links only the files those findings depend on: the changed files, every
 * function that calls theirs (transitively) and everything those call (transitively), found from the outlines
 * of every file that the last such run kept in the cache ({@link ProgramIndex}). The outlines of the files that
 * changed since are made first, from the files themselves.
 *
 * <p>Such a link gives every function of the changed files and of their callers what the whole program gives
 * it: all their callers are in, and all that they call. A finding placed at a call depends only on the calling
 * function and what it calls (sleeping-alloc-in-atomic judges each call from what it reaches), so those are
 * exact too. A {@code #define} in a changed file is reported from the allocations that use it, anywhere: then
 * the run links the whole program ({@link #definesMasks}), so that what it reports is what a whole link
 * reports, always.
 */
final class PartialLink {
    private final FileCache cache;
    private final byte[] key;
    private final ProgramIndex index;
    private final List<String> all;
    private final Set<String> changed;
    private final Set<String> stale = new HashSet<>();
    private Set<String> linked;
    /** Outlines made again or dropped by this run (files changed, added or gone since the index was stored). */
    private int refreshed;

    /**
     * The index (46 MB for Linux) is stored again only once this many outlines were made again or dropped. Below
     * that, a file changed since is outlined again from its cache entry on each run, which costs far less than
     * writing the index on every commit.
     */
    static final int SAVE_AFTER = 256;
    private String whyWhole;

    private PartialLink(FileCache cache, byte[] key, ProgramIndex index, List<String> all, Set<String> changed) {
        this.cache = cache;
        this.key = key;
        this.index = index;
        this.all = all;
        this.changed = changed;
    }

    /** Where the outlines of a tree scanned from {@code roots} are kept (one entry per tree and working directory). */
    static byte[] key(FileCache cache, List<java.nio.file.Path> roots) {
        StringBuilder sb = new StringBuilder(java.nio.file.Path.of("").toAbsolutePath().normalize().toString());
        for (java.nio.file.Path r : roots) sb.append('\0').append(r);
        return cache.keyOfHash("program-index/" + ProgramIndex.FORMAT, sb.toString(), new byte[32]);
    }

    /** The outlines kept for the tree, or null (none yet, or an entry that does not read back). */
    static ProgramIndex load(FileCache cache, byte[] key, Interner names) {
        byte[] raw = cache.get(key);
        if (raw == null) return null;
        try {
            ProgramIndex index = ProgramIndex.decode(raw, names);
            index.prepare();
            return index;
        } catch (BinIn.Corrupt e) {
            return null;
        }
    }

    /**
     * Plans a partial link of the files of {@code listing} for findings in the files {@code changed} accepts, from
     * {@code index} ({@link #load}); null when there is no index to plan it from.
     */
    static PartialLink plan(FileCache cache, byte[] key, ProgramIndex index, Scanner.Listing listing, Predicate<String> changed) {
        if (index == null) return null;
        List<String> all = listing.displays();
        Set<String> ch = new HashSet<>();
        for (String p : all) if (changed.test(p)) ch.add(p);
        PartialLink l = new PartialLink(cache, key, index, all, ch);
        Map<String, byte[]> known = listing.knownHashes(cache);
        for (String p : all) {
            ProgramIndex.FileOutline o = index.get(p);
            byte[] h = known.get(p);
            if (o == null || h == null || !Arrays.equals(o.hash(), h)) l.stale.add(p);
        }
        return l;
    }

    /** The files to read first: the changed ones, and those whose outline is missing or older than the file. */
    Predicate<String> first() {
        return p -> changed.contains(p) || stale.contains(p);
    }

    /**
     * Once the first files are read ({@code models}: their models): their outlines into the index, then the other
     * files to read: those of the slice, or all when the link must be whole.
     */
    Predicate<String> then(Map<String, ModelBuilder.FileModel> models) {
        for (String p : all) {
            if (!first().test(p)) continue;
            ModelBuilder.FileModel fm = models.get(p);
            byte[] h = cache.hashOf(p);
            if (fm == null || h == null) continue; // not read (binary, too large, failed): no functions
            ProgramIndex.FileOutline o = index.get(p);
            if (o == null || !Arrays.equals(o.hash(), h)) {
                index.put(fm, h);
                refreshed++;
            }
        }
        int held = 0; // the listed files the index holds: all it holds, unless some are gone
        for (String p : all) if (index.get(p) != null) held++;
        int before = index.size();
        if (held != before) { // files gone: their outlines go
            index.retain(new HashSet<>(all));
            refreshed += before - index.size();
        }
        String m = definesMasks(changed, models);
        if (m != null) {
            whyWhole = m;
            return p -> true;
        }
        linked = new HashSet<>(index.slice(all, changed));
        linked.addAll(changed);
        return linked::contains;
    }

    /** Why the changed files need the whole program (a mask macro they define), or null. */
    private static String definesMasks(Set<String> changed, Map<String, ModelBuilder.FileModel> models) {
        for (String p : new java.util.TreeSet<>(changed)) {
            ModelBuilder.FileModel fm = models.get(p);
            if (fm == null) continue;
            for (ModelBuilder.MacroText t : fm.gfpMacros()) {
                if (t.params() == null && t.line() > 0) return p + " defines " + t.name() + ", which allocations anywhere may use";
            }
        }
        return null;
    }

    /** Whether the run links part of the program (else it fell back to the whole of it). */
    boolean partial() {
        return linked != null;
    }

    /** What the model adds for the files left out: their macros and declarations, and the outlines of all. */
    void complete(ModelBuilder builder) {
        if (!partial()) return;
        for (String p : all) {
            if (linked.contains(p)) continue;
            ModelBuilder.FileModel g = index.globals(p);
            if (g != null) builder.add(g);
        }
        builder.linkingPartOf(index, all);
    }

    /** Stores the index when this run made {@link #SAVE_AFTER} outlines again or more. */
    void save() {
        if (refreshed >= SAVE_AFTER) cache.put(key, index.encode());
    }

    /** "linked 1,433 of 59,932 files: ..." or why the whole program was linked. */
    String summary() {
        if (!partial()) return "gfplint: linked all " + all.size() + " files: " + whyWhole;
        return String.format(java.util.Locale.ROOT, "gfplint: linked %d of %d files: the %d changed, the callers of their"
                + " functions and what those call", linked.size(), all.size(), changed.size());
    }

    /** The outlines of a whole link's files ({@code models}), stored for the next partial one. */
    static void saveWhole(FileCache cache, byte[] key, List<String> all, Map<String, ModelBuilder.FileModel> models) {
        ProgramIndex index = new ProgramIndex();
        for (String p : all) {
            ModelBuilder.FileModel fm = models.get(p);
            byte[] h = cache.hashOf(p);
            if (fm != null && h != null) index.put(fm, h);
        }
        cache.put(key, index.encode());
    }
}
