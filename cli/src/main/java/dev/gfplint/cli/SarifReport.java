package dev.gfplint.cli;

import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gfplint.core.model.Model;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The SARIF 2.1.0 report: one run of gfplint, with the kernel version the code was judged as and where the
 * flag definitions came from in the run's properties, so an alert can be read against the right semantics.
 */
final class SarifReport {
    private SarifReport() {}

    static SarifSchema210 build(ModelSetup setup, Model model) throws IOException {
        ToolComponent driver = new ToolComponent().withName("gfplint").withVersion(Main.version());
        PropertyBag props = new PropertyBag()
                .withAdditionalProperty("kernelVersion", setup.version().toString())
                .withAdditionalProperty("kernelVersionSource", setup.versionSource())
                .withAdditionalProperty("gfpFlagsFrom", model.stats().flagSource());
        Run run = new Run().withTool(new Tool().withDriver(driver)).withResults(List.of())
                .withInvocations(List.of(new Invocation().withExecutionSuccessful(true))).withProperties(props);
        return new SarifSchema210().with$schema(URI.create("https://json.schemastore.org/sarif-2.1.0.json"))
                .withVersion(SarifSchema210.Version._2_1_0).withRuns(List.of(run));
    }

    static void write(Path file, ModelSetup setup, Model model) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), build(setup, model));
    }
}
