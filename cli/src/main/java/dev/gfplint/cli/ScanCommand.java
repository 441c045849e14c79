package dev.gfplint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gfplint.core.front.FrontEnd;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.model.Catalog;
import dev.gfplint.core.model.Model;
import dev.gfplint.core.model.ModelBuilder;
import dev.gfplint.rules.Finding;
import dev.gfplint.rules.Level;
import dev.gfplint.rules.Rule;
import dev.gfplint.rules.RuleRunner;
import dev.gfplint.rules.Rules;
import dev.gfplint.core.scan.Diagnostic;
import dev.gfplint.core.scan.Scanner;
import dev.gfplint.core.scan.SourceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gfplint scan PATH...}: parse the tree, build the IR, check it, report. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scan C sources (files, or directories searched for *.c and *.h).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above the failure level",
            "1:findings at or above the failure level",
            "2:usage or configuration error (bad option, a PATH that does not exist)",
            "3:internal error"})
public final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "Files or directories to scan (default: the current directory).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--stats-json", paramLabel = "FILE", description = "Write parse statistics as JSON to FILE.")
    Path statsJson;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer jobs;

    @Option(names = "--idioms", paramLabel = "FILE", description = "Extra kernel idioms (annotation, iterator, "
            + "guard and function-defining macros, typedef names), in the format of the built-in idioms.conf.")
    List<Path> idiomFiles = new ArrayList<>();

    @Option(names = "--max-file-size", paramLabel = "MIB", description = "Skip files larger than this many MiB "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "32")
    double maxFileMiB;

    @Option(names = "--show-skipped", description = "Add a note for every statement the parser skipped "
            + "(to see what lowers parse coverage).")
    boolean showSkipped;

    enum Format { text, sarif }

    @Option(names = "--format", paramLabel = "FORMAT", description = "Findings as text (path:line:col: level: "
            + "message [rule-id]) or as SARIF 2.1.0 (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the findings to FILE instead of "
            + "standard output.")
    Path output;

    @Option(names = "--kernel-version", paramLabel = "X.Y", description = "Judge the code as this kernel version "
            + "(default: VERSION and PATCHLEVEL of the tree's top-level Makefile, else " + "the newest modelled version).")
    String kernelVersion;

    @Option(names = "--catalog", paramLabel = "FILE", description = "Extra allocators, scope APIs, scope openers or "
            + "mask helpers, in the format of the built-in allocators.conf and scopes.conf.")
    List<Path> catalogFiles = new ArrayList<>();

    @Option(names = "--model-stats", description = "Print what the allocator model found: allocation sites, how many "
            + "have a definite __GFP_FS and __GFP_DIRECT_RECLAIM, inferred wrappers, the call graph.")
    boolean modelStats;

    @Option(names = "--model-sites", paramLabel = "FILE", description = "Write every allocation site the model "
            + "found, with the masks it may see and the call chains, as TSV to FILE (for triage).")
    Path modelSites;

    @Option(names = {"-q", "--quiet"}, description = "Print no per-file notes, only errors and the summary.")
    boolean quiet;

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (jobs != null && jobs < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1");
        if (maxFileMiB <= 0) throw new CommandLine.ParameterException(spec.commandLine(), "--max-file-size must be positive");
        IdiomTable idioms;
        Catalog catalog;
        try {
            idioms = load("idiom", () -> idiomFiles.isEmpty() ? IdiomTable.defaults() : IdiomTable.withExtensions(idiomFiles));
            catalog = load("catalog", () -> catalogFiles.isEmpty() ? Catalog.defaults() : Catalog.withExtensions(catalogFiles));
        } catch (BadDataFile e) {
            err.println("gfplint: error: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        ModelSetup setup;
        try {
            setup = ModelSetup.choose(kernelVersion, roots);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kernel-version: " + e.getMessage());
        }
        ModelBuilder builder = new ModelBuilder(setup.version(), catalog, setup.flags());
        List<Rule> rules = Rules.all();
        RuleRunner runner = new RuleRunner(rules, builder.catalog());
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        Scanner scanner = new Scanner(new FrontEnd(idioms, showSkipped), SourceReader.FILES);
        Scanner.Result r = scanner.scan(new Scanner.Options(roots, n, (long) (maxFileMiB * 1048576)), unit -> {
            builder.add(unit);
            runner.onFile(unit);
        });
        Model model = builder.build();
        List<Finding> findings = runner.onModel(model);
        for (Diagnostic d : r.diagnostics()) {
            if (quiet && d.severity() == Diagnostic.Severity.NOTE) continue;
            err.println(d);
        }
        err.println(setup.summaryLine(model));
        err.println(r.stats().summaryLine());
        if (modelStats) ModelReport.print(model, err);
        try {
            writeFindings(setup, model, rules, findings, roots);
        } catch (IOException e) {
            err.println("gfplint: error: " + output + ": cannot write findings: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (modelSites != null) {
            try {
                ModelReport.writeSites(model, modelSites);
            } catch (IOException e) {
                err.println("gfplint: error: " + modelSites + ": cannot write allocation sites: " + e.getMessage());
                return Main.EXIT_USAGE;
            }
        }
        err.flush();
        if (statsJson != null) {
            try {
                Path parent = statsJson.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ObjectNode json = mapper.valueToTree(r.stats());
                json.put("kernelVersion", setup.version().toString());
                json.put("kernelVersionSource", setup.versionSource());
                json.set("model", mapper.valueToTree(model.stats()));
                mapper.writeValue(statsJson.toFile(), json);
            } catch (IOException e) {
                err.println("gfplint: error: " + statsJson + ": cannot write statistics: " + e.getMessage());
                return Main.EXIT_USAGE;
            }
        }
        if (r.missingPaths()) return Main.EXIT_USAGE;
        return findings.stream().anyMatch(f -> f.level() != Level.NOTE) ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }

    private void writeFindings(ModelSetup setup, Model model, List<Rule> rules, List<Finding> findings, List<Path> roots)
            throws IOException {
        if (output != null) {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        }
        java.io.Writer w = output != null ? Files.newBufferedWriter(output) : spec.commandLine().getOut();
        try {
            if (format == Format.sarif) {
                SarifReport.write(w, setup, model, rules, findings, SarifReport.relativeTo(roots));
            } else {
                for (Finding f : findings) {
                    w.write(f.toText());
                    w.write(System.lineSeparator());
                    for (dev.gfplint.core.model.Trace.Step s : f.flow()) {
                        w.write("    " + s.file() + ":" + s.line() + ":" + s.col() + ": note: " + s.describe() + System.lineSeparator());
                    }
                }
            }
        } finally {
            if (output != null) w.close();
            else w.flush();
        }
    }

    /** A user's data file (idioms, catalog) that cannot be read or parsed: a usage error. */
    private static final class BadDataFile extends Exception {
        BadDataFile(String m) {
            super(m);
        }
    }

    @FunctionalInterface
    private interface Loader<T> {
        T load() throws IOException, IdiomTable.IdiomFormatException, Catalog.FormatException;
    }

    /** Loads built-in data plus the user's files; the message names the file (and line) at fault. */
    private static <T> T load(String what, Loader<T> loader) throws BadDataFile {
        try {
            return loader.load();
        } catch (IOException e) {
            throw new BadDataFile("cannot read " + what + " file: " + e.getMessage());
        } catch (IdiomTable.IdiomFormatException | Catalog.FormatException e) {
            throw new BadDataFile(e.getMessage());
        }
    }
}
