package dev.gfplint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gfplint.core.model.Trace;
import dev.gfplint.rules.Finding;
import dev.gfplint.rules.Level;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.UnaryOperator;

/** The text, JSON and GitHub-workflow-command writers (SARIF is {@link SarifReport}). */
final class Reports {
    private Reports() {}

    private static final String RESET = "\u001b[0m", BOLD = "\u001b[1m";

    private static String colour(Level l) {
        return switch (l) {
            case ERROR -> "\u001b[1;31m";
            case WARNING -> "\u001b[1;35m";
            case NOTE -> "\u001b[1;36m";
        };
    }

    /**
     * gcc style: {@code path:line:col: level: message [rule-id]}, each call-chain step as an indented note, and
     * where the finding has a mechanical fix, the fix's one line and the lines it changes, {@code -} before
     * and {@code +} after (what {@code --fix} would write).
     */
    static void text(Writer w, List<Finding> findings, boolean colour, java.util.function.Function<Finding, FixEdits.Resolved> fixes)
            throws IOException {
        String nl = System.lineSeparator();
        for (Finding f : findings) {
            if (colour) {
                w.write(BOLD + f.file() + ":" + f.line() + ":" + f.col() + ":" + RESET + " " + colour(f.level())
                        + f.level().label() + ":" + RESET + " " + f.message() + " [" + f.ruleId() + "]" + nl);
            } else {
                w.write(f.toText() + nl);
            }
            for (Trace.Step s : f.flow()) {
                w.write("    " + s.file() + ":" + s.line() + ":" + s.col() + ": note: " + s.describe() + nl);
            }
            FixEdits.Resolved fix = fixes == null ? null : fixes.apply(f);
            if (fix != null) {
                w.write("    fix: " + fix.description() + " (gfplint scan --fix)" + nl);
                for (String l : fix.hunks()) {
                    String c = !colour ? "" : l.startsWith("-") ? "\u001b[31m" : l.startsWith("+") ? "\u001b[32m" : l.startsWith("@") ? "\u001b[36m" : "";
                    w.write("    " + c + l + (c.isEmpty() ? "" : RESET) + nl);
                }
            }
        }
    }

    /**
     * {@link #text}, in one block per subsystem (the most specific MAINTAINERS section of each finding's file), in
     * the order of the subsystems' names, with the findings no section names last. Each block is headed by the lists
     * to mail (every list get_maintainer.pl names for any of its files, in the order first met), then its maintainers
     * and reviewers, so that a bot can mail each list its own findings.
     */
    static void textByMaintainer(Writer w, List<Finding> findings, Owners owners, boolean colour,
                                 java.util.function.Function<Finding, FixEdits.Resolved> fixes) throws IOException {
        String nl = System.lineSeparator();
        java.util.Map<String, List<Finding>> blocks = new java.util.TreeMap<>();
        java.util.Map<String, java.util.LinkedHashSet<String>> lists = new java.util.HashMap<>(), people = new java.util.HashMap<>(),
                reviewers = new java.util.HashMap<>();
        List<Finding> nobody = new java.util.ArrayList<>();
        for (Finding f : findings) {
            Maintainers.Assignment a = owners.of(f.file());
            if (a == null) {
                nobody.add(f);
                continue;
            }
            String s = a.subsystem().name();
            blocks.computeIfAbsent(s, k -> new java.util.ArrayList<>()).add(f);
            a.lists().forEach(l -> lists.computeIfAbsent(s, k -> new java.util.LinkedHashSet<>()).add(l.address()));
            people.computeIfAbsent(s, k -> new java.util.LinkedHashSet<>()).addAll(a.maintainers());
            reviewers.computeIfAbsent(s, k -> new java.util.LinkedHashSet<>()).addAll(a.reviewers());
        }
        boolean first = true;
        for (java.util.Map.Entry<String, List<Finding>> b : blocks.entrySet()) {
            if (!first) w.write(nl);
            first = false;
            String s = b.getKey();
            w.write((colour ? BOLD : "") + "== " + s + " (" + count(b.getValue().size()) + ")" + (colour ? RESET : "") + nl);
            w.write("   lists: " + join(lists.get(s)) + nl);
            w.write("   maintainers: " + join(people.get(s)) + nl);
            if (!reviewers.get(s).isEmpty()) w.write("   reviewers: " + join(reviewers.get(s)) + nl);
            text(w, b.getValue(), colour, fixes);
        }
        if (!nobody.isEmpty()) {
            if (!first) w.write(nl);
            w.write((colour ? BOLD : "") + "== no MAINTAINERS section (" + count(nobody.size()) + ")" + (colour ? RESET : "") + nl);
            text(w, nobody, colour, fixes);
        }
    }

