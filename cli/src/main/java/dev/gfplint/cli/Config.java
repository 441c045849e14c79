package dev.gfplint.cli;

import dev.gfplint.core.model.Catalog;
import dev.gfplint.core.model.KernelVersion;
import dev.gfplint.rules.Level;
import dev.gfplint.rules.Rules;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * The user's configuration, {@code .gfplint.yaml}: the kernel version to judge the code as, rule levels, paths to
 * leave out, and extra allocators and NOFS regions for the catalog. Immutable; {@link #load} checks everything, so
 * a loaded config is usable as is. Every error names the file and the line of the key or value at fault.
 *
 * <p>Values are read as the text written in the file (the YAML node's scalar), never as what YAML 1.1 would
 * make of it: {@code off} is a level, not the boolean false, and {@code 6.10} is a version, not the number 6.1.
 */
public final class Config {
    public static final String FILE_NAME = ".gfplint.yaml";

    /** The top-level keys, in the order the messages list them. */
    public static final List<String> KEYS = List.of("kernel-version", "rules", "exclude", "allocators", "nofs-regions");

    private static final List<String> LEVELS = List.of("off", "note", "warning", "error");
    private static final List<String> ALLOCATOR_KEYS =
            List.of("name", "gfp-arg", "mask", "default", "family", "since", "until", "nofail");
    private static final List<String> REGION_KEYS = List.of("begin", "end", "since", "until");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern INDEX = Pattern.compile("[0-9]{1,4}");

    /** An allocator the configuration adds: {@code gfpArg} is its gfp argument's 0-based position, -1 with a mask. */
    public record Allocator(String name, int gfpArg, String mask, String defaultMask, Catalog.Family family,
                            boolean nofail, KernelVersion since, KernelVersion until, int line) {
        /** This entry as a line of the catalog's [allocators] section. */
        String catalogLine() {
            StringBuilder b = new StringBuilder(name);
            if (gfpArg >= 0) b.append(" gfp=").append(gfpArg);
            else b.append(" mask=").append(mask);
            if (defaultMask != null) b.append(" default=").append(defaultMask);
            b.append(" family=").append(family.name().toLowerCase(Locale.ROOT));
            return b.append(versions(since, until)).append(nofail ? " nofail" : "").toString();
        }
    }

    /** A region that needs NOFS but opens no scope: from a call to {@code begin} to a call to {@code end}. */
    public record NofsRegion(String begin, String end, KernelVersion since, KernelVersion until, int line) {
        /** This entry as a line of the catalog's [nofs-regions] section. */
        String catalogLine() {
            return begin + " closed-by=" + end + versions(since, until);
        }
    }

    private final Path file;
    private final Path directory;
    private final KernelVersion kernelVersion;
    private final Map<String, Level> levels;
    private final Set<String> disabled;
    private final List<String> excludes;
    private final List<PathMatcher> matchers;
    private final List<Allocator> allocators;
    private final List<NofsRegion> regions;
    private final String catalogText;
    private final Catalog catalog;

    private Config(Path file, KernelVersion kernelVersion, Map<String, Level> levels, Set<String> disabled,
                   List<String> excludes, List<PathMatcher> matchers, List<Allocator> allocators,
                   List<NofsRegion> regions, String catalogText, Catalog catalog) {
        this.file = file;
        this.directory = file == null ? null : file.toAbsolutePath().normalize().getParent();
        this.kernelVersion = kernelVersion;
        this.levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        this.disabled = Collections.unmodifiableSet(new LinkedHashSet<>(disabled));
        this.excludes = List.copyOf(excludes);
        this.matchers = List.copyOf(matchers);
        this.allocators = List.copyOf(allocators);
        this.regions = List.copyOf(regions);
        this.catalogText = catalogText;
        this.catalog = catalog;
    }

    /** No configuration: nothing set, nothing excluded, the built-in catalog. */
    public static Config empty() {
        return new Config(null, null, Map.of(), Set.of(), List.of(), List.of(), List.of(), List.of(), "",
                Catalog.defaults());
    }

    /**
     * The nearest {@value #FILE_NAME}: in {@code start} (or, when {@code start} is not a directory, the directory
     * that holds it) or else in the closest of its ancestors that has one.
     */
    public static Optional<Path> findNearest(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) dir = dir.getParent();
        for (; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            // the tree's own file, not a link planted to read something else (its text would show in error lines)
            if (Files.isRegularFile(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** Reads and checks a configuration file. */
    public static Config load(Path file) throws ConfigException {
        String text;
        try {
            text = dev.gfplint.core.scan.DataFiles.read(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigException(file, 0, "cannot read: not UTF-8 text");
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, 0, "cannot read: no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigException(file, 0, "cannot read: permission denied");
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getMessage());
        }
        return new Loader(file).load(text);
    }

    /** The file this configuration was read from; empty for {@link #empty()}. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The kernel version to judge the code as, when the file sets one. */
    public Optional<KernelVersion> kernelVersion() {
        return Optional.ofNullable(kernelVersion);
    }

    /** Whether the rule runs: every rule does unless the file sets it {@code off}. */
    public boolean enabled(String ruleId) {
        return !disabled.contains(ruleId);
    }

    /** The level the file sets for the rule's findings; empty when it sets none (or sets the rule off). */
    public Optional<Level> level(String ruleId) {
        return Optional.ofNullable(levels.get(ruleId));
    }

    /** The rules set {@code off}, in file order. */
    public Set<String> disabledRules() {
        return disabled;
    }

    /** The rules given a level, in file order. */
    public Map<String, Level> ruleLevels() {
        return levels;
    }

    /** The exclude patterns, as written (less a leading {@code ./}). */
    public List<String> excludes() {
        return excludes;
    }

    /**
     * Whether {@code file} is excluded: its path relative to the configuration's directory, or one of that path's
     * parent directories, matches an exclude glob ({@link java.nio.file.FileSystem#getPathMatcher "glob:"} syntax;
     * a pattern that starts with {@code **}{@code /} also matches at the top). A relative {@code file} is taken
     * relative to the current directory, as every relative {@link Path} is. Files outside the configuration's
     * directory are never excluded.
     */
    public boolean excluded(Path file) {
        if (matchers.isEmpty()) return false;
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(directory) || abs.equals(directory)) return false;
        for (Path p = directory.relativize(abs); p != null; p = p.getParent()) {
            for (PathMatcher m : matchers) if (m.matches(p)) return true;
        }
        return false;
    }

    /** The allocators the file adds, in file order. */
    public List<Allocator> allocators() {
        return allocators;
    }

    /** The NOFS regions the file adds, in file order. */
    public List<NofsRegion> nofsRegions() {
        return regions;
    }

    /** The allocators and NOFS regions in the catalog's format; empty when the file adds none. */
    public String catalogText() {
        return catalogText;
    }

    /**
     * The catalog text named by the file, for {@link Catalog#withExtensionTexts} beside other extensions; an empty
     * list when the file adds nothing.
     */
    public List<Map.Entry<String, String>> catalogExtensions() {
        return catalogText.isEmpty() ? List.of() : List.of(Map.entry(file.toString(), catalogText));
    }

    /** The built-in catalog plus this file's entries (already checked by {@link #load}). */
    public Catalog catalog() {
        return catalog;
    }

    private static String versions(KernelVersion since, KernelVersion until) {
        return (since != null ? " since=" + since : "") + (until != null ? " until=" + until : "");
    }

    /** One load: the file's name for messages and what has been read so far. */
    private static final class Loader {
        private final Path file;
        private KernelVersion kernelVersion;
        private final Map<String, Level> levels = new LinkedHashMap<>();
        private final Set<String> disabled = new LinkedHashSet<>();
        private final List<String> excludes = new ArrayList<>();
        private final List<PathMatcher> matchers = new ArrayList<>();
        private final List<Allocator> allocators = new ArrayList<>();
        private final List<NofsRegion> regions = new ArrayList<>();

        Loader(Path file) {
            this.file = file;
        }

        Config load(String text) throws ConfigException {
            Node root = compose(text);
            if (root != null && !isNull(root)) {
                if (!(root instanceof MappingNode m))
                    throw error(root, "the top level must be a mapping of keys (" + String.join(", ", KEYS)
                            + "), not " + describe(root));
                for (Map.Entry<String, NodeTuple> e : entries(m, "top level").entrySet()) {
                    Node v = e.getValue().getValueNode();
                    switch (e.getKey()) {
                        case "kernel-version" -> kernelVersion(v);
                        case "rules" -> rules(v);
                        case "exclude" -> exclude(v);
                        case "allocators" -> allocators(v);
                        case "nofs-regions" -> regions(v);
                        default -> throw error(e.getValue().getKeyNode(), "unknown key '" + e.getKey()
                                + "' (expected one of: " + String.join(", ", KEYS) + ")");
                    }
                }
            }
            return catalogue();
        }

        private Node compose(String text) throws ConfigException {
            try {
                return new Yaml().compose(new StringReader(text));
            } catch (MarkedYAMLException e) {
                Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
                // SnakeYAML splits some messages: "expected a single document in the stream" + "but found another document".
                if (e.getProblem() != null && e.getContext() != null && e.getProblem().startsWith("but "))
                    problem = e.getContext() + ", " + e.getProblem();
                throw new ConfigException(file, m == null ? 0 : m.getLine() + 1, "YAML syntax error: " + problem);
            } catch (ReaderException e) {
                throw new ConfigException(file, lineAt(text, e.getPosition()), String.format(Locale.ROOT,
                        "YAML syntax error: character U+%04X is not allowed", e.getCodePoint()));
            } catch (YAMLException e) {
                throw new ConfigException(file, 0, "YAML error: " + e.getMessage());
            }
        }

        private void kernelVersion(Node v) throws ConfigException {
            String s = scalar(v, "kernel-version");
            KernelVersion k;
            try {
                k = KernelVersion.parse(s);
            } catch (IllegalArgumentException e) {
                throw error(v, "kernel-version '" + s + "' is not a kernel version X.Y (e.g. \"6.1\")");
            }
            if (k.before(KernelVersion.OLDEST))
                throw error(v, "kernel-version " + k + " is older than the oldest modelled version " + KernelVersion.OLDEST);
            kernelVersion = k;
        }

        private void rules(Node v) throws ConfigException {
            if (isNull(v)) return;
            if (!(v instanceof MappingNode m))
                throw error(v, "rules must be a mapping of rule id to level (off, note, warning, error), not " + describe(v));
            List<String> ids = Rules.ids();
            for (Map.Entry<String, NodeTuple> e : entries(m, "rules").entrySet()) {
                String id = e.getKey();
                if (!ids.contains(id))
                    throw error(e.getValue().getKeyNode(), "unknown rule '" + id + "' (expected one of: " + String.join(", ", ids) + ")");
                Node lv = e.getValue().getValueNode();
                if (!(lv instanceof ScalarNode s))
                    throw error(lv, "rule '" + id + "': the level must be one of off, note, warning, error, not " + describe(lv));
                switch (s.getValue()) {
                    case "off" -> disabled.add(id);
                    case "note" -> levels.put(id, Level.NOTE);
                    case "warning" -> levels.put(id, Level.WARNING);
                    case "error" -> levels.put(id, Level.ERROR);
                    default -> throw error(lv, "rule '" + id + "': level '" + s.getValue() + "' is not one of "
                            + String.join(", ", LEVELS));
                }
            }
        }

        private void exclude(Node v) throws ConfigException {
            if (isNull(v)) return;
            if (!(v instanceof SequenceNode seq)) throw error(v, "exclude must be a list of glob patterns, not " + describe(v));
            for (Node n : seq.getValue()) {
                String p = scalar(n, "an exclude pattern");
                while (p.startsWith("./")) p = p.substring(2);
                if (p.isEmpty()) throw error(n, "an exclude pattern is empty");
                if (p.startsWith("/"))
                    throw error(n, "exclude pattern '" + p + "' must be relative to the directory of " + FILE_NAME);
                try {
                    matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + p));
                    if (p.startsWith("**/")) matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + p.substring(3)));
                } catch (PatternSyntaxException e) {
                    throw error(n, "exclude pattern '" + p + "' is not a valid glob: " + e.getDescription());
                }
                excludes.add(p);
            }
        }

        private void allocators(Node v) throws ConfigException {
            for (MappingNode m : entryList(v, "allocators", "{name: NAME, gfp-arg: N, family: FAMILY}")) {
                Map<String, NodeTuple> kv = entries(m, "allocator", ALLOCATOR_KEYS);
                String name = identifier(kv, m, "name", "allocator");
                String what = "allocator '" + name + "'";
                NodeTuple fam = required(kv, m, "family", what);
                String f = scalar(fam.getValueNode(), what + ": family");
                List<String> families = Arrays.stream(Catalog.Family.values())
                        .map(x -> x.name().toLowerCase(Locale.ROOT)).toList();
                if (!families.contains(f))
                    throw error(fam.getValueNode(), what + ": family '" + f + "' is not one of " + String.join(", ", families));
                NodeTuple gfp = kv.get("gfp-arg");
                NodeTuple mask = kv.get("mask");
                NodeTuple dflt = kv.get("default");
                if (gfp == null && mask == null)
                    throw error(m, what + " needs gfp-arg (the 0-based position of its gfp argument) or mask (its implicit mask)");
                if (gfp != null && mask != null)
                    throw error(mask.getKeyNode(), what + " has both gfp-arg and mask; give one");
                if (dflt != null && gfp == null)
                    throw error(dflt.getKeyNode(), what + ": default (the mask a call without the gfp argument gets) needs gfp-arg");
                int index = -1;
                if (gfp != null) {
                    String s = scalar(gfp.getValueNode(), what + ": gfp-arg");
                    if (!INDEX.matcher(s).matches())
                        throw error(gfp.getValueNode(), what + ": gfp-arg must be the 0-based position of the gfp argument, not '" + s + "'");
                    index = Integer.parseInt(s);
                }
                boolean nofail = false;
                NodeTuple nf = kv.get("nofail");
                if (nf != null) {
                    String s = scalar(nf.getValueNode(), what + ": nofail");
                    if (!s.equals("true") && !s.equals("false"))
                        throw error(nf.getValueNode(), what + ": nofail must be true or false, not '" + s + "'");
                    nofail = s.equals("true");
                }
                KernelVersion[] range = range(kv, what);
                allocators.add(new Allocator(name, index, mask == null ? null : maskText(mask, what + ": mask"),
                        dflt == null ? null : maskText(dflt, what + ": default"), Catalog.Family.valueOf(f.toUpperCase(Locale.ROOT)),
                        nofail, range[0], range[1], line(m)));
            }
        }

        private void regions(Node v) throws ConfigException {
            for (MappingNode m : entryList(v, "nofs-regions", "{begin: NAME, end: NAME}")) {
                Map<String, NodeTuple> kv = entries(m, "NOFS region", REGION_KEYS);
                String begin = identifier(kv, m, "begin", "NOFS region");
                String end = identifier(kv, m, "end", "NOFS region '" + begin + "'");
                KernelVersion[] range = range(kv, "NOFS region '" + begin + "'");
                regions.add(new NofsRegion(begin, end, range[0], range[1], line(m)));
            }
        }

        /** The catalog text of the allocators and regions, checked by the catalog's own parser. */
        private Config catalogue() throws ConfigException {
            StringBuilder text = new StringBuilder();
            List<Integer> yamlLine = new ArrayList<>(); // by catalog line - 1
            List<String> entryName = new ArrayList<>();
            if (!allocators.isEmpty()) {
                text.append("[allocators]\n");
                yamlLine.add(0);
                entryName.add(null);
                for (Allocator a : allocators) {
                    text.append(a.catalogLine()).append('\n');
                    yamlLine.add(a.line());
                    entryName.add("allocator '" + a.name() + "'");
                }
            }
            if (!regions.isEmpty()) {
                text.append("[nofs-regions]\n");
                yamlLine.add(0);
                entryName.add(null);
                for (NofsRegion r : regions) {
                    text.append(r.catalogLine()).append('\n');
                    yamlLine.add(r.line());
                    entryName.add("NOFS region '" + r.begin() + "'");
                }
            }
            Catalog catalog;
            try {
                catalog = text.length() == 0 ? Catalog.defaults()
                        : Catalog.withExtensionTexts(List.of(Map.entry(file.toString(), text.toString())));
            } catch (Catalog.FormatException e) {
                // "origin:LINE: problem", the origin being ours: point at the YAML entry the catalog line came from.
                String msg = e.getMessage();
                String prefix = file + ":";
                if (msg.startsWith(prefix)) {
                    int colon = msg.indexOf(':', prefix.length());
                    try {
                        int n = Integer.parseInt(msg.substring(prefix.length(), colon));
                        if (n >= 1 && n <= yamlLine.size() && yamlLine.get(n - 1) > 0)
                            throw new ConfigException(file, yamlLine.get(n - 1),
                                    entryName.get(n - 1) + ": " + msg.substring(colon + 1).strip());
                    } catch (NumberFormatException | StringIndexOutOfBoundsException ignored) {
                        // not in the expected form: report it as it is
                    }
                }
                throw new ConfigException(file, 0, "catalog entries: " + msg);
            }
            return new Config(file, kernelVersion, levels, disabled, excludes, matchers, allocators, regions,
                    text.toString(), catalog);
        }

        private List<MappingNode> entryList(Node v, String key, String shape) throws ConfigException {
            if (isNull(v)) return List.of();
            if (!(v instanceof SequenceNode seq))
                throw error(v, key + " must be a list of mappings like " + shape + ", not " + describe(v));
            List<MappingNode> out = new ArrayList<>();
            for (Node n : seq.getValue()) {
                if (!(n instanceof MappingNode m))
                    throw error(n, "each entry of " + key + " must be a mapping like " + shape + ", not " + describe(n));
                out.add(m);
            }
            return out;
        }

        private KernelVersion[] range(Map<String, NodeTuple> kv, String what) throws ConfigException {
            KernelVersion since = version(kv.get("since"), what + ": since");
            KernelVersion until = version(kv.get("until"), what + ": until");
            if (since != null && until != null && !since.before(until))
                throw error(kv.get("until").getValueNode(), what + ": until " + until + " is not after since " + since);
            return new KernelVersion[] {since, until};
        }

        private KernelVersion version(NodeTuple t, String what) throws ConfigException {
            if (t == null) return null;
            String s = scalar(t.getValueNode(), what);
            try {
                return KernelVersion.parse(s);
            } catch (IllegalArgumentException e) {
                throw error(t.getValueNode(), what + " '" + s + "' is not a kernel version X.Y");
            }
        }

        private String identifier(Map<String, NodeTuple> kv, MappingNode m, String key, String what) throws ConfigException {
            NodeTuple t = required(kv, m, key, what);
            String s = scalar(t.getValueNode(), what + ": " + key);
            if (!IDENTIFIER.matcher(s).matches())
                throw error(t.getValueNode(), what + ": " + key + " '" + s + "' is not a C function name");
            return s;
        }

        private String maskText(NodeTuple t, String what) throws ConfigException {
            String s = scalar(t.getValueNode(), what);
            String compact = compactMask(s);
            if (compact == null)
                throw error(t.getValueNode(), what + " '" + s + "' cannot be written in the catalog (a blank between two words, or a '#')");
            return compact;
        }

        private NodeTuple required(Map<String, NodeTuple> kv, MappingNode m, String key, String what) throws ConfigException {
            NodeTuple t = kv.get(key);
            if (t == null) throw error(m, what + ": missing " + key);
            return t;
        }

        /** A mapping's entries by key, rejecting keys that are not plain values and keys given twice. */
        /** {@link #entries(MappingNode, String)}, and every key must be one of {@code keys}. */
        private Map<String, NodeTuple> entries(MappingNode m, String where, List<String> keys) throws ConfigException {
            Map<String, NodeTuple> kv = entries(m, where);
            for (Map.Entry<String, NodeTuple> e : kv.entrySet()) {
                if (!keys.contains(e.getKey()))
                    throw error(e.getValue().getKeyNode(), where + ": unknown key '" + e.getKey()
                            + "' (expected one of: " + String.join(", ", keys) + ")");
            }
            return kv;
        }

        private Map<String, NodeTuple> entries(MappingNode m, String where) throws ConfigException {
            Map<String, NodeTuple> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                Node k = t.getKeyNode();
                if (!(k instanceof ScalarNode s)) throw error(k, where + ": a key must be a plain value, not " + describe(k));
                NodeTuple first = out.putIfAbsent(s.getValue(), t);
                if (first != null)
                    throw error(k, where + ": duplicate key '" + s.getValue() + "' (first at line " + line(first.getKeyNode()) + ")");
            }
            return out;
        }

        private String scalar(Node n, String what) throws ConfigException {
            if (!(n instanceof ScalarNode s)) throw error(n, what + " must be a single value, not " + describe(n));
            if (isNull(n)) throw error(n, what + " has no value");
            return s.getValue();
        }

        private ConfigException error(Node n, String problem) {
            return new ConfigException(file, line(n), problem);
        }
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static String describe(Node n) {
        if (n instanceof MappingNode) return "a mapping";
        if (n instanceof SequenceNode) return "a list";
        if (isNull(n)) return "an empty value";
        return "'" + ((ScalarNode) n).getValue() + "'";
    }

    /** The 1-based line of a code point offset in {@code text}. */
    private static int lineAt(String text, int codePoints) {
        int line = 1;
        int[] cps = text.codePoints().limit(Math.max(0, codePoints)).toArray();
        for (int c : cps) if (c == '\n') line++;
        return line;
    }

    /**
     * A mask expression without blanks, since the catalog separates fields with them: blanks go away between
     * operators and operands; null when a blank separates two words (e.g. a cast to {@code unsigned int}) or the
     * text has a '#' (a catalog comment), which the catalog cannot hold.
     */
    static String compactMask(String s) {
        if (s.indexOf('#') >= 0) return null;
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                b.append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) j++;
            if (b.length() > 0 && j < s.length() && word(b.charAt(b.length() - 1)) && word(s.charAt(j))) return null;
            i = j;
        }
        return b.toString();
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    @Override
    public String toString() {
        return "Config[" + (file == null ? "none" : file) + "]";
    }
}
