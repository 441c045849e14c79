package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One run of {@link Main#run(PrintWriter, PrintWriter, String...)} with its captured streams. */
record CliRun(int code, String out, String err) {
    private static final Pattern SUMMARY =
            Pattern.compile("^gfplint: (\\d+) files \\((\\d+) failed\\), (\\d+) functions, ([\\d.]+)% fully parsed; .*$");

    static CliRun of(String... args) {
        return of(picocli.CommandLine.defaultFactory(), args);
    }

    /** With the commands made by {@code factory} (e.g. a scan whose file reader fails). */
    static CliRun of(picocli.CommandLine.IFactory factory, String... args) {
        // a scan in a test reads and writes no cache unless it names one: each test sees what it scans, nothing
        // an earlier test stored (CacheCliTest tests the cache itself)
        List<String> as = new java.util.ArrayList<>(List.of(args));
        if (!as.isEmpty() && as.get(0).equals("scan") && !as.contains("--no-cache") && !as.contains("--cache-dir")) as.add(1, "--no-cache");
        args = as.toArray(new String[0]);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), factory, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs git in {@code dir} (no user config needed, no signing) and returns its exit code and output. */
    static Git git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t", "-c",
                "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) fail("git " + args[0] + " did not finish: " + out);
        return new Git(p.exitValue(), out);
    }

    record Git(int code, String out) {
        Git ok() {
            assertEquals(0, code, () -> "git failed: " + out);
            return this;
        }
    }

    List<String> errLines() {
        return Arrays.stream(err.split("\\R")).filter(l -> !l.isEmpty()).collect(Collectors.toList());
    }

    /** The err lines that mention {@code needle}, the summary line excluded. */
    List<String> linesMentioning(String needle) {
        return errLines().stream().filter(l -> l.contains(needle) && !SUMMARY.matcher(l).matches())
                .collect(Collectors.toList());
    }

    /** Asserts exactly one diagnostic line {@code gfplint: SEVERITY: PATH...: REASON...} names the file. */
    String assertOneDiagnostic(String severity, Path file, String reason) {
        List<String> lines = linesMentioning(file.getFileName().toString());
        assertEquals(1, lines.size(), () -> "expected exactly one diagnostic naming " + file + " in err:\n" + err);
        String line = lines.get(0);
        String prefix = "gfplint: " + severity + ": " + file;
        if (!line.startsWith(prefix) || !line.contains(reason)) {
            fail("expected a line starting '" + prefix + "' containing '" + reason + "', got: " + line
                    + "\nfull err:\n" + err);
        }
        return line;
    }

    private Matcher summary() {
        List<String> lines = errLines();
        assertFalse(lines.isEmpty(), "no output on err");
        Matcher m = SUMMARY.matcher(lines.get(lines.size() - 1));
        if (!m.matches()) fail("last err line is not the summary:\n" + err);
        return m;
    }

    long files() {
        return Long.parseLong(summary().group(1));
    }

    long filesFailed() {
        return Long.parseLong(summary().group(2));
    }

    long functions() {
        return Long.parseLong(summary().group(3));
    }

    void assertNoStackTrace() {
        for (String l : err.split("\\R")) {
            if (l.startsWith("\tat ")) fail("stack trace in err:\n" + err);
        }
        if (err.contains("Exception") || err.contains("StackOverflowError")) fail("exception in err:\n" + err);
        for (String l : errLines()) {
            if (!SUMMARY.matcher(l).matches() && l.contains("internal error")) fail("internal error in err:\n" + err);
        }
    }

    void assertCode(int expected) {
        assertEquals(expected, code, () -> "exit code; out:\n" + out + "\nerr:\n" + err);
    }

    static final String GOOD_C = "#include <linux/slab.h>\n\n"
            + "static int add_one(int x)\n{\n\treturn x + 1;\n}\n\n"
            + "void *make_buf(size_t n)\n{\n\treturn kmalloc(n, GFP_KERNEL);\n}\n";
    static final int GOOD_C_FUNCTIONS = 2;

    static Path write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    static Path good(Path dir) throws IOException {
        return write(dir.resolve("good.c"), GOOD_C);
    }
}
