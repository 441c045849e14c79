package dev.gfplint.cli;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.gfplint.core.model.Trace;
import dev.gfplint.rules.Finding;
import dev.gfplint.rules.Level;
import dev.gfplint.rules.Rule;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code --format html}: one self-contained page (its style and script inline, nothing fetched) laid out by the
 * Mustache template {@code report.html.mustache}. Everything the page shows is computed here: counts per rule
 * and level, per subsystem (in a kernel tree with a MAINTAINERS file) and per directory, and per finding its
 * message, the evaluated mask and the context that makes it wrong, an excerpt of the code around its line, its
 * call chain, its maintainers and its rule's help. The template only lays these out; Mustache escapes every value
 * except the rule help, which is rendered from our own Markdown with raw HTML escaped.
 */
final class HtmlReport {
    private HtmlReport() {}

    /** Lines of code shown before and after a finding's line. */
    static final int CONTEXT_LINES = 3;

    record Count(String name, String summary, long errors, long warnings, long notes, long total, String lists, String filter) {}

    record Line(int no, String text, boolean hit) {}

    record Step(String where, String what) {}

    record Item(String anchor, String rule, String level, String path, int line, int col, String message, boolean hasMask,
                String mask, boolean hasContext, String context, List<Line> excerpt, boolean hasChain, int chainLength,
                List<Step> chain, boolean hasSubsystem, String subsystem, String owners, String helpHtml) {}

    record Option(String value, long count) {}

    record Page(String title, String root, String version, String kernel, String kernelSource, long files, long functions,
                String coverage, long errors, long warnings, long notes, long total, List<Count> byRule, boolean hasSubsystems,
                List<Count> bySubsystem, List<Count> byDirectory, List<Option> ruleOptions, List<Option> levelOptions,
                List<Option> subsystemOptions, List<Item> findings) {}

    private static final Mustache TEMPLATE = new DefaultMustacheFactory("dev/gfplint/cli").compile("report.html.mustache");

    static void write(Writer w, ScanOutcome o) throws IOException {
        TEMPLATE.execute(w, page(o)).flush();
    }

    /** The page's data. */
    static Page page(ScanOutcome o) throws IOException {
        Map<String, String> helpHtml = new HashMap<>();
        Map<String, String> summaries = new LinkedHashMap<>();
        for (Rule r : o.rules()) {
            helpHtml.put(r.id(), Markdown.toHtml(r.help()));
            summaries.put(r.id(), r.info().summary());
        }
        summaries.putIfAbsent(Suppressions.UNUSED, "a gfplint: ignore[...] comment that suppresses nothing");
        Map<String, Integer> anchors = new HashMap<>();
        List<Item> items = new ArrayList<>();
        Map<String, long[]> byRule = new LinkedHashMap<>(), bySubsystem = new TreeMap<>(), byDir = new TreeMap<>();
        for (String id : summaries.keySet()) byRule.put(id, new long[3]);
        Map<String, String> subsystemLists = new HashMap<>();
        for (Finding f : o.findings()) {
            String path = o.source().relative(f.file());
            Maintainers.Assignment a = o.owners().of(f.file());
            String subsystem = a == null ? "" : a.subsystem().name();
            String lists = a == null ? "" : String.join(", ", a.lists().stream().map(Maintainers.MailList::address).toList());
            count(byRule, f.ruleId(), f.level());
            count(byDir, directory(path), f.level());
            if (a != null) {
                count(bySubsystem, subsystem, f.level());
                subsystemLists.putIfAbsent(subsystem, lists);
            }
            List<Step> chain = new ArrayList<>();
            for (Trace.Step s : f.flow()) chain.add(new Step(o.source().relative(s.file()) + ":" + s.line() + ":" + s.col(), s.describe()));
            items.add(new Item(anchor(f, o.fingerprints().of(f), anchors), f.ruleId(), f.level().label(), path, f.line(), f.col(),
                    f.message(), f.mask() != null, f.mask(), f.context() != null, f.context(), excerpt(o.fingerprints(), f),
                    !chain.isEmpty(), chain.size(), chain, a != null, subsystem, owners(a), helpHtml.getOrDefault(f.ruleId(), "")));
        }
        List<Count> rules = counts(byRule, summaries::get, id -> "", id -> id);
        rules.removeIf(c -> c.total() == 0 && c.name().equals(Suppressions.UNUSED));
        List<Count> subsystems = counts(bySubsystem, s -> "", s -> subsystemLists.getOrDefault(s, ""), s -> s);
        subsystems.sort(Comparator.comparingLong(Count::total).reversed().thenComparing(Count::name));
        List<Count> dirs = counts(byDir, d -> "", d -> "", d -> "");
        dirs.sort(Comparator.comparingLong(Count::total).reversed().thenComparing(Count::name));
        long errors = o.count(Level.ERROR), warnings = o.count(Level.WARNING), notes = o.count(Level.NOTE);
        List<Option> levels = new ArrayList<>();
        for (Level l : List.of(Level.ERROR, Level.WARNING, Level.NOTE)) levels.add(new Option(l.label(), o.count(l)));
        String root = o.source().uri();
        return new Page(title(root), root, Main.version(), o.setup().version().toString(), o.setup().versionSource(), o.stats().files,
                o.stats().functions, String.format(Locale.ROOT, "%.2f%%", o.stats().parseCoverage()), errors, warnings, notes,
                o.findings().size(), rules, !subsystems.isEmpty(), subsystems, dirs,
                rules.stream().map(c -> new Option(c.name(), c.total())).toList(), levels,
                subsystems.stream().map(c -> new Option(c.name(), c.total())).toList(), items);
    }

