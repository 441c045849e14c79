package dev.gfplint.core.scan;

/**
 * A one-line message about the input, not a finding: a file that could not be read or parsed, a path that
 * does not exist. {@code path} names the file; {@code reason} says why.
 */
public record Diagnostic(Severity severity, String path, String reason) implements Comparable<Diagnostic> {
    public enum Severity { ERROR, WARNING, NOTE }

    @Override
    public String toString() {
        return "gfplint: " + severity.name().toLowerCase() + ": " + path + ": " + reason;
    }

    @Override
    public int compareTo(Diagnostic o) {
        int c = path.compareTo(o.path);
        return c != 0 ? c : reason.compareTo(o.reason);
    }
}
