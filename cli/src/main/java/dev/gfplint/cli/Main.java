package dev.gfplint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code gfplint} command. */
@Command(name = "gfplint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Finds misuse of GFP allocation flags in Linux-kernel-style C.",
        subcommands = {ScanCommand.class, RulesCommand.class, ExplainCommand.class, InstallHookCommand.class, CacheCommand.class,
            picocli.AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above the failure level",
            "1:findings at or above the failure level",
            "2:usage or configuration error (bad option, a PATH that does not exist)",
            "3:internal error"})
public final class Main {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Standard output as bytes, when the command line runs on the process's streams: what must reach it byte for
     * byte (the diff of {@code --fix --dry-run}, whose lines are the files' own bytes, in whatever encoding) goes
     * there rather than through the writer's charset. Null when a caller gives its own writers.
     */
    static volatile java.io.OutputStream stdoutBytes;

    /** Runs the command line on the process's streams and returns the exit code. */
    public static int run(String... args) {
        stdoutBytes = System.out;
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line writing to the given streams (used by tests) and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, CommandLine.defaultFactory(), args);
    }

    /** {@code factory} makes the commands; tests use it to give {@code scan} a file reader that fails. */
    static int run(PrintWriter out, PrintWriter err, CommandLine.IFactory factory, String... args) {
        int code = commandLine(out, err, factory).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command line with gfplint's error handling: a bad option or value is exit 2 with one line naming it;
     * anything a command throws is exit 3 with one line, and the stack trace only with {@code --debug}.
     */
    private static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(new Main(), factory);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_INTERNAL);
        cl.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            boolean debug = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug");
            if (debug) e.printStackTrace(cmd.getErr());
            else cmd.getErr().println("gfplint: internal error: " + e + (e.getCause() != null ? ", caused by " + e.getCause() : "")
                    + " (run with --debug for the stack trace)");
            return EXIT_INTERNAL;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("gfplint: " + e.getMessage() + " (see 'gfplint --help')");
            return EXIT_USAGE;
        });
        return cl;
    }

    /** The version recorded in the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"gfplint " + version()};
        }
    }

    static String version() throws IOException {
        return buildProperty("version", "unknown");
    }

    /** The project's home page, from the build (the parent pom's {@code gfplint.home}). */
    static String home() throws IOException {
        return buildProperty("home", "https://github.com/gfplint/gfplint");
    }

    private static String buildProperty(String key, String otherwise) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) p.load(in);
        }
        return p.getProperty(key, otherwise);
    }
}
