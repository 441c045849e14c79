package dev.gfplint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The subsystems of a kernel tree's {@code MAINTAINERS} file, and the subsystems, people and mailing lists that
 * {@code scripts/get_maintainer.pl --nogit --nogit-fallback -f FILE} (Linux 6.12, the script's version 0.26) names
 * for a file. Immutable once built, so one instance can serve several threads.
 *
 * <h2>The file</h2>
 * A tag line is an upper-case letter, a colon and a value ({@code F:\tfs/xfs/}); leading white space of the value is
 * dropped, trailing white space is kept, as the script does. Blank lines and lines whose first non-blank character is
 * {@code #} are ignored and do not end a section. Any other line is a title: a section is the title line followed by
 * a run of tag lines, so the header of the file (titles without tags) produces no section. Tags used here: M
 * (maintainer), R (reviewer), L (list), S (status), F (file pattern), X (excluded pattern) and N (regex); the other
 * letters (W, Q, B, C, P, T, K and unknown ones) are accepted and ignored. Tag lines before the first title are
 * ignored (the script would take the first of them as the title). Lines end at {@code \n}; a {@code \r} before it is
 * dropped, which the script does not do.
 *
 * <h2>Which sections match</h2>
 * An F: or X: pattern is a glob that must match the start of the path, not all of it ({@code F: include/foo.h} also
 * takes {@code include/foo.h.orig}): {@code *} is any run of characters, {@code /} included, {@code ?} is one
 * character, {@code [ch]} (ranges and {@code ^} allowed) one of a set. A pattern ending in {@code /} takes
 * everything below; any other pattern only paths with as many slashes as itself ({@code drivers/net/*} takes
 * {@code drivers/net/a.c} but not {@code drivers/net/b/c.c}). A pattern without a trailing slash that names a
 * directory of the tree gets one; like the script, only patterns free of {@code . * ?} can name a directory (it
 * tests the already rewritten pattern). Patterns using other regex syntax (the script hands the rewritten glob to
 * Perl's regex engine) are skipped and counted in {@link #skippedPatterns()}. An N: line is a Perl regex in
 * extended mode ({@code /x}) searched anywhere in the path; one that java.util.regex cannot compile, or longer than
 * {@value #MAX_REGEX_LENGTH} characters, is skipped and counted; one that needs more than a fixed number of steps on
 * a path is taken as not matching. A section with a matching X: pattern is left out, even if an N: line matches.
 *
 * <h2>Order</h2>
 * A matching F: pattern ranks its section by depth: the number of slashes in the pattern, plus one when it does not
 * end in {@code /}, or -1 when it starts with {@code *}; an N: match ranks it 0. When several lines of a section match,
 * the last one in the file sets the depth (not the deepest). Sections come most specific first. Among sections of
 * equal depth the script's order follows Perl's hash order, which changes from run to run; here they keep the order
 * of the file. {@code --pattern-depth} (0, all sections, by default) is not offered.
 *
 * <h2>People and lists</h2>
 * Sections are visited in that order, and the M: and R: lines of each in file order; a person is added unless an
 * earlier one had the same name or the same address (both compared ignoring case). Names are printed the
 * script's way: quoted when they hold anything but ASCII letters, digits, {@code _}, {@code -} and spaces. A value
 * holding several comma-separated addresses gives one person each (the script checks them against RFC 822; this
 * class uses a simpler check of the same shape). Lists are added unless an earlier one had the same address
 * (ignoring case); subscribers-only lists are not printed by default and so are left out (they do not hide a later
 * open listing of the same address); moderated lists are kept. Then every address goes through the tree's
 * {@code .mailmap} (when {@link #load} finds one) and through the script's de-duplication, which gives every later
 * address with an already seen name or address the first spelling of it; Linus Torvalds' address is removed from
 * the people, as the script does unless {@code --git-chief-penguins}; and an exact repeat of an earlier line is
 * dropped. That removal is also what happens to the catch-all section "THE REST" ({@code F: *} for the top-level
 * files and {@code F: *}{@code /} for the rest, both depth -1, so always last): only its list remains, which the
 * script prints as "open list" without a subsystem name.
 *
 * <h2>Not reproduced</h2>
 * K: lines: with {@code -f} the script matches them against the file's content only under
 * {@code --keywords-in-file}, which is off by default, so they play no part here. The git fallback (on by default:
 * recent signers from git history when no section is an exact match) and {@code --git}. Addresses that the script
 * reads from the content of {@code .yaml} files (role "in file"). {@code .get_maintainer.conf}. Directories reached
 * through symbolic links, and directories whose names hold {@code . * ?}, are not taken as directories.
 */
final class Maintainers {
    /** The largest MAINTAINERS or .mailmap read; a larger one is taken as absent. */
    static final int MAX_FILE_BYTES = 16 << 20;
    /** N: regexes longer than this are skipped. */
    static final int MAX_REGEX_LENGTH = 1000;
    /** N: regexes are not run on longer paths (PATH_MAX is 4096). */
    private static final int MAX_REGEX_INPUT = 4096;
    /** Characters an N: regex may read while matching one path before it is given up as not matching. */
    private static final int REGEX_BUDGET = 200_000;
    /** The address get_maintainer.pl removes from the people it prints, written as the script's regex. */
    private static final Pattern CHIEF_PENGUIN = Pattern.compile("Linus Torvalds <torvalds@linux-foundation.org>");

    /** How get_maintainer.pl labels a mailing list, from the note after its address on the L: line. */
    enum ListKind {
        OPEN("open list"), MODERATED("moderated list"), SUBSCRIBERS_ONLY("subscriber list");

        private final String role;

        ListKind(String role) {
            this.role = role;
        }

        /** The label of the script's role ("open list", "moderated list", "subscriber list"). */
        String role() {
            return role;
        }
    }

    /** A mailing list: its address, its kind, and the rest of the L: line as written (often empty). */
    record MailList(String address, ListKind kind, String note) {}

    /**
     * A section: its title line, its last S: value (null without one), its M: and R: values as written, and its
     * lists in file order.
     */
    record Section(String name, String status, List<String> maintainers, List<String> reviewers, List<MailList> lists) {}

    /** A section that takes a path, with the depth that ranks it. */
    record Match(Section section, int depth) {}

    /**
     * Who looks after a path: the most specific section, every matching section in order, and the people and lists
     * as get_maintainer.pl prints them, in its order and without repeats.
     */
    record Assignment(Section subsystem, List<Section> all, List<String> maintainers, List<String> reviewers,
                      List<MailList> lists) {}

    /** An M: or R: value, kept in file order: the order decides who stays when a name or address repeats. */
    private record Person(String value, boolean reviewer) {}

    private final List<Section> sections = new ArrayList<>();
    private final List<List<Person>> people = new ArrayList<>();
    private final Map<Section, Integer> indexOf = new IdentityHashMap<>();
    /** F: patterns by the directory part of their literal prefix ("" for none), so a path only tries its own. */
    private final Map<String, List<Glob>> filesByDirectory = new HashMap<>();
    private final List<List<Glob>> excludedBySection = new ArrayList<>();
    private final List<Regex> regexes = new ArrayList<>();
    private final Mailmap mailmap;
    private int skipped;

    private Maintainers(String text, Mailmap mailmap, Predicate<String> isDirectory) {
        this.mailmap = mailmap;
        read(text, isDirectory);
    }

    /**
     * The MAINTAINERS file at the top of {@code treeRoot}, with the tree's {@code .mailmap} if there is one, or null
     * when there is no such file: missing, a symbolic link or not a regular file, larger than
     * {@value #MAX_FILE_BYTES} bytes, or unreadable. Bytes that are not UTF-8 become U+FFFD.
     */
    static Maintainers load(Path treeRoot) {
        try {
            String text = readRegularFile(treeRoot.resolve("MAINTAINERS"));
            if (text == null) return null;
            String map = readRegularFile(treeRoot.resolve(".mailmap"));
            return new Maintainers(text, map == null ? Mailmap.EMPTY : Mailmap.parse(map), directoriesOf(treeRoot));
        } catch (IOException | InvalidPathException e) {
            return null;
        }
    }

    /**
     * The sections of {@code text}, a MAINTAINERS file; {@code isDirectory} says whether a pattern (a path relative
     * to the tree, without a trailing slash) names a directory.
     */
    static Maintainers parse(String text, Predicate<String> isDirectory) {
        return new Maintainers(text, Mailmap.EMPTY, isDirectory);
    }

    /** Every section, in file order. */
    List<Section> sections() {
        return List.copyOf(sections);
    }

    /** How many F:, X: and N: lines could not be used. */
    int skippedPatterns() {
        return skipped;
    }

    /**
     * The sections that take {@code relativePath} (relative to the top of the tree, {@code /}-separated; a trailing
     * slash names a directory, as the script spells one), most specific first.
     */
    List<Match> match(String relativePath) {
        String file = canonical(relativePath);
        if (file.isEmpty()) return List.of();
        int slashes = count(file, '/');
        // per section: the file position and depth of its last matching F: or N: line
        Map<Integer, int[]> hits = new HashMap<>();
        tryGlobs(filesByDirectory.get(""), file, slashes, hits);
        for (int i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) {
            tryGlobs(filesByDirectory.get(file.substring(0, i + 1)), file, slashes, hits);
        }
        for (Regex r : regexes) {
            if (r.find(file)) hit(hits, r.section, r.line, 0);
        }
        List<int[]> found = new ArrayList<>();
        for (Map.Entry<Integer, int[]> e : hits.entrySet()) {
            int s = e.getKey();
            if (!excluded(s, file, slashes)) found.add(new int[] {s, e.getValue()[1]});
        }
        found.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
        List<Match> out = new ArrayList<>(found.size());
        for (int[] f : found) out.add(new Match(sections.get(f[0]), f[1]));
        return out;
    }

    /** What get_maintainer.pl names for {@code relativePath} (see {@link #match}), or null when no section takes it. */
    Assignment assign(String relativePath) {
        return assign(match(relativePath));
    }

    /**
     * The people and lists of {@code matches}, sections of this file in the order to visit them, or null when it
     * is empty. {@link #assign(String)} passes {@link #match}'s order; the comparison tool passes the order of one
     * run of the script, which may list sections of equal depth differently.
     */
    Assignment assign(List<Match> matches) {
        if (matches.isEmpty()) return null;
        List<Section> all = new ArrayList<>(matches.size());
        List<String> emails = new ArrayList<>();
        List<Boolean> reviewer = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        List<MailList> lists = new ArrayList<>();
        Set<String> listAddresses = new HashSet<>();
        for (Match m : matches) {
            Integer s = indexOf.get(m.section());
            if (s == null) throw new IllegalArgumentException("not a section of this file: " + m.section().name());
            all.add(m.section());
            for (Person p : people.get(s)) {
                for (String one : addresses(p.value())) {
                    String[] na = parseEmail(one);
                    String name = lower(na[0]);
                    String address = lower(na[1]);
                    if (address.isEmpty() || (!name.isEmpty() && names.contains(name)) || addresses.contains(address)) {
                        continue;
                    }
                    emails.add(formatEmail(na[0], na[1]));
                    reviewer.add(p.reviewer());
                    if (!name.isEmpty()) names.add(name);
                    addresses.add(address);
                }
            }
            for (MailList l : m.section().lists()) {
                if (l.kind() != ListKind.SUBSCRIBERS_ONLY && listAddresses.add(lower(l.address()))) lists.add(l);
            }
        }
        // the script's last passes: the mailmap and one spelling per name or address, people before lists; the
        // chief penguin out of the people; no line twice
        Deduplicator dedup = new Deduplicator(mailmap);
        for (int i = 0; i < emails.size(); i++) emails.set(i, dedup.apply(emails.get(i)));
        Set<String> printed = new HashSet<>();
        List<String> maintainers = new ArrayList<>();
        List<String> reviewers = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            String e = emails.get(i);
            if (CHIEF_PENGUIN.matcher(e).find()) continue;
            if (printed.add(e)) (reviewer.get(i) ? reviewers : maintainers).add(e);
        }
        List<MailList> mailed = new ArrayList<>();
        for (MailList l : lists) {
            String address = dedup.apply(l.address());
            if (printed.add(address)) mailed.add(new MailList(address, l.kind(), l.note()));
        }
        return new Assignment(all.get(0), List.copyOf(all), List.copyOf(maintainers), List.copyOf(reviewers),
                List.copyOf(mailed));
    }

    // ---- reading the file

    /** One pass over the lines: a title line opens a section when tag lines follow it. */
    private void read(String text, Predicate<String> isDirectory) {
        SectionBuilder current = null;
        String title = null;
        int line = 0;
        for (int start = 0; start <= text.length(); line++) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            String raw = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            if (raw.length() >= 2 && raw.charAt(0) >= 'A' && raw.charAt(0) <= 'Z' && raw.charAt(1) == ':') {
                if (current == null) {
                    if (title == null) continue;
                    current = new SectionBuilder(title);
                }
                current.add(raw.charAt(0), stripLeading(raw.substring(2)), line, isDirectory);
            } else if (!isBlankOrComment(raw)) {
                if (current != null) current.finish();
                current = null;
                title = raw;
            }
        }
        if (current != null) current.finish();
    }

    /** The lines of one section, until the next title line. */
    private final class SectionBuilder {
        private final String name;
        private final int index = sections.size();
        private String status;
        private final List<Person> persons = new ArrayList<>();
        private final List<MailList> lists = new ArrayList<>();
        private final List<Glob> files = new ArrayList<>();
        private final List<Glob> excluded = new ArrayList<>();
        private final List<Regex> named = new ArrayList<>();

        SectionBuilder(String name) {
            this.name = name;
        }

        void add(char tag, String value, int line, Predicate<String> isDirectory) {
            switch (tag) {
                case 'M', 'R' -> persons.add(new Person(value, tag == 'R'));
                case 'S' -> status = value;
                case 'L' -> list(value);
                case 'F', 'X' -> {
                    Glob g = Glob.compile(asDirectory(value, isDirectory), index, line);
                    if (g == null) skipped++;
                    else (tag == 'F' ? files : excluded).add(g);
                }
                case 'N' -> {
                    Regex r = Regex.compile(value, index, line);
                    if (r == null) skipped++;
                    else named.add(r);
                }
                default -> { } // W, Q, B, C, P, T, K and unknown letters play no part in matching
            }
        }

        /** The address is the first word of the value; the rest says whether the list is moderated or closed. */
        private void list(String value) {
            int space = 0;
            while (space < value.length() && !isPerlSpace(value.charAt(space))) space++;
            String address = value.substring(0, space);
            if (address.isEmpty()) return;
            String note = stripLeading(value.substring(space));
            ListKind kind = note.contains("subscribers-only") ? ListKind.SUBSCRIBERS_ONLY
                    : note.contains("moderated") ? ListKind.MODERATED : ListKind.OPEN;
            lists.add(new MailList(address, kind, note));
        }

        void finish() {
            List<String> maintainers = new ArrayList<>();
            List<String> reviewers = new ArrayList<>();
            for (Person p : persons) (p.reviewer() ? reviewers : maintainers).add(p.value());
            Section s = new Section(name, status, List.copyOf(maintainers), List.copyOf(reviewers), List.copyOf(lists));
            sections.add(s);
            people.add(List.copyOf(persons));
            indexOf.put(s, index);
            for (Glob g : files) filesByDirectory.computeIfAbsent(g.directory(), k -> new ArrayList<>()).add(g);
            excludedBySection.add(List.copyOf(excluded));
            regexes.addAll(named);
        }
    }

    /**
     * The pattern with a slash added when it names a directory. Like the script, which tests the pattern after
     * turning {@code .}, {@code *} and {@code ?} into regex syntax, only patterns without them are tested.
     */
    private static String asDirectory(String pattern, Predicate<String> isDirectory) {
        if (pattern.isEmpty() || pattern.endsWith("/")) return pattern;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '.' || c == '*' || c == '?') return pattern;
        }
        return isDirectory.test(pattern) ? pattern + "/" : pattern;
    }

    /**
     * Whether a pattern names a directory of the tree at {@code root}: every component must be a directory itself,
     * not a symbolic link, so the answer never depends on anything outside the tree. Answers are remembered by
     * prefix, as patterns share most of their directories.
     */
    private static Predicate<String> directoriesOf(Path root) {
        Map<String, Boolean> known = new HashMap<>();
        return pattern -> {
            int from = 0;
            while (true) {
                int slash = pattern.indexOf('/', from);
                int end = slash < 0 ? pattern.length() : slash;
                String component = pattern.substring(from, end);
                if (component.isEmpty() || component.equals(".") || component.equals("..")) return false;
                if (!known.computeIfAbsent(pattern.substring(0, end), prefix -> isRealDirectory(root, prefix))) {
                    return false;
                }
                if (slash < 0) return true;
                from = slash + 1;
            }
        };
    }

    private static boolean isRealDirectory(Path root, String relative) {
        try {
            return Files.readAttributes(root.resolve(relative), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .isDirectory();
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    /** The file's text, or null unless it is a regular file (not a symbolic link) of at most MAX_FILE_BYTES. */
    private static String readRegularFile(Path p) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!a.isRegularFile() || a.size() > MAX_FILE_BYTES) return null;
        byte[] bytes;
        // opened without following a link, in case one replaced the file since the check
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) return null;
        return new String(bytes, StandardCharsets.UTF_8);
    }

    // ---- matching

    private static void tryGlobs(List<Glob> globs, String file, int slashes, Map<Integer, int[]> hits) {
        if (globs == null) return;
        for (Glob g : globs) {
            if (g.matches(file, slashes)) hit(hits, g.section, g.line, g.depth);
        }
    }

    /** Records a matching line; the section keeps the depth of its last matching line in the file. */
    private static void hit(Map<Integer, int[]> hits, int section, int line, int depth) {
        int[] h = hits.get(section);
        if (h == null) hits.put(section, new int[] {line, depth});
        else if (line > h[0]) {
            h[0] = line;
            h[1] = depth;
        }
    }

    private boolean excluded(int section, String file, int slashes) {
        for (Glob g : excludedBySection.get(section)) {
            if (g.matches(file, slashes)) return true;
        }
        return false;
    }

    /** The path as File::Spec's canonpath leaves it: no empty or "." components, a trailing slash kept. */
    private static String canonical(String path) {
        StringBuilder b = new StringBuilder(path.length());
        int from = 0;
        while (from <= path.length()) {
            int slash = path.indexOf('/', from);
            int end = slash < 0 ? path.length() : slash;
            if (end > from && !(end == from + 1 && path.charAt(from) == '.')) {
                if (b.length() > 0) b.append('/');
                b.append(path, from, end);
            }
            from = end + 1;
        }
        if (b.length() > 0 && path.endsWith("/")) b.append('/');
        return b.toString();
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    /**
     * An F: or X: pattern: a literal prefix, then single-character tests up to the first {@code *}, then the runs of
     * tests between stars. Matching places each run at its first possible position after the previous one, which is
     * enough because the end of the path is free: no backtracking, at most path length times pattern length steps.
     */
    private static final class Glob {
        final int section;
        final int line;
        final String prefix;
        final CharSet[] head;
        final CharSet[][] tail;
        final boolean below;
        final int slashes;
        final int depth;

        private Glob(int section, int line, String pattern, String prefix, List<List<CharSet>> parts) {
            this.section = section;
            this.line = line;
            this.prefix = prefix;
            this.head = parts.get(0).toArray(new CharSet[0]);
            this.tail = new CharSet[parts.size() - 1][];
            for (int i = 1; i < parts.size(); i++) tail[i - 1] = parts.get(i).toArray(new CharSet[0]);
            this.below = pattern.endsWith("/");
            this.slashes = count(pattern, '/');
            this.depth = pattern.startsWith("*") ? -1 : slashes + (below ? 0 : 1);
        }

        /** The compiled pattern, or null when it uses regex syntax beyond globs and simple bracket sets. */
        static Glob compile(String pattern, int section, int line) {
            StringBuilder prefix = new StringBuilder();
            List<List<CharSet>> parts = new ArrayList<>();
            parts.add(new ArrayList<>());
            boolean literal = true;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                CharSet test;
                if (c == '*') {
                    parts.add(new ArrayList<>());
                    literal = false;
                    continue;
                } else if (c == '?') {
                    test = CharSet.ANY;
                } else if (c == '[') {
                    int close = CharSet.end(pattern, i);
                    if (close < 0) return null;
                    test = CharSet.parse(pattern, i + 1, close);
                    if (test == null) return null;
                    i = close;
                } else if ("\\(){}+|^$".indexOf(c) >= 0) {
                    return null;
                } else if (literal) {
                    prefix.append(c);
                    continue;
                } else {
                    test = CharSet.of(c);
                }
                literal = false;
                parts.get(parts.size() - 1).add(test);
            }
            return new Glob(section, line, pattern, prefix.toString(), parts);
        }

        /** The part of the literal prefix up to its last slash: the index key. */
        String directory() {
            return prefix.substring(0, prefix.lastIndexOf('/') + 1);
        }

        boolean matches(String file, int fileSlashes) {
            if (!below && fileSlashes != slashes) return false;
            if (!file.startsWith(prefix)) return false;
            int pos = prefix.length();
            if (!at(file, pos, head)) return false;
            pos += head.length;
            for (CharSet[] run : tail) {
                int found = -1;
                for (int p = pos; p + run.length <= file.length(); p++) {
                    if (at(file, p, run)) {
                        found = p;
                        break;
                    }
                }
                if (found < 0) return false;
                pos = found + run.length;
            }
            return true;
        }

        private static boolean at(String file, int pos, CharSet[] run) {
            if (pos + run.length > file.length()) return false;
            for (int i = 0; i < run.length; i++) {
                if (!run[i].test(file.charAt(pos + i))) return false;
            }
            return true;
        }
    }

    /** One character position of a glob: a literal, any character, or a bracket set (ranges, maybe negated). */
    private static final class CharSet {
        static final CharSet ANY = new CharSet(new char[0], true);

        private final char[] ranges; // pairs: low, high
        private final boolean negated;

        private CharSet(char[] ranges, boolean negated) {
            this.ranges = ranges;
            this.negated = negated;
        }

        static CharSet of(char c) {
            return new CharSet(new char[] {c, c}, false);
        }

        /** Index of the ']' closing the set opened at {@code open}, or -1; a ']' first in the set is a member. */
        static int end(String p, int open) {
            int i = open + 1;
            if (i < p.length() && p.charAt(i) == '^') i++;
            if (i < p.length() && p.charAt(i) == ']') i++;
            return p.indexOf(']', i);
        }

        /**
         * The set between {@code from} and {@code to} (exclusive), or null for what this class does not take:
         * escapes, nested or POSIX sets, and {@code *} or {@code ?} (which the script rewrites inside sets too).
         */
        static CharSet parse(String p, int from, int to) {
            boolean negated = from < to && p.charAt(from) == '^';
            if (negated) from++;
            StringBuilder r = new StringBuilder();
            for (int i = from; i < to; i++) {
                char c = p.charAt(i);
                if (c == '\\' || c == '[' || c == '*' || c == '?') return null;
                char high = c;
                if (i + 2 < to && p.charAt(i + 1) == '-') {
                    high = p.charAt(i + 2);
                    if (high < c || high == '\\' || high == '[' || high == '*' || high == '?') return null;
                    i += 2;
                }
                r.append(c).append(high);
            }
            return new CharSet(r.toString().toCharArray(), negated);
        }

        boolean test(char c) {
            for (int i = 0; i < ranges.length; i += 2) {
                if (c >= ranges[i] && c <= ranges[i + 1]) return !negated;
            }
            return negated;
        }
    }

    /** An N: line: a Perl extended regex, searched in the path with a bounded amount of work. */
    private record Regex(int section, int line, Pattern pattern) {
        /** The compiled regex, or null when it is too long or java.util.regex rejects it. */
        static Regex compile(String perl, int section, int line) {
            if (perl.length() > MAX_REGEX_LENGTH) return null;
            try {
                return new Regex(section, line, Pattern.compile(withoutExtendedSpacing(perl)));
            } catch (PatternSyntaxException e) {
                return null;
            }
        }

        boolean find(String file) {
            if (file.length() > MAX_REGEX_INPUT) return false;
            try {
                return pattern.matcher(new Budgeted(file)).find();
            } catch (Budgeted.Exhausted | StackOverflowError e) {
                return false;
            }
        }

        /**
         * Perl's {@code /x}: white space and {@code #} comments outside bracket sets mean nothing. Java's COMMENTS
         * flag would also drop white space inside sets, so the spacing is removed here instead.
         */
        private static String withoutExtendedSpacing(String perl) {
            StringBuilder b = new StringBuilder(perl.length());
            boolean inSet = false;
            for (int i = 0; i < perl.length(); i++) {
                char c = perl.charAt(i);
                if (c == '\\' && i + 1 < perl.length()) {
                    b.append(c).append(perl.charAt(++i));
                } else if (inSet) {
                    b.append(c);
                    if (c == ']') inSet = false;
                } else if (c == '[') {
                    b.append(c);
                    inSet = true;
                    // a ']' right after '[' or '[^' is a member, not the end
                    if (i + 1 < perl.length() && perl.charAt(i + 1) == '^') b.append(perl.charAt(++i));
                    if (i + 1 < perl.length() && perl.charAt(i + 1) == ']') b.append(perl.charAt(++i));
                } else if (c == '#') {
                    break; // a comment runs to the end of the line, which is the end of the value
                } else if (!isPerlSpace(c)) {
                    b.append(c);
                }
            }
            return b.toString();
        }
    }

    /** The path for a regex, which may read only so many characters: guards against catastrophic backtracking. */
    private static final class Budgeted implements CharSequence {
        /** Thrown when the budget is spent; carries no stack trace. */
        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super(null, null, false, false);
            }
        }

        private final String text;
        private int left = REGEX_BUDGET;

        Budgeted(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) throw new Exhausted();
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    // ---- addresses, as the script splits, spells and merges them

    /** A simplified RFC 822 mailbox: {@code local@domain}, or words followed by {@code <local@domain>}. */
    private static final Pattern MAILBOX;

    static {
        String atom = "[^()<>@,;:\\\\\".\\[\\] \\x00-\\x1f\\x7f]++";
        String quoted = "\"(?:[^\"\\\\\\r]|\\\\.)*+\"";
        String word = "(?:" + atom + "|" + quoted + ")";
        String local = word + "(?:\\s*+\\.\\s*+" + word + ")*+";
        String domain = atom + "(?:\\s*+\\.\\s*+" + atom + ")*+";
        String spec = local + "\\s*+@\\s*+" + domain;
        MAILBOX = Pattern.compile("\\s*+(?:" + spec + "|(?:" + word + "\\s*+)*+<\\s*+" + spec + "\\s*+>)\\s*+");
    }

    /**
     * The addresses of an M: or R: value: one, unless the value (comments removed) is a comma-separated list of
     * which every item is a mailbox.
     */
    private static List<String> addresses(String value) {
        if (value.indexOf(',') < 0) return List.of(value);
        String plain = withoutComments(value);
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') quoted = !quoted;
            else if (!quoted && c == '<') depth++;
            else if (!quoted && c == '>' && depth > 0) depth--;
            else if (!quoted && depth == 0 && c == ',') {
                items.add(plain.substring(from, i));
                from = i + 1;
            }
        }
        items.add(plain.substring(from));
        if (items.size() < 2) return List.of(value);
        List<String> out = new ArrayList<>();
        for (String item : items) {
            if (item.isBlank()) continue;
            if (!MAILBOX.matcher(item).matches() || item.chars().anyMatch(c -> c > 0xff)) return List.of(value);
            out.add(item);
        }
        return out;
    }

    /** The text without RFC 822 comments (parenthesized, outside quotes), each replaced by a space. */
    private static String withoutComments(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int depth = 0;
        boolean quoted = false;
        int open = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (depth > 0) {
                if (c == '\\') i++;
                else if (c == '(') depth++;
                else if (c == ')' && --depth == 0) b.append(' ');
            } else if (quoted) {
                b.append(c);
                if (c == '\\' && i + 1 < s.length()) b.append(s.charAt(++i));
                else if (c == '"') quoted = false;
            } else if (c == '(') {
                depth = 1;
                open = i;
            } else {
                if (c == '"') quoted = true;
                b.append(c);
            }
        }
        if (depth > 0) b.append(s, open, s.length()); // an unclosed comment is not one
        return b.toString();
    }

    /**
     * Name and address of a written address, as the script's parse_email splits them: "name <address>" (the name
     * up to the first '<', the address up to the last '>'), "<address>", or a bare address; the name comes back
     * spelled for printing ({@link #escapeName}), both trimmed.
     */
    static String[] parseEmail(String s) {
        String name = "";
        String address = "";
        int lt = s.indexOf('<');
        int gt = s.lastIndexOf('>');
        int at = lt > 0 ? s.indexOf('@', lt + 2) : -1;
        int first = 0;
        while (first < s.length() && isPerlSpace(s.charAt(first))) first++;
        if (lt > 0 && at >= 0 && gt > at) {
            name = s.substring(0, lt);
            address = s.substring(lt + 1, gt);
        } else {
            if (first < s.length() && s.charAt(first) == '<') {
                // "<address>": up to the last '>' of the unbroken word after the last '@' that has one
                for (int a = s.lastIndexOf('@'); a >= first + 2 && address.isEmpty(); a = s.lastIndexOf('@', a - 1)) {
                    int close = -1;
                    for (int i = a + 1; i < s.length() && !isPerlSpace(s.charAt(i)); i++) {
                        if (s.charAt(i) == '>') close = i;
                    }
                    if (close >= 0) address = s.substring(first + 1, close);
                }
            }
            if (address.isEmpty()) {
                // a bare address: up to the end of the unbroken word after the last '@'
                int a = s.lastIndexOf('@');
                if (a >= 1) {
                    int end = a + 1;
                    while (end < s.length() && !isPerlSpace(s.charAt(end))) end++;
                    address = s.substring(0, end);
                }
            }
        }
        return new String[] {escapeName(unquote(trim(name))), trim(address)};
    }

    /** An address as the script prints it: {@code name <address>}, or the address alone when there is no name. */
    static String formatEmail(String name, String address) {
        String n = escapeName(unquote(trim(name)));
        String a = trim(address);
        return n.isEmpty() ? a : n + " <" + a + ">";
    }

    /** The name in double quotes, inner quotes escaped, when it holds anything but ASCII letters, digits, _, - and space. */
    private static String escapeName(String name) {
        boolean plain = true;
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == ' ' || c == '-');
        }
        if (plain) return name;
        StringBuilder b = new StringBuilder(name.length() + 2).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' && (i == 0 || name.charAt(i - 1) != '\\')) b.append('\\');
            b.append(c);
        }
        return b.append('"').toString();
    }

    /** Without one double quote at the start and one at the end. */
    private static String unquote(String s) {
        if (s.startsWith("\"")) s = s.substring(1);
        if (s.endsWith("\"")) s = s.substring(0, s.length() - 1);
        return s;
    }

    /** The script's final spelling pass: the mailmap, then the first spelling of each name or address seen. */
    private static final class Deduplicator {
        private final Mailmap mailmap;
        private final Map<String, String[]> byName = new HashMap<>();
        private final Map<String, String[]> byAddress = new HashMap<>();

        Deduplicator(Mailmap mailmap) {
            this.mailmap = mailmap;
        }

        String apply(String email) {
            String[] p = parseEmail(email);
            p = parseEmail(mailmap.apply(formatEmail(p[0], p[1])));
            String[] known = p[0].isEmpty() ? null : byName.get(lower(p[0]));
            if (known == null) known = byAddress.get(lower(p[1]));
            if (known == null) {
                known = p;
                byName.put(lower(p[0]), p);
                byAddress.put(lower(p[1]), p);
            }
            return mailmap.apply(formatEmail(known[0], known[1]));
        }
    }

    /**
     * A {@code .mailmap} as the script reads it: a real name for an address ({@code Name <address>}), a real address
     * for another ({@code <real> <other>}), both ({@code Name <real> <other>}), or both for a name and address pair
     * ({@code Name <real> Other Name <other>}).
     */
    private record Mailmap(Map<String, String> names, Map<String, String> addresses) {
        static final Mailmap EMPTY = new Mailmap(Map.of(), Map.of());

        static Mailmap parse(String text) {
            Map<String, String> names = new HashMap<>();
            Map<String, String> addresses = new HashMap<>();
            for (String raw : text.split("\n", -1)) {
                int hash = raw.indexOf('#');
                String line = trim(hash < 0 ? raw : raw.substring(0, hash));
                if (!line.endsWith(">")) continue;
                int lt1 = line.indexOf('<');
                if (lt1 < 0) continue;
                int gt1 = line.indexOf('>', lt1);
                String lead = line.substring(0, lt1);
                String first = line.substring(lt1 + 1, gt1);
                String rest = line.substring(gt1 + 1);
                if (first.isEmpty()) continue;
                if (rest.isEmpty()) {
                    if (lead.isBlank()) continue;
                    String[] real = parseEmail(trim(lead) + " <" + first + ">");
                    names.put(real[1], real[0]);
                    continue;
                }
                int lt2 = rest.indexOf('<');
                if (lt2 < 0 || rest.indexOf('>') != rest.length() - 1 || lt2 + 2 > rest.length() - 1) continue;
                String middle = rest.substring(0, lt2);
                String second = rest.substring(lt2 + 1, rest.length() - 1);
                if (middle.isBlank()) {
                    if (lead.isEmpty()) {
                        addresses.put(second, first);
                    } else {
                        String[] real = parseEmail(trim(lead) + " <" + first + ">");
                        names.put(second, real[0]);
                        addresses.put(second, real[1]);
                    }
                } else if (!lead.isBlank()) {
                    String[] real = parseEmail(trim(lead) + " <" + first + ">");
                    String[] other = parseEmail(trim(middle) + " <" + second + ">");
                    String key = formatEmail(other[0], other[1]);
                    names.put(key, real[0]);
                    addresses.put(key, real[1]);
                }
            }
            return new Mailmap(Map.copyOf(names), Map.copyOf(addresses));
        }

        /** The address with the real name and address the map gives it, looked up as a pair first, then by address. */
        String apply(String email) {
            if (names.isEmpty() && addresses.isEmpty()) return email;
            String[] p = parseEmail(email);
            String key = formatEmail(p[0], p[1]);
            if (!names.containsKey(key) && !addresses.containsKey(key)) key = p[1];
            return formatEmail(names.getOrDefault(key, p[0]), addresses.getOrDefault(key, p[1]));
        }
    }

    // ---- Perl's notion of white space, which the script's trimming uses

    private static boolean isPerlSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u0085' || c == '\u00a0' || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029' || c == '\u202f'
                || c == '\u205f' || c == '\u3000';
    }

    private static boolean isBlankOrComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!isPerlSpace(c)) return c == '#';
        }
        return true;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && isPerlSpace(s.charAt(i))) i++;
        return s.substring(i);
    }

    private static String trim(String s) {
        int end = s.length();
        while (end > 0 && isPerlSpace(s.charAt(end - 1))) end--;
        return stripLeading(s.substring(0, end));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
