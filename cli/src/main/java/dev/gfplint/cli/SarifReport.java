package dev.gfplint.cli;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.CodeFlow;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.ThreadFlow;
import com.contrastsecurity.sarif.ThreadFlowLocation;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gfplint.core.model.Model;
import dev.gfplint.core.model.Trace;
import dev.gfplint.core.scan.Diagnostic;
import dev.gfplint.rules.Finding;
import dev.gfplint.rules.Level;
import dev.gfplint.rules.Rule;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The SARIF 2.1.0 report: one run of gfplint with its rules (id, summary, help, default level), the
 * findings with locations relative to the repository root (see {@link SourceRoot}) and, for interprocedural
 * findings, the call chain as
 * a code flow. The run's properties record the kernel version the code was judged as and where the flag
 * definitions came from.
 */
final class SarifReport {
    private SarifReport() {}

    static final String SRCROOT = "%SRCROOT%";

    /**
     * The run. Paths are relative to the repository root (see {@link SourceRoot}), named by
     * {@value #SRCROOT} (whose absolute URI is in originalUriBaseIds), as code-scanning consumers expect; fingerprints are GitHub's line hashes.
     */
    static SarifSchema210 build(ScanOutcome o) throws IOException {
        Set<ReportingDescriptor> descriptors = new LinkedHashSet<>();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (Rule r : o.rules()) {
            index.put(r.id(), descriptors.size());
            descriptors.add(descriptor(r.id(), r.getClass().getSimpleName(), r.info().summary(), r.help(), r.info().level().label(),
                    r.info().level() == Level.ERROR ? "error" : "warning"));
        }
        if (o.findings().stream().anyMatch(f -> f.ruleId().equals(Suppressions.UNUSED))) {
            index.put(Suppressions.UNUSED, descriptors.size());
            descriptors.add(descriptor(Suppressions.UNUSED, "UnusedSuppression", "a gfplint: ignore[...] comment that suppresses nothing",
                    "A suppression comment that no finding needs any more (the code was fixed, or the rule id is"
                            + " misspelt). Remove it, so that it does not hide a future finding.", "note", "recommendation"));
        }
        String version = Main.version();
        ToolComponent driver = new ToolComponent().withName("gfplint").withVersion(version)
                .withSemanticVersion(version.replace("-SNAPSHOT", "")).withInformationUri(URI.create(Main.home()))
                .withRules(descriptors);
        List<Result> results = new ArrayList<>();
        for (Finding f : o.findings()) {
            String file = o.source().relative(f.file());
            Result res = new Result().withRuleId(f.ruleId()).withRuleIndex(index.get(f.ruleId()))
                    .withLevel(Result.Level.fromValue(f.level().label()))
                    .withMessage(new Message().withText(f.message()))
                    .withLocations(List.of(location(file, f.line(), f.col(), o.fingerprints().endColumn(f), null)))
                    .withPartialFingerprints(new PartialFingerprints()
                            .withAdditionalProperty("primaryLocationLineHash", o.fingerprints().of(f)));
            PropertyBag facts = new PropertyBag();
            if (f.mask() != null) facts.withAdditionalProperty("mask", f.mask());
            if (f.context() != null) facts.withAdditionalProperty("context", f.context());
            Maintainers.Assignment a = o.owners().of(f.file());
            if (a != null) {
                facts.withAdditionalProperty("subsystem", a.subsystem().name())
                        .withAdditionalProperty("maintainers", a.maintainers())
                        .withAdditionalProperty("reviewers", a.reviewers())
                        .withAdditionalProperty("lists", a.lists().stream().map(Maintainers.MailList::address).toList());
            }
            if (!facts.getAdditionalProperties().isEmpty()) res.withProperties(facts);
            FixEdits.Resolved fix = o.fix(f);
            if (fix != null) res.withFixes(new LinkedHashSet<>(List.of(fix(file, fix))));
            if (!f.flow().isEmpty()) {
                List<ThreadFlowLocation> steps = new ArrayList<>();
                Set<Location> related = new LinkedHashSet<>();
                int id = 1;
                for (Trace.Step s : f.flow()) {
                    Location l = location(o.source().relative(s.file()), s.line(), s.col(), null, s.describe());
                    steps.add(new ThreadFlowLocation().withLocation(l));
                    related.add(location(o.source().relative(s.file()), s.line(), s.col(), null, s.describe()).withId(id++));
                }
                steps.add(new ThreadFlowLocation().withLocation(location(file, f.line(), f.col(), null, "the finding")));
                res.withCodeFlows(List.of(new CodeFlow().withThreadFlows(List.of(new ThreadFlow().withLocations(steps)))))
                        .withRelatedLocations(related);
            }
            results.add(res);
        }
        List<Notification> notes = notifications(o);
        PropertyBag props = new PropertyBag()
                .withAdditionalProperty("kernelVersion", o.setup().version().toString())
                .withAdditionalProperty("kernelVersionSource", o.setup().versionSource())
                .withAdditionalProperty("gfpFlagsFrom", o.model().stats().flagSource());
        Invocation inv = new Invocation().withExecutionSuccessful(o.exitCode() < Main.EXIT_USAGE).withExitCode(o.exitCode())
                .withToolExecutionNotifications(notes);
        Run run = new Run().withTool(new Tool().withDriver(driver)).withResults(results)
                .withAutomationDetails(new RunAutomationDetails().withId("gfplint/")) // stable: alerts must not move with the version
                .withOriginalUriBaseIds(new OriginalUriBaseIds().withAdditionalProperty(SRCROOT,
                        new ArtifactLocation().withUri(o.source().uri())))
                .withInvocations(List.of(inv)).withProperties(props);
        return new SarifSchema210().with$schema(URI.create("https://json.schemastore.org/sarif-2.1.0.json"))
                .withVersion(SarifSchema210.Version._2_1_0).withRuns(List.of(run));
    }

