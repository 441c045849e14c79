package dev.gfplint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gfplint.core.cache.FileCache;
import dev.gfplint.core.front.FrontEnd;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.model.Catalog;
import dev.gfplint.core.model.Model;
import dev.gfplint.core.model.ModelBuilder;
import dev.gfplint.core.model.ProgramIndex;
import dev.gfplint.rules.Finding;
import dev.gfplint.rules.Level;
import dev.gfplint.rules.Rule;
import dev.gfplint.rules.RuleRunner;
import dev.gfplint.rules.Rules;
import dev.gfplint.core.scan.DataFiles;
import dev.gfplint.core.scan.Diagnostic;
import dev.gfplint.core.scan.Incidents;
import dev.gfplint.core.scan.Scanner;
import dev.gfplint.core.scan.SourceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.gfplint.core.ir.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
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
            "3:internal error (gfplint failed on a file: the others are still scanned and reported)"})
public final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    /** How files are read: the file system, or in tests a reader that fails on purpose. */
    private final SourceReader reader;

    public ScanCommand() {
        this(SourceReader.FILES);
    }

    ScanCommand(SourceReader reader) {
        this.reader = reader;
    }

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

    @Option(names = "--follow-symlinks", description = "Also follow symbolic links whose targets lie outside the "
            + "scanned PATHs (by default such links are reported and skipped).")
    boolean followSymlinks;

    @Option(names = "--show-limits", description = "List every function where a precision bound of the model was "
            + "reached (a loop widened, too many values kept); by default one line counts them.")
    boolean showLimits;

    @Option(names = "--show-skipped", description = "Add a note for every statement the parser skipped "
            + "(to see what lowers parse coverage).")
    boolean showSkipped;

    enum Format { text, json, sarif, github, html }

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (path:line:col: level: message [rule-id]), "
            + "json (docs/json-format.md), sarif (SARIF 2.1.0), github (GitHub Actions annotations) or html (one "
            + "self-contained page: counts, filters, code excerpts, call chains, rule help) "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the findings to FILE instead of "
            + "standard output.")
    Path output;

    enum FailOn { error, warning, note, none }

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Exit 1 when a finding at or above LEVEL is "
            + "reported: error, warning, note or none (default: ${DEFAULT-VALUE}).", defaultValue = "warning")
    FailOn failOn;

    @Option(names = "--enable", paramLabel = "RULE", split = ",", description = "Run these rules even if the config "
            + "turns them off (comma-separated ids; see 'gfplint rules').")
    List<String> enable = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "RULE", split = ",", description = "Do not run these rules.")
    List<String> disable = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE", description = "Leave out the findings recorded in FILE "
            + "(written by --write-baseline); matched by rule, path and line fingerprint.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "Record this scan's findings in FILE.")
    Path writeBaseline;

    @Option(names = "--diff", paramLabel = "REV", description = "Report only findings on lines changed since the "
            + "git revision REV (working tree included). The analysis still sees every file.")
    String diffRev;

    @Option(names = "--staged", description = "Report only findings on lines staged in git (for pre-commit hooks).")
    boolean staged;

    @Option(names = "--repo-context", description = "Analyse every file of the git work tree the first PATH is in "
            + "(unchanged ones from the cache) and report only the findings in the PATHs given: what the pre-commit "
            + "hook does with the files of a commit. --staged and --diff do the same.")
    boolean repoContext;

    @Option(names = "--whole-link", hidden = true, description = "With --staged, --diff or --repo-context: link every "
            + "file of the work tree, not only those the reported findings depend on (for comparing the two).")
    boolean wholeLink;

    @Option(names = "--config", paramLabel = "FILE", description = "The configuration (default: the nearest "
            + ".gfplint.yaml in the first PATH's directory or above; see the README).")
    Path configFile;

    @Option(names = "--no-config", description = "Read no .gfplint.yaml.")
    boolean noConfig;

    enum GroupBy { none, maintainer }

    @Option(names = "--group-by", paramLabel = "WHAT", description = "text output only: 'maintainer' prints one block "
            + "per subsystem of the kernel tree's MAINTAINERS file, headed by its lists, maintainers and reviewers, so "
            + "that each list can be mailed its findings (default: ${DEFAULT-VALUE}).", defaultValue = "none")
    GroupBy groupBy;

    @Option(names = "--fix", description = "Apply the mechanical fixes of the reported findings in place (a redundant "
            + "__GFP_NOWARN, a no-op __GFP_NORETRY, the function's own gfp parameter for a hard-coded mask, a scope around "
            + "vmalloc with NOFS/NOIO before 5.17), then report what is left. Nothing else is changed, byte for byte.")
    boolean fix;

    @Option(names = "--dry-run", description = "With --fix: change nothing, print the unified diff the fixes would make "
            + "(for git apply or patch -p1); exit 1 when there is one, else 0.")
    boolean dryRun;

    @Option(names = "--no-color", description = "No colours in text output (also when NO_COLOR is set or the "
            + "output is not a terminal).")
    boolean noColor;

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

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Keep per-file results in DIR (default: "
            + "$XDG_CACHE_HOME/gfplint, else ~/.cache/gfplint): a re-scan parses only the files that changed, and "
            + "still analyses the whole program.")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Neither read nor write the cache.")
    boolean noCache;

    @Option(names = {"-q", "--quiet"}, description = "Print no per-file notes, only errors and the summary.")
    boolean quiet;

    @Option(names = "--debug", description = "Print stack traces of internal errors.")
    boolean debug;

    /** The work tree's top as a scan root: relative to the working directory when it contains it ("." or ".."s). */
    private static Path workTree(Path top) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (!cwd.startsWith(top)) return top;
        Path rel = cwd.relativize(top);
        return rel; // "" when it is the working directory: files are then shown as helper.c, not ./helper.c
    }

    /** Wall time per phase of a scan, for --model-stats: "files 8.1 s, second reading 0.9 s, model 6.2 s, ...". */
    static final class Phases {
        private long last = System.nanoTime();
        private final StringBuilder sb = new StringBuilder();

        void mark(String phase) {
            long now = System.nanoTime();
            if (sb.length() > 0) sb.append(", ");
            sb.append(phase).append(' ').append(String.format(java.util.Locale.ROOT, "%.1f s", (now - last) / 1e9));
            last = now;
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    /** Whether {@code file} is one of {@code paths} or lies under one of them. */
    private static boolean under(String file, List<Path> paths) {
        Path f = Path.of(file).toAbsolutePath().normalize();
        for (Path p : paths) if (f.startsWith(p)) return true;
        return false;
    }

    @Override
    public Integer call() throws Exception {
        Phases phases = new Phases();
        PrintWriter err = spec.commandLine().getErr();
        if (jobs != null && jobs < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1");
        if (maxFileMiB <= 0) throw new CommandLine.ParameterException(spec.commandLine(), "--max-file-size must be positive");
        if (groupBy != GroupBy.none && format != Format.text) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--group-by works with --format text only"
                    + " (json, sarif and html carry each finding's maintainers in its own fields)");
        }
        if (dryRun && !fix) throw new CommandLine.ParameterException(spec.commandLine(), "--dry-run needs --fix");
        List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        Config config;
        try {
            config = readConfig(roots.get(0));
        } catch (ConfigException e) {
            err.println("gfplint: error: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (diffRev != null && staged) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--diff and --staged cannot be used together");
        }
        GitChanges changes = null;
        List<Path> reportOnly = null;
        if (diffRev != null || staged || repoContext) {
            Path top;
            try {
                if (diffRev != null || staged) {
                    changes = GitChanges.of(staged ? null : diffRev, SourceRoot.directoryOf(roots.get(0)));
                    top = changes.top();
                } else {
                    top = GitChanges.topOf(SourceRoot.directoryOf(roots.get(0)));
                }
            } catch (GitChanges.GitException e) {
                err.println("gfplint: error: " + (staged ? "--staged" : diffRev != null ? "--diff " + diffRev : "--repo-context")
                        + ": " + e.getMessage());
                return Main.EXIT_USAGE;
            }
            // the changed lines are judged in the whole program: every file of the work tree is scanned (those
            // unchanged from the cache), and only findings in the PATHs given, if any, on changed lines are reported
            for (Path p : paths) {
                String absent = dev.gfplint.core.scan.Scanner.absent(p);
                if (absent != null) {
                    err.println("gfplint: error: " + p + ": " + absent);
                    return Main.EXIT_USAGE;
                }
            }
            if (!paths.isEmpty()) reportOnly = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
            roots = List.of(workTree(top));
        }
        IdiomTable idioms;
        Catalog catalog;
        try {
            idioms = load("idiom", () -> idiomFiles.isEmpty() ? IdiomTable.defaults() : IdiomTable.withExtensions(idiomFiles));
            catalog = load("catalog", () -> {
                if (catalogFiles.isEmpty()) return config.catalog(); // built and checked when the config was read
                List<Map.Entry<String, String>> texts = new ArrayList<>(config.catalogExtensions());
                for (Path f : catalogFiles) texts.add(Map.entry(f.toString(), DataFiles.read(f, java.nio.charset.StandardCharsets.UTF_8)));
                return Catalog.withExtensionTexts(texts);
            });
        } catch (BadDataFile e) {
            err.println("gfplint: error: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        ModelSetup setup;
        try {
            setup = ModelSetup.choose(kernelVersion, config.kernelVersion().orElse(null), config.file().orElse(null), roots);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kernel-version: " + e.getMessage());
        }
        Set<String> known = new TreeSet<>(Rules.ids());
        for (String id : concat(enable, disable)) {
            if (!known.contains(id)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown rule id '" + id + "' (known: "
                        + String.join(", ", known) + ")");
            }
        }
        List<Rule> rules = new ArrayList<>();
        for (Rule r : Rules.all()) {
            boolean on = enable.contains(r.id()) || config.enabled(r.id()) && !disable.contains(r.id());
            if (on) rules.add(r);
        }
        Map<String, Level> levels = config.ruleLevels();
        Baseline base = null;
        if (baseline != null) {
            try {
                base = Baseline.read(baseline);
            } catch (Baseline.BadBaseline e) {
                err.println("gfplint: error: " + e.getMessage());
                return Main.EXIT_USAGE;
            }
        }
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        Scanner scanner = new Scanner(new FrontEnd(idioms, showSkipped), reader);
        FileCache cache = noCache ? null : new FileCache(cacheDir != null ? cacheDir : FileCache.defaultRoot(System.getenv()),
                CacheKey.fingerprint(setup, idiomFiles, catalogFiles, config, rules, showSkipped), FileCache.DEFAULT_MAX_BYTES);
        // a run that reports the findings of some files only links what they depend on, from the outlines the last
        // such run kept (see PartialLink); --whole-link, a missing index, or a case the outlines cannot settle: all of it
        byte[] outlines = cache != null && (changes != null || reportOnly != null) ? PartialLink.key(cache, roots) : null;
        phases.mark("setup");
        Incidents incidents = new Incidents();
        ModelBuilder builder = new ModelBuilder(setup.version(), catalog, setup.flags(), incidents);
        RuleRunner runner = new RuleRunner(rules, builder.catalog(), incidents);
        Map<String, List<Suppression>> suppressions = new ConcurrentHashMap<>();
        Map<String, ModelBuilder.FileModel> models = outlines != null ? new ConcurrentHashMap<>() : null;
        Scanner.Progress progress = ScanProgress.forTerminal(quiet);
        PartialLink part = null;
        Scanner.Listing listing;
        Scanner.Result r;
        try {
            Scanner.Options options = new Scanner.Options(roots, n, (long) (maxFileMiB * 1048576), config::excluded,
                    progress, followSymlinks, incidents, cache);
            Scanner.Sink sink = FileResults.first(builder, runner, suppressions, incidents, cache != null, models);
            // the stamps and the outlines are read on another core while this one lists the tree (syscalls, mostly)
            if (cache != null) java.util.concurrent.CompletableFuture.runAsync(cache::loadIndex);
            java.util.concurrent.CompletableFuture<ProgramIndex> index = outlines != null && !wholeLink
                    ? java.util.concurrent.CompletableFuture.supplyAsync(() -> PartialLink.load(cache, outlines, builder.names()))
                    : null;
            listing = scanner.list(options);
            if (index != null) {
                GitChanges c = changes;
                List<Path> only = reportOnly;
                phases.mark("listing");
                part = PartialLink.plan(cache, outlines, index.join(), listing,
                        p -> (c == null || c.touchesFile(p)) && (only == null || under(p, only)));
                phases.mark("outlines");
            }
            if (part == null) {
                r = scanner.scan(options, sink, listing, p -> true, null);
            } else {
                PartialLink pl = part;
                r = scanner.scan(options, sink, listing, pl.first(), () -> {
                    phases.mark("changed files");
                    java.util.function.Predicate<String> linked = pl.then(models);
                    phases.mark("slice");
                    return linked;
                });
                pl.complete(builder);
            }
            phases.mark("files");
            // the files that call another file's lock wrappers, read again knowing them
            scanner.revisit(options, builder.filesToRevisit(), FileResults.again(builder, incidents, cache != null));
            phases.mark("second reading");
        } finally {
            ScanProgress.close(progress);
        }
        if (cache != null) CacheKey.finish(cache, err, quiet);
        phases.mark("cache index");
        Model model = Scanner.onScanStack(builder::build);
        phases.mark("model");
        List<Finding> found = Scanner.onScanStack(() -> runner.onModel(model));
        phases.mark("rules");
        if (part != null) {
            part.save();
            err.println(part.summary()); // with -q too: what a report-only run linked is part of its summary
        } else if (outlines != null && !wholeLink) {
            PartialLink.saveWhole(cache, outlines, listing.displays(), models);
        }
        Set<String> enabled = new TreeSet<>();
        for (Rule rule : rules) enabled.add(rule.id());
        if (!levels.isEmpty()) { // the config sets a rule's level: its findings take it, notes stay notes
            found = found.stream().map(f -> levels.containsKey(f.ruleId()) && f.level() != Level.NOTE
                    ? f.at(levels.get(f.ruleId())) : f).toList();
        }
        List<Finding> findings = Suppressions.apply(found, suppressions, enabled, known);
        SourceRoot source = SourceRoot.of(roots);
        UnaryOperator<String> relative = source::relative;
        Fingerprints fps = new Fingerprints();
        List<Finding> beforeBaseline = findings;
        if (base != null) findings = base.newFindings(findings, relative, fps);
        if (changes != null || reportOnly != null) {
            GitChanges c = changes;
            List<Path> only = reportOnly;
            findings = findings.stream().filter(f -> (c == null || c.touches(f.file(), f.line())) && (only == null || under(f.file(), only))).toList();
        }
        // what the scan says about its input, then what went wrong or was cut short in any phase, in one order
        List<Diagnostic> diagnostics = new ArrayList<>(r.diagnostics());
        diagnostics.addAll(incidents.diagnostics());
        if (showLimits) diagnostics.addAll(incidents.bounds());
        java.util.Collections.sort(diagnostics);
        r.stats().internalErrors += incidents.internalErrors();
        for (Diagnostic d : diagnostics) {
            if (quiet && d.severity() == Diagnostic.Severity.NOTE) continue;
            err.println(d);
        }
        String bounds = incidents.boundSummary();
        if (bounds != null && !showLimits && !quiet) err.println(bounds);
        if (debug) {
            for (Incidents.Failure f : incidents.failures()) {
                err.println("gfplint: internal error in " + f.file() + (f.where().isEmpty() ? "" : " (" + f.where() + ")") + ":");
                f.error().printStackTrace(err);
            }
        }
        FixEdits fixEdits = new FixEdits();
        if (fix) {
            List<FixApplier.Change> planned = FixApplier.plan(findings, fixEdits);
            int made = planned.stream().mapToInt(c -> c.made().size()).sum();
            if (dryRun) {
                try {
                    byte[] diff = FixApplier.diff(planned, source);
                    if (output != null) {
                        makeOutputDirectory();
                        Files.write(output, diff);
                    } else if (Main.stdoutBytes != null) {
                        spec.commandLine().getOut().flush();
                        Main.stdoutBytes.write(diff);
                        Main.stdoutBytes.flush();
                    } else { // a caller's own writer: one char per byte, which it can turn back into the bytes
                        spec.commandLine().getOut().write(new String(diff, java.nio.charset.StandardCharsets.ISO_8859_1));
                        spec.commandLine().getOut().flush();
                    }
                } catch (IOException e) {
                    err.println("gfplint: error: " + output + ": cannot write the diff: " + e.getMessage());
                    return Main.EXIT_USAGE;
                }
                err.println("gfplint: --dry-run: " + made + " of " + findings.size() + " findings have a fix, in "
                        + planned.size() + (planned.size() == 1 ? " file" : " files") + "; nothing was changed");
                return planned.isEmpty() ? Main.EXIT_OK : Main.EXIT_FINDINGS;
            }
            List<FixApplier.Change> done = FixApplier.write(planned, err);
            int fixed = done.stream().mapToInt(c -> c.made().size()).sum();
            findings = FixApplier.remaining(findings, done);
            err.println("gfplint: fixed " + fixed + (fixed == 1 ? " finding" : " findings") + " in " + done.size()
                    + (done.size() == 1 ? " file" : " files") + "; " + findings.size() + " left");
            fixEdits = new FixEdits(); // the fixed files are read again, as they are now
        }
        // a file gfplint failed on is a bug in gfplint and the results may be incomplete: say so in the exit code,
        // after reporting everything the scan did find
        int exit = r.missingPaths() ? Main.EXIT_USAGE : r.stats().internalErrors > 0 ? Main.EXIT_INTERNAL : exitCode(findings);
        ScanOutcome outcome = new ScanOutcome(setup, model, rules, findings, source, r.stats(), diagnostics, fps, exit,
                Owners.of(roots), fixEdits);
        err.println(setup.summaryLine(model));
        if (modelStats) ModelReport.print(model, err);
        try {
            writeFindings(outcome);
        } catch (IOException e) {
            err.println("gfplint: error: " + output + ": cannot write findings: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        phases.mark("output");
        if (modelStats) err.println("time: " + phases);
        err.println(outcome.summaryLine());
        if (writeBaseline != null) {
            try {
                Baseline.write(writeBaseline, beforeBaseline, relative, fps); // with --baseline: old and new
            } catch (IOException e) {
                err.println("gfplint: error: " + writeBaseline + ": cannot write baseline: " + e.getMessage());
                return Main.EXIT_USAGE;
            }
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
                ObjectNode reached = json.putObject("boundsReached");
                incidents.boundCounts().forEach((k, v) -> reached.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
                mapper.writeValue(statsJson.toFile(), json);
            } catch (IOException e) {
                err.println("gfplint: error: " + statsJson + ": cannot write statistics: " + e.getMessage());
                return Main.EXIT_USAGE;
            }
        }
        return exit;
    }

    /** --config, else the nearest .gfplint.yaml from {@code start} upwards, else none (or none with --no-config). */
    private Config readConfig(Path start) throws ConfigException {
        if (noConfig) return Config.empty();
        java.util.Optional<Path> file = configFile != null ? java.util.Optional.of(configFile) : Config.findNearest(start);
        return file.isPresent() ? Config.load(file.get()) : Config.empty();
    }

    private int exitCode(List<Finding> findings) {
        if (failOn == FailOn.none) return Main.EXIT_OK;
        Level min = switch (failOn) {
            case error -> Level.ERROR;
            case warning -> Level.WARNING;
            default -> Level.NOTE;
        };
        return findings.stream().anyMatch(f -> f.level().compareTo(min) >= 0) ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> r = new ArrayList<>(a);
        r.addAll(b);
        return r;
    }

    private boolean colour() {
        return !noColor && output == null && System.getenv("NO_COLOR") == null && System.console() != null;
    }

    private void writeFindings(ScanOutcome o) throws IOException {
        writeTo(w -> {
            switch (format) {
                case sarif -> SarifReport.write(w, o);
                case json -> Reports.json(w, o);
                case github -> Reports.github(w, o.findings(), o.source()::relative);
                case html -> HtmlReport.write(w, o);
                default -> {
                    if (groupBy == GroupBy.maintainer) Reports.textByMaintainer(w, o.findings(), o.owners(), colour(), o.fixes());
                    else Reports.text(w, o.findings(), colour(), o.fixes());
                }
            }
        });
    }

    @FunctionalInterface
    private interface Output {
        void write(java.io.Writer w) throws IOException;
    }

    /** The directory --output names a file in, made if it is missing. */
    private void makeOutputDirectory() throws IOException {
        if (output == null) return;
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
    }

    /** Writes to --output (its directory made if needed), else to standard output. */
    private void writeTo(Output out) throws IOException {
        makeOutputDirectory();
        java.io.Writer w = output != null ? Files.newBufferedWriter(output) : spec.commandLine().getOut();
        try {
            out.write(w);
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
