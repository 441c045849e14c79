package dev.gfplint.core.scan;

/**
 * A one-line message about the input, not a finding: a file that could not be read or parsed, a path that
 * does not exist, a function the parser gave up on. {@code path} names the file; {@code line} is the line it is
 * about, 0 for the whole file; {@code reason} says why.
 */
public record Diagnostic(Severity severity, String path, int line, String reason) implements Comparable<Diagnostic> {
    public enum Severity { ERROR, WARNING, NOTE }

    /** About the whole file. */
    public Diagnostic(Severity severity, String path, String reason) {
        this(severity, path, 0, reason);
    }

    @Override
    public String toString() {
        return "gfplint: " + severity.name().toLowerCase() + ": " + path + (line > 0 ? ":" + line : "") + ": " + reason;
    }

    @Override
    public int compareTo(Diagnostic o) {
        int c = path.compareTo(o.path);
        if (c == 0) c = Integer.compare(line, o.line);
        return c != 0 ? c : reason.compareTo(o.reason);
    }
}
