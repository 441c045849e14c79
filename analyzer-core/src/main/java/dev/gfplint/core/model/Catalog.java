package dev.gfplint.core.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the model knows about the kernel's allocation API, as data: allocators with the position of their
 * gfp argument or their implicit mask, the memalloc scope APIs, functions that leave a scope open, functions
 * that compute a mask, and behaviour that changed between versions. Read from {@code allocators.conf} and
 * {@code scopes.conf}; users add entries in the same format. {@link #forVersion} selects what applies to one
 * kernel version.
 */
public final class Catalog {
    public enum Family { SLAB, PAGE, VMALLOC, KVMALLOC, MEMPOOL, BIO, SKB, DEVM, DMA, STRING, IDR, XARRAY, RADIX, PERCPU, OTHER }

    /** A version range: since inclusive, until exclusive; null for open ends. */
    public record Range(KernelVersion since, KernelVersion until) {
        public static final Range ALL = new Range(null, null);

        public boolean contains(KernelVersion v) {
            return (since == null || v.atLeast(since)) && (until == null || v.before(until));
        }
    }

    /**
     * An allocation entry point. {@code gfpArg} is -1 when the mask is implicit ({@code implicitMask}); when
     * the gfp argument is optional, {@code implicitMask} is what a call that omits it gets.
     */
    public record Allocator(String name, int gfpArg, MaskExpr implicitMask, Family family, boolean nofail, Range range) {
        public boolean implicit() {
            return gfpArg < 0;
        }
    }

    /** memalloc_*_save/restore. {@code scopes} is a {@link Scope} bit set, or -1 when {@code flagsArg} names them. */
    public record ScopeApi(String name, boolean save, int scopes, int flagsArg, Range range) {}

    /** A function that returns with a scope open; {@code closedBy} ends it. */
    public record ScopeOpener(String name, int scopes, String closedBy, Range range) {}

    /** A call that changes the execution context: takes, drops or tries a lock or section of {@code kinds}. */
    public record ContextApi(String name, Effect effect, int kinds, int lockArg, Range range) {
        public enum Effect { ACQUIRE, RELEASE, TRYLOCK }
    }

    /** A function that registers a callback (argument {@code fnArg}) that runs in {@code kinds}. */
    public record Callback(String name, int fnArg, int kinds, Range range) {}

    /** A versioned form of an allocator with its number of arguments at the call ({@code args=N}). */
    public record Form(Allocator allocator, int args) {}

    /** The forms given with args=, by name, over every version. */
    private final Map<String, List<Form>> forms = new HashMap<>();

    /** A named value of a section that applies in {@code range}. */
    private record Ranged<T>(String name, T value, Range range) {
        /** Puts into {@code out} the values that apply to {@code v}, by name (a later line wins). */
        static <T> void select(List<Ranged<T>> in, KernelVersion v, Map<String, T> out) {
            for (Ranged<T> r : in) if (r.range.contains(v)) out.put(r.name, r.value);
        }
    }

    public static final class FormatException extends Exception {
        public FormatException(String m) {
            super(m);
        }
    }

    private final List<Allocator> allocators = new ArrayList<>();
    private final List<ScopeApi> scopeApis = new ArrayList<>();
    private final List<ScopeOpener> openers = new ArrayList<>();
    private final Map<String, MacroDef> maskFunctions = new LinkedHashMap<>();
    private final Map<String, List<Object[]>> pfFlags = new LinkedHashMap<>();
    private final List<Object[]> behaviours = new ArrayList<>();
    private final List<ContextApi> contextApis = new ArrayList<>();
    private final List<Ranged<Integer>> guardClasses = new ArrayList<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private final List<Ranged<Boolean>> contextTests = new ArrayList<>();
    private final List<Ranged<Integer>> lockDropping = new ArrayList<>();
    private final java.util.Set<String> earlyBoot = new java.util.HashSet<>();
    private final List<Ranged<Integer>> atomicFields = new ArrayList<>();
    private final List<Ranged<List<String>>> reclaimEntries = new ArrayList<>();
    private final List<Ranged<Integer>> pageFillers = new ArrayList<>();

    private Catalog() {}

    /** The built-in catalog. */
    public static Catalog defaults() {
        try {
            Catalog c = new Catalog();
            c.read(FlagTable.resource("/dev/gfplint/core/model/allocators.conf"), "allocators.conf");
            c.read(FlagTable.resource("/dev/gfplint/core/model/scopes.conf"), "scopes.conf");
            c.read(FlagTable.resource("/dev/gfplint/core/model/contexts.conf"), "contexts.conf");
            return c;
        } catch (FormatException e) {
            throw new IllegalStateException("built-in catalog: " + e.getMessage(), e);
        }
    }

    /** The built-in catalog plus users' files in the same format. */
    public static Catalog withExtensions(List<Path> files) throws IOException, FormatException {
        Catalog c = defaults();
        for (Path p : files) c.read(dev.gfplint.core.scan.DataFiles.read(p, StandardCharsets.UTF_8), p.toString());
        return c;
    }

    /**
     * The built-in catalog plus users' entries given as text, each paired with the name its errors start with
     * (a file name, say): entries whose text does not come straight from a file, e.g. a configuration's.
     */
    public static Catalog withExtensionTexts(List<Map.Entry<String, String>> texts) throws FormatException {
        Catalog c = defaults();
        for (Map.Entry<String, String> t : texts) c.read(t.getValue(), t.getKey());
        return c;
    }

    private void read(String text, String origin) throws FormatException {
        String section = null;
        int ln = 0;
        for (String raw : text.split("\n")) {
            ln++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            String where = origin + ":" + ln + ": ";
            if (section == null) throw new FormatException(where + "entry before any [section]");
            try {
                entry(section, line.split("\\s+"), where + "");
            } catch (IllegalArgumentException e) {
                throw new FormatException(where + e.getMessage());
            }
        }
    }

    private void entry(String section, String[] f, String where) throws FormatException {
        Map<String, String> kv = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < f.length; i++) {
            int eq = f[i].indexOf('=');
            if (eq > 0) kv.put(f[i].substring(0, eq), f[i].substring(eq + 1));
            else positional.add(f[i]);
        }
        Range range = new Range(kv.containsKey("since") ? KernelVersion.parse(kv.get("since")) : null,
                kv.containsKey("until") ? KernelVersion.parse(kv.get("until")) : null);
        String name = f[0];
        switch (section) {
            case "allocators" -> {
                Family fam = Family.valueOf(require(kv, "family", where).toUpperCase(Locale.ROOT));
                boolean nofail = positional.contains("nofail");
                if (kv.containsKey("gfp")) {
                    MaskExpr dflt = kv.containsKey("default") ? MaskParser.parse(kv.get("default")) : null;
                    if (dflt != null && dflt.isUnknown()) throw new FormatException(where + "cannot parse default " + kv.get("default"));
                    Allocator a = new Allocator(name, Integer.parseInt(kv.get("gfp")), dflt, fam, nofail, range);
                    allocators.add(a);
                    if (kv.containsKey("args")) forms.computeIfAbsent(name, k -> new ArrayList<>()).add(new Form(a, Integer.parseInt(kv.get("args"))));
                } else if (kv.containsKey("mask")) {
                    MaskExpr m = MaskParser.parse(kv.get("mask"));
                    if (m.isUnknown()) throw new FormatException(where + "cannot parse mask " + kv.get("mask"));
                    allocators.add(new Allocator(name, -1, m, fam, nofail, range));
                } else {
                    throw new FormatException(where + name + ": needs gfp=INDEX or mask=EXPR");
                }
            }
            case "scope-apis" -> {
                if (positional.isEmpty()) throw new FormatException(where + name + ": needs save or restore");
                boolean save = switch (positional.get(0)) {
                    case "save" -> true;
                    case "restore" -> false;
                    default -> throw new FormatException(where + "expected save or restore, not " + positional.get(0));
                };
                if (kv.containsKey("flags")) {
                    scopeApis.add(new ScopeApi(name, save, -1, Integer.parseInt(kv.get("flags")), range));
                } else {
                    if (positional.size() < 2) throw new FormatException(where + name + ": needs a scope");
                    scopeApis.add(new ScopeApi(name, save, Scope.parse(positional.get(1)).bit(), -1, range));
                }
            }
            case "scope-openers" -> {
                int scopes = Scope.parse(require(kv, "opens", where)).bit();
                openers.add(new ScopeOpener(name, scopes, kv.get("closed-by"), range));
            }
            case "nofs-regions" -> openers.add(new ScopeOpener(name, Scope.REGION.bit(), require(kv, "closed-by", where), range));
            case "mask-functions" -> {
                String body = String.join(" ", java.util.Arrays.copyOfRange(f, 1, f.length));
                if (!body.startsWith("mask=")) throw new FormatException(where + name + ": needs mask=EXPR");
                List<String> params = new ArrayList<>();
                for (int i = 0; i < 8; i++) params.add("a" + i);
                MacroDef d = MacroDef.of(name, params, body.substring(5), "catalog");
                if (d.body().isUnknown() && !body.contains("__GFP_UNKNOWN"))
                    throw new FormatException(where + "cannot parse " + body);
                maskFunctions.put(name, d);
            }
            case "pf-flags" -> {
                if (positional.isEmpty()) throw new FormatException(where + name + ": needs a scope");
                pfFlags.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new Object[] {Scope.parse(positional.get(0)).bit(), range});
            }
            case "behaviours" -> {
                if (positional.size() < 2) throw new FormatException(where + "expected FAMILY BEHAVIOUR VALUE");
                behaviours.add(new Object[] {name, positional.get(0), positional.get(1), range});
            }
            case "context-apis" -> {
                if (positional.size() < 2) throw new FormatException(where + name + ": expected acquire|release|trylock KINDS");
                ContextApi.Effect e = switch (positional.get(0)) {
                    case "acquire" -> ContextApi.Effect.ACQUIRE;
                    case "release" -> ContextApi.Effect.RELEASE;
                    case "trylock" -> ContextApi.Effect.TRYLOCK;
                    default -> throw new FormatException(where + "expected acquire, release or trylock, not " + positional.get(0));
                };
                int lock = kv.containsKey("lock") ? Integer.parseInt(kv.get("lock")) : -1;
                contextApis.add(new ContextApi(name, e, ExecKind.parseSet(positional.get(1)), lock, range));
            }
            case "context-guards" -> {
                if (positional.isEmpty()) throw new FormatException(where + name + ": needs KINDS");
                guardClasses.add(new Ranged<>(name, ExecKind.parseSet(positional.get(0)), range));
            }
            case "atomic-callbacks" -> {
                if (positional.isEmpty()) throw new FormatException(where + name + ": needs KINDS");
                callbacks.add(new Callback(name, Integer.parseInt(require(kv, "fn", where)), ExecKind.parseSet(positional.get(0)), range));
            }
            case "context-tests" -> {
                String t = require(kv, "true", where);
                if (!t.equals("atomic") && !t.equals("blocking")) throw new FormatException(where + "true= takes atomic or blocking, not " + t);
                contextTests.add(new Ranged<>(name, t.equals("atomic"), range));
            }
            case "early-boot" -> earlyBoot.add(name);
            case "atomic-fields" -> {
                if (positional.isEmpty()) throw new FormatException(where + name + ": needs KINDS");
                atomicFields.add(new Ranged<>(name, ExecKind.parseSet(positional.get(0)), range));
            }
            case "reclaim-entries" -> {
                if (positional.isEmpty()) throw new FormatException(where + name + ": needs the member names");
                reclaimEntries.add(new Ranged<>(name, List.copyOf(positional), range));
            }
            case "page-fillers" -> pageFillers.add(new Ranged<>(name, Integer.parseInt(require(kv, "fn", where)), range));
            case "lock-dropping" -> lockDropping.add(new Ranged<>(name, Integer.parseInt(require(kv, "lock", where)), range));
            default -> throw new FormatException(where + "unknown section [" + section + "]");
        }
    }

    private static String require(Map<String, String> kv, String k, String where) throws FormatException {
        String v = kv.get(k);
        if (v == null) throw new FormatException(where + "missing " + k + "=");
        return v;
    }

    /** Everything in the catalog, all versions. */
    public List<Allocator> allAllocators() {
        return Collections.unmodifiableList(allocators);
    }

    /** The catalog as it applies to one kernel version. */
    public View forVersion(KernelVersion v) {
        return new View(this, v);
    }

    /** The entries that apply to one version, indexed by name. */
    public static final class View {
        private final KernelVersion version;
        private final Map<String, Allocator> allocators = new HashMap<>();
        private final Map<String, ScopeApi> scopeApis = new HashMap<>();
        private final List<ScopeApi> scopeApiOrder = new ArrayList<>();
        private final Map<String, ScopeOpener> openers = new HashMap<>();
        private final Map<String, ScopeOpener> closers = new HashMap<>();
        private final Map<String, Integer> pf = new HashMap<>();
        private final Map<String, String> behaviours = new HashMap<>();
        private final Map<String, MacroDef> maskFunctions;
        private final Map<String, ContextApi> contextApis = new HashMap<>();
        private final Map<String, Integer> guardClasses = new HashMap<>();
        private final Map<String, Callback> callbacks = new HashMap<>();
        private final Map<String, Boolean> contextTests = new HashMap<>();
        private final Map<String, Integer> lockDropping = new HashMap<>();
        private final Map<String, List<Form>> forms;
        private final java.util.Set<String> earlyBoot;
        private final Map<String, Integer> atomicFields = new HashMap<>();
        private final Map<String, java.util.Set<String>> reclaimFields = new HashMap<>();
        private final Map<String, String> reclaimOwner = new HashMap<>();
        private final Map<String, Integer> pageFillers = new HashMap<>();

        View(Catalog c, KernelVersion v) {
            for (Ranged<List<String>> r : c.reclaimEntries) {
                if (!r.range.contains(v)) continue;
                reclaimFields.computeIfAbsent(r.name, k -> new java.util.HashSet<>()).addAll(r.value);
                for (String m : r.value) reclaimOwner.putIfAbsent(m, r.name);
            }
            Ranged.select(c.pageFillers, v, pageFillers);
            for (ContextApi a : c.contextApis) if (a.range.contains(v)) contextApis.put(a.name, a);
            Ranged.select(c.guardClasses, v, guardClasses);
            for (Callback b : c.callbacks) if (b.range.contains(v)) callbacks.put(b.name, b);
            Ranged.select(c.contextTests, v, contextTests);
            Ranged.select(c.lockDropping, v, lockDropping);
            Ranged.select(c.atomicFields, v, atomicFields);
            this.version = v;
            for (Allocator a : c.allocators) if (a.range.contains(v)) allocators.put(a.name, a);
            for (ScopeApi s : c.scopeApis) {
                if (!s.range.contains(v)) continue;
                scopeApis.put(s.name, s);
                scopeApiOrder.add(s);
            }
            for (ScopeOpener o : c.openers) {
                if (!o.range.contains(v)) continue;
                openers.put(o.name, o);
                if (o.closedBy != null) closers.put(o.closedBy, o);
            }
            for (var e : c.pfFlags.entrySet())
                for (Object[] x : e.getValue()) if (((Range) x[1]).contains(v)) pf.put(e.getKey(), (Integer) x[0]);
            for (Object[] b : c.behaviours)
                if (((Range) b[3]).contains(v)) behaviours.put(b[0] + " " + b[1], (String) b[2]);
            this.maskFunctions = c.maskFunctions;
            this.forms = c.forms;
            this.earlyBoot = c.earlyBoot;
            contextNames.addAll(contextApis.keySet());
            contextNames.addAll(contextTests.keySet());
            contextNames.addAll(lockDropping.keySet());
            contextNames.add("guard"); // guard(kind)(lock) and scoped_guard(kind, lock) { ... }: C's cleanup scopes
            contextNames.add("scoped_guard");
        }

        /** Every name {@link #changesContext} says yes to. */
        private final java.util.Set<String> contextNames = new java.util.HashSet<>();

        /**
         * Whether a call of this name takes, drops or tests a context, or drops a lock around its own allocation
         * (a context API, a context test, a lock-dropping API, or a guard): one look-up instead of four, for every
         * call of every function.
         */
        public boolean changesContext(String name) {
            return contextNames.contains(name);
        }

        public KernelVersion version() { return version; }
        /** A call that takes, drops or tries a lock or an atomic section, or null. */
        public ContextApi contextApi(String name) { return contextApis.get(name); }
        /** The kinds a guard class holds ({@code guard(spinlock)}, {@code scoped_guard(rcu)}), or null. */
        public Integer guardClass(String name) { return guardClasses.get(name); }
        /** A function that registers a callback running in an atomic context, or null. */
        public Callback callback(String name) { return callbacks.get(name); }
        /** For a test of the context: TRUE when the test holding means atomic, FALSE when it means blocking is allowed. */
        public Boolean contextTest(String name) { return contextTests.get(name); }
        /** The context a function stored in a member of this name runs in ([atomic-fields]), or null. */
        public Integer atomicField(String field) { return atomicFields.get(field); }
        /**
         * The operations struct whose member {@code field} reclaim or writeback calls ([reclaim-entries]), or null:
         * for an initializer of struct {@code type}, that struct's members; for an initializer without a struct
         * tag ({@code type} empty) or an assignment to a member ({@code s->scan_objects = fn}), the member name.
         */
        public String reclaimEntry(String type, String field) {
            if (type == null || type.isEmpty()) return reclaimOwner.get(field);
            java.util.Set<String> fs = reclaimFields.get(type);
            return fs != null && fs.contains(field) ? type : null;
        }
        /** The argument of a page-cache read that holds the filler, run with the page locked ([page-fillers]), or null. */
        public Integer pageFiller(String name) { return pageFillers.get(name); }
        /** Whether an annotation marks early-boot code ([early-boot]). */
        public boolean isEarlyBootAnnotation(String word) { return earlyBoot.contains(word); }
        /** The argument holding the lock that a call drops around its own allocation, or null. */
        public Integer lockDropping(String name) { return lockDropping.get(name); }

        /** The versioned forms of allocator {@code name} with their argument counts, whatever the version judged. */
        public List<Form> forms(String name) { return forms.getOrDefault(name, List.of()); }
        public Allocator allocator(String name) { return allocators.get(name); }
        public ScopeApi scopeApi(String name) { return scopeApis.get(name); }

        /**
         * The save ({@code save}) or restore API of this version that opens or closes exactly the scopes
         * {@code scopeBits} ({@link Scope} bits), the first in catalog order; null when none does.
         */
        public ScopeApi scopeApiFor(int scopeBits, boolean save) {
            for (ScopeApi a : scopeApiOrder) {
                if (a.save() == save && a.scopes() == scopeBits) return a;
            }
            return null;
        }
        public ScopeOpener opener(String name) { return openers.get(name); }
        /** The opener that {@code name} closes, if {@code name} is a closing call. */
        public ScopeOpener closes(String name) { return closers.get(name); }
        public Integer pfFlag(String name) { return pf.get(name); }

        /** The scopes a PF_* flags argument names, e.g. memalloc_flags_save(PF_MEMALLOC_NOFS | PF_MEMALLOC_NOIO). */
        public int pfScopes(dev.gfplint.core.ir.Expr e) {
            if (e == null) return 0;
            int[] s = {0};
            e.forEach(x -> {
                if (x.kind() == dev.gfplint.core.ir.Expr.Kind.NAME) {
                    Integer b = pf.get(x.name());
                    if (b != null) s[0] |= b;
                }
            });
            return s[0];
        }
        public int allocatorCount() { return allocators.size(); }
        public java.util.Collection<Allocator> allocators() { return Collections.unmodifiableCollection(allocators.values()); }

        /** A version-dependent behaviour, e.g. ("vmalloc", "nofs-noio") → "ignored"; null when not described. */
        public String behaviour(String family, String what) {
            return behaviours.get(family + " " + what);
        }

        /** The catalog's mask-computing functions as a macro environment (arguments are a0, a1, ...). */
        public MacroEnv maskFunctions() {
            return (n, f) -> maskFunctions.get(n);
        }

        /** Whether a call to {@code name} is something the model needs to see (an allocator, a scope API, ...). */
        public boolean known(String name) {
            return allocators.containsKey(name) || scopeApis.containsKey(name) || openers.containsKey(name)
                    || closers.containsKey(name) || maskFunctions.containsKey(name);
        }
    }
}
