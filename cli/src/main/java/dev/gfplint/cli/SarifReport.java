package dev.gfplint.cli;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.CodeFlow;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
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
import dev.gfplint.rules.Finding;
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
 * findings with locations relative to the scanned path and, for interprocedural findings, the call chain as
 * a code flow. The run's properties record the kernel version the code was judged as and where the flag
 * definitions came from.
 */
final class SarifReport {
    private SarifReport() {}

    /**
     * {@code relative} turns a finding's path (as the scanner gave it: the PATH argument joined with the file's
     * place under it) into a URI relative to the scanned directory, as code-scanning consumers expect.
     */
    static SarifSchema210 build(ModelSetup setup, Model model, List<Rule> rules, List<Finding> findings,
                                java.util.function.UnaryOperator<String> relative) throws IOException {
        Set<ReportingDescriptor> descriptors = new LinkedHashSet<>();
        for (Rule r : rules) {
            descriptors.add(new ReportingDescriptor().withId(r.id())
                    .withShortDescription(new MultiformatMessageString().withText(r.info().summary()))
                    .withHelp(new MultiformatMessageString().withText(r.help()).withMarkdown(r.help()))
                    .withDefaultConfiguration(new ReportingConfiguration()
                            .withLevel(ReportingConfiguration.Level.fromValue(r.info().level().label()))));
        }
        ToolComponent driver = new ToolComponent().withName("gfplint").withVersion(Main.version()).withRules(descriptors);
        List<Result> results = new ArrayList<>();
        for (Finding f : findings) {
            Result res = new Result().withRuleId(f.ruleId()).withLevel(Result.Level.fromValue(f.level().label()))
                    .withMessage(new Message().withText(f.message()))
                    .withLocations(List.of(location(relative.apply(f.file()), f.line(), f.col(), null)));
            if (!f.flow().isEmpty()) {
                List<ThreadFlowLocation> steps = new ArrayList<>();
                for (Trace.Step s : f.flow()) {
                    steps.add(new ThreadFlowLocation().withLocation(
                            location(relative.apply(s.file()), s.line(), s.col(), s.describe())));
                }
                steps.add(new ThreadFlowLocation().withLocation(location(relative.apply(f.file()), f.line(), f.col(), "the allocation")));
                res.withCodeFlows(List.of(new CodeFlow().withThreadFlows(List.of(new ThreadFlow().withLocations(steps)))));
            }
            results.add(res);
        }
        PropertyBag props = new PropertyBag()
                .withAdditionalProperty("kernelVersion", setup.version().toString())
                .withAdditionalProperty("kernelVersionSource", setup.versionSource())
                .withAdditionalProperty("gfpFlagsFrom", model.stats().flagSource());
        Run run = new Run().withTool(new Tool().withDriver(driver)).withResults(results)
                .withInvocations(List.of(new Invocation().withExecutionSuccessful(true))).withProperties(props);
        return new SarifSchema210().with$schema(URI.create("https://json.schemastore.org/sarif-2.1.0.json"))
                .withVersion(SarifSchema210.Version._2_1_0).withRuns(List.of(run));
    }

    private static Location location(String file, int line, int col, String message) {
        Location l = new Location().withPhysicalLocation(new PhysicalLocation()
                .withArtifactLocation(new ArtifactLocation().withUri(file.replace('\\', '/')))
                .withRegion(new Region().withStartLine(Math.max(1, line)).withStartColumn(Math.max(1, col))));
        return message == null ? l : l.withMessage(new Message().withText(message));
    }

    static void write(Writer w, ModelSetup setup, Model model, List<Rule> rules, List<Finding> findings,
                      java.util.function.UnaryOperator<String> relative) throws IOException {
        new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(SerializationFeature.INDENT_OUTPUT).writeValue(w, build(setup, model, rules, findings, relative));
    }

    /** Paths relative to the first of {@code roots} that is a directory holding them; "./" dropped. */
    static java.util.function.UnaryOperator<String> relativeTo(List<java.nio.file.Path> roots) {
        return file -> {
            java.nio.file.Path p = java.nio.file.Path.of(file).normalize();
            for (java.nio.file.Path r : roots) {
                java.nio.file.Path root = r.normalize();
                if (java.nio.file.Files.isDirectory(r) && p.startsWith(root) && !p.equals(root)) {
                    return root.relativize(p).toString().replace('\\', '/');
                }
            }
            return p.toString().replace('\\', '/');
        };
    }
}