    /** The subsystem, its maintainers and reviewers, and the lists to mail, on one line. */
    private static String owners(Maintainers.Assignment a) {
        if (a == null) return "";
        List<String> parts = new ArrayList<>();
        parts.add(a.subsystem().name());
        if (!a.maintainers().isEmpty()) parts.add("maintainers: " + String.join(", ", a.maintainers()));
        if (!a.reviewers().isEmpty()) parts.add("reviewers: " + String.join(", ", a.reviewers()));
        if (!a.lists().isEmpty()) parts.add("lists: " + String.join(", ", a.lists().stream().map(Maintainers.MailList::address).toList()));
        return String.join(" \u00b7 ", parts);
    }

    private static String title(String rootUri) {
        String r = rootUri.endsWith("/") ? rootUri.substring(0, rootUri.length() - 1) : rootUri;
        return r.substring(r.lastIndexOf('/') + 1);
    }

    private static void count(Map<String, long[]> m, String key, Level l) {
        long[] c = m.computeIfAbsent(key, k -> new long[3]);
        c[switch (l) {
            case ERROR -> 0;
            case WARNING -> 1;
            case NOTE -> 2;
        }]++;
    }

    private static List<Count> counts(Map<String, long[]> m, Function<String, String> summary, Function<String, String> lists,
                                      Function<String, String> filter) {
        List<Count> out = new ArrayList<>();
        m.forEach((k, c) -> out.add(new Count(k, summary.apply(k), c[0], c[1], c[2], c[0] + c[1] + c[2], lists.apply(k), filter.apply(k))));
        return out;
    }

    /** The directory a finding is counted under: the first two levels of its path ("fs/xfs"), or "." at the top. */
    static String directory(String path) {
        int a = path.indexOf('/');
        if (a < 0) return ".";
        int b = path.indexOf('/', a + 1);
        return b < 0 ? path.substring(0, a) : path.substring(0, b);
    }

    /**
     * A finding's anchor, the same on every run while its line's text stays the same: the rule and the line's
     * fingerprint (its position otherwise), with an ordinal when one line has several findings of one rule.
     */
    static String anchor(Finding f, String fingerprint, Map<String, Integer> seen) {
        String base = f.ruleId() + "-" + (fingerprint.isEmpty() ? f.line() + "-" + f.col() : fingerprint.replace(':', '-'));
        int n = seen.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }

    /** The lines around the finding's, numbered; none when the file cannot be read again. */
    private static List<Line> excerpt(Fingerprints fp, Finding f) {
        List<String> lines = fp.lines(f.file(), f.line() - CONTEXT_LINES, f.line() + CONTEXT_LINES);
        List<Line> out = new ArrayList<>();
        int first = Math.max(1, f.line() - CONTEXT_LINES);
        for (int i = 0; i < lines.size(); i++) out.add(new Line(first + i, lines.get(i), first + i == f.line()));
        return out;
    }

    /** Markdown to HTML, raw HTML in the input escaped. */
    static final class Markdown {
        private static final org.commonmark.parser.Parser PARSER = org.commonmark.parser.Parser.builder().build();
        private static final org.commonmark.renderer.html.HtmlRenderer RENDERER = org.commonmark.renderer.html.HtmlRenderer.builder()
                .escapeHtml(true).sanitizeUrls(true).build();

        private Markdown() {}

        static String toHtml(String md) {
            return RENDERER.render(PARSER.parse(md));
        }
    }
}
