package dev.gfplint.cli;

import java.nio.file.Path;

/**
 * A {@code .gfplint.yaml} that cannot be used. The message is one line, {@code path:line: what is wrong}, with the
 * 1-based line of the key or value at fault; {@code path: what is wrong} when no line applies (the file cannot be
 * read at all).
 */
public final class ConfigException extends Exception {
    private final Path file;
    private final int line;
    private final String problem;

    public ConfigException(Path file, int line, String problem) {
        super(format(file, line, problem));
        this.file = file;
        this.line = line;
        this.problem = oneLine(problem);
    }

    /** The configuration file, as it was given to {@link Config#load}. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault; 0 when the problem is not on a line. */
    public int line() {
        return line;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }

    private static String format(Path file, int line, String problem) {
        return file + (line > 0 ? ":" + line : "") + ": " + oneLine(problem);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