    /**
     * One toolExecutionNotification per file the scan skipped (unreadable, binary, too large: the diagnostic's
     * own level) and one, at level note, per file in which the parser gave up on a function, located at the
     * first such function and counting the others. Statements skipped inside a parsed function do not make a
     * file fail; they are in the parse coverage.
     */
    static List<Notification> notifications(ScanOutcome o) {
        List<Notification> notes = new ArrayList<>();
        java.util.Map<String, List<Diagnostic>> partial = new java.util.TreeMap<>();
        for (Diagnostic d : o.diagnostics()) {
            if (d.severity() == Diagnostic.Severity.NOTE) {
                partial.computeIfAbsent(d.path(), k -> new ArrayList<>()).add(d);
                continue;
            }
            notes.add(notification(d.severity() == Diagnostic.Severity.ERROR ? Notification.Level.ERROR
                    : Notification.Level.WARNING, d.reason(), o.source().relative(d.path()), 0));
        }
        for (List<Diagnostic> ds : partial.values()) {
            Diagnostic first = java.util.Collections.min(ds);
            String more = ds.size() == 1 ? "" : " (and " + (ds.size() - 1) + " more in this file)";
            notes.add(notification(Notification.Level.NOTE, first.reason() + more, o.source().relative(first.path()),
                    first.line()));
        }
        return notes;
    }

    /** A finding's fix as SARIF: one artifactChange of its file, a replacement per edit (columns in UTF-16 units, SARIF's default). */
    private static com.contrastsecurity.sarif.Fix fix(String file, FixEdits.Resolved fix) {
        List<com.contrastsecurity.sarif.Replacement> reps = new ArrayList<>();
        for (FixEdits.Edit e : fix.edits()) {
            FixEdits.Source s = fix.source();
            Region deleted = new Region().withStartLine(s.lineOf(e.start())).withStartColumn(s.colOf(e.start()))
                    .withEndLine(s.lineOf(e.end())).withEndColumn(s.colOf(e.end()));
            reps.add(new com.contrastsecurity.sarif.Replacement().withDeletedRegion(deleted)
                    .withInsertedContent(new com.contrastsecurity.sarif.ArtifactContent().withText(e.text())));
        }
        return new com.contrastsecurity.sarif.Fix().withDescription(new Message().withText(fix.description()))
                .withArtifactChanges(new LinkedHashSet<>(List.of(new com.contrastsecurity.sarif.ArtifactChange()
                        .withArtifactLocation(artifact(file)).withReplacements(reps))));
    }

    private static Notification notification(Notification.Level level, String text, String file, int line) {
        PhysicalLocation where = new PhysicalLocation().withArtifactLocation(artifact(file));
        if (line > 0) where.withRegion(new Region().withStartLine(line));
        return new Notification().withLevel(level).withMessage(new Message().withText(text))
                .withLocations(new LinkedHashSet<>(List.of(new Location().withPhysicalLocation(where))));
    }

    private static ReportingDescriptor descriptor(String id, String name, String summary, String help, String level, String severity) {
        String full = help.strip().split("\n\n")[0].replace("**Why it matters.**", "").replaceAll("\\s+", " ").strip();
        return new ReportingDescriptor().withId(id).withName(name)
                .withShortDescription(new MultiformatMessageString().withText(summary))
                .withFullDescription(new MultiformatMessageString().withText(full))
                .withHelp(new MultiformatMessageString().withText(help).withMarkdown(help))
                .withDefaultConfiguration(new ReportingConfiguration()
                        .withLevel(ReportingConfiguration.Level.fromValue(level)))
                .withProperties(new PropertyBag().withTags(new LinkedHashSet<>(List.of("correctness", "linux-kernel", "gfp")))
                        .withAdditionalProperty("precision", "high")
                        .withAdditionalProperty("problem.severity", severity));
    }

    private static ArtifactLocation artifact(String file) {
        return new ArtifactLocation().withUri(file.replace('\\', '/')).withUriBaseId(SRCROOT);
    }

    private static Location location(String file, int line, int col, Integer endCol, String message) {
        Region r = new Region().withStartLine(Math.max(1, line)).withStartColumn(Math.max(1, col)).withEndLine(Math.max(1, line));
        if (endCol != null && endCol > Math.max(1, col)) r.withEndColumn(endCol);
        Location l = new Location().withPhysicalLocation(new PhysicalLocation().withArtifactLocation(artifact(file)).withRegion(r));
        return message == null ? l : l.withMessage(new Message().withText(message));
    }

    static void write(Writer w, ScanOutcome o) throws IOException {
        ObjectMapper m = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(SerializationFeature.INDENT_OUTPUT);
        com.fasterxml.jackson.databind.JsonNode tree = m.valueToTree(build(o));
        // java-sarif leaves out a level when it is SARIF's default ("warning"); consumers then fall back to the
        // rule's default level, which is "error" for some rules. Always write it, on notifications too.
        for (com.fasterxml.jackson.databind.JsonNode run : tree.path("runs")) {
            List<com.fasterxml.jackson.databind.JsonNode> withLevel = new ArrayList<>();
            run.path("results").forEach(withLevel::add);
            run.path("invocations").forEach(i -> i.path("toolExecutionNotifications").forEach(withLevel::add));
            for (com.fasterxml.jackson.databind.JsonNode n : withLevel) {
                if (!n.has("level")) ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("level", "warning");
            }
        }
        m.writeValue(w, tree);
    }
}
