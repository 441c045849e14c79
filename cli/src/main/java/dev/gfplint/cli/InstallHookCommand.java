package dev.gfplint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gfplint install-hook}: writes a plain git pre-commit hook (for users without the pre-commit
 * framework) that scans the staged C files and reports only the staged lines.
 */
@Command(name = "install-hook", mixinStandardHelpOptions = true, description = "Write a git pre-commit hook into the "
        + "repository that scans staged C sources and headers and fails the commit on findings in staged lines.")
final class InstallHookCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", description = "The git repository (default: the current directory).")
    Path repo = Path.of(".");

    @Option(names = "--force", description = "Replace an existing pre-commit hook.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Path hooks;
        try {
            // git's own answer: right for worktrees (.git is a file there) and for core.hooksPath
            hooks = Path.of(GitChanges.run(repo.toAbsolutePath().normalize(), "git", "rev-parse", "--path-format=absolute",
                    "--git-path", "hooks").strip());
        } catch (GitChanges.GitException e) {
            err.println("gfplint: error: " + repo.toAbsolutePath().normalize() + ": not in a git repository (" + e.getMessage() + ")");
            return Main.EXIT_USAGE;
        }
        Path hook = hooks.resolve("pre-commit");
        if (Files.exists(hook) && !force) {
            err.println("gfplint: error: " + hook + ": a pre-commit hook exists already (use --force to replace it)");
            return Main.EXIT_USAGE;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = """
                #!/bin/sh
                # Written by 'gfplint install-hook': judges the staged lines of C files with the whole work tree as the program.
                files=$(git diff --cached --name-only --diff-filter=ACMR -- '*.c' '*.h')
                [ -z "$files" ] && exit 0
                # shellcheck disable=SC2086
                exec %s %s%s-cp %s dev.gfplint.cli.Main scan --staged -q $files
                """.formatted(shellWord(java), sharedArchive(), jvmOptions(), shellWord(classPath()));
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, script, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            err.println("gfplint: warning: " + hook + ": cannot mark executable on this file system");
        }
        spec.commandLine().getOut().println("gfplint: wrote " + hook);
        return Main.EXIT_OK;
    }

    /**
     * The launcher's JVM options (cli/jvm.options) and those of a run that reads most files from the cache
     * (cli/jvm-warm.options: a hook judges a commit with the rest of the repository from the cache), as JVM
     * options ending in a blank; empty when the jar holds neither.
     */
    private static String jvmOptions() {
        StringBuilder sb = new StringBuilder();
        for (String name : new String[] {"jvm.options", "jvm-warm.options"}) {
            try (java.io.InputStream in = InstallHookCommand.class.getResourceAsStream(name)) {
                if (in == null) continue;
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String t = line.strip();
                    if (t.isEmpty() || t.startsWith("#")) continue;
                    for (String opt : t.split("\\s+")) sb.append(shellWord(opt)).append(' ');
                }
            } catch (IOException e) {
                // the hook then runs with the JVM's defaults
            }
        }
        return sb.toString();
    }

    /**
     * The launcher's class-data-sharing archive for this JDK beside the jar this runs from (see the
     * {@code gfplint} script), as JVM options ending in a blank; empty when there is none. A JVM that cannot
     * use it ignores it, silently.
     */
    private static String sharedArchive() {
        String cp = classPath();
        if (cp.contains(java.io.File.pathSeparator) || !cp.endsWith(".jar")) return "";
        String javaBin;
        try {
            javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath().toString();
        } catch (java.io.IOException e) {
            return "";
        }
        // the launcher's name for this JDK's archive: the java binary's real path, other characters as '_'
        Path jsa = Path.of(cp).resolveSibling("gfplint-" + javaBin.replaceAll("[^A-Za-z0-9.-]", "_") + ".jsa");
        return Files.isRegularFile(jsa) ? shellWord("-XX:SharedArchiveFile=" + jsa) + " -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off " : "";
    }

    /** {@code s} as one POSIX shell word: single quotes, each ' written as '\''. */
    static String shellWord(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** This JVM's class path with absolute entries: the jar when run from it, the build's classes in tests. */
    private static String classPath() {
        List<String> abs = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) abs.add(Path.of(e).toAbsolutePath().normalize().toString());
        }
        return String.join(java.io.File.pathSeparator, abs);
    }
}
