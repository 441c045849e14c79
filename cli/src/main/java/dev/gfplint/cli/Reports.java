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

    /** gcc style: {@code path:line:col: level: message [rule-id]}, each call-chain step as an indented note. */
    static void text(Writer w, List<Finding> findings, boolean colour) throws IOException {
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
        }
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