    private static String count(int n) {
        return n + (n == 1 ? " finding" : " findings");
    }

    private static String join(java.util.Collection<String> xs) {
        return xs == null || xs.isEmpty() ? "(none)" : String.join(", ", xs);
    }

    /**
     * GitHub Actions workflow commands: {@code ::error file=F,line=L,col=C,title=RULE::MESSAGE} (notes are
     * {@code ::notice}), which annotate the pull request's diff.
     */
    static void github(Writer w, List<Finding> findings, UnaryOperator<String> relative) throws IOException {
        for (Finding f : findings) {
            String cmd = switch (f.level()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            w.write("::" + cmd + " file=" + property(relative.apply(f.file())) + ",line=" + f.line() + ",col=" + f.col()
                    + ",title=" + property(f.ruleId()) + "::" + data(f.message()) + System.lineSeparator());
        }
    }

    /** Escapes of a workflow command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes of a workflow command's property value (also ':' and ','). */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    /** JSON, schema in docs/json-format.md: tool, kernel, summary, findings with their call chains. */
    static void json(Writer w, ScanOutcome o) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("tool", "gfplint");
        root.put("toolVersion", Main.version());
        root.put("kernelVersion", o.setup().version().toString());
        root.put("kernelVersionSource", o.setup().versionSource());
        ObjectNode sum = root.putObject("summary");
        sum.put("files", o.stats().files);
        sum.put("filesFailed", o.stats().filesFailed);
        sum.put("functions", o.stats().functions);
        sum.put("parseCoverage", Math.round(o.stats().parseCoverage() * 100) / 100.0);
        for (Level l : Level.values()) sum.put(l.label() + "s", o.count(l));
        ArrayNode arr = root.putArray("findings");
        for (Finding f : o.findings()) {
            ObjectNode n = arr.addObject();
            n.put("ruleId", f.ruleId());
            n.put("level", f.level().label());
            n.put("path", o.source().relative(f.file()));
            n.put("line", f.line());
            n.put("column", f.col());
            n.put("message", f.message());
            n.put("fingerprint", o.fingerprints().of(f));
            if (f.mask() != null) n.put("mask", f.mask());
            if (f.context() != null) n.put("context", f.context());
            FixEdits.Resolved fix = o.fix(f);
            if (fix != null) {
                ObjectNode fx = n.putObject("fix");
                fx.put("description", fix.description());
                ArrayNode reps = fx.putArray("replacements");
                for (FixEdits.Edit e : fix.edits()) {
                    ObjectNode rep = reps.addObject();
                    rep.put("startLine", fix.source().lineOf(e.start()));
                    rep.put("startColumn", fix.source().colOf(e.start()));
                    rep.put("endLine", fix.source().lineOf(e.end()));
                    rep.put("endColumn", fix.source().colOf(e.end()));
                    rep.put("text", e.text());
                }
            }
            Maintainers.Assignment a = o.owners().of(f.file());
            if (a != null) {
                ObjectNode who = n.putObject("maintainers");
                who.put("subsystem", a.subsystem().name());
                a.maintainers().forEach(who.putArray("maintainers")::add);
                a.reviewers().forEach(who.putArray("reviewers")::add);
                ArrayNode lists = who.putArray("lists");
                a.lists().forEach(l -> lists.add(l.address()));
            }
            ArrayNode flow = n.putArray("callChain");
            for (Trace.Step s : f.flow()) {
                ObjectNode st = flow.addObject();
                st.put("path", o.source().relative(s.file()));
                st.put("line", s.line());
                st.put("column", s.col());
                st.put("caller", s.caller());
                st.put("callee", s.callee());
            }
        }
        m.writeValue(w, root);
    }
}
