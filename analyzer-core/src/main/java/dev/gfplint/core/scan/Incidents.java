package dev.gfplint.core.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What went wrong or was cut short during a scan, collected from every phase and thread: internal errors
 * (a bug in gfplint, caught where one file or function was being handled, so that it costs only that) and
 * limits (a bound on the work for one file or function was reached; what the analysis concluded there is
 * less than it could have been, and the user is told so instead of results disappearing silently). Both
 * become one-line {@link Diagnostic}s naming the file; the output is sorted, so it does not depend on the
 * order in which threads reported.
 */
public final class Incidents {
    /** An internal error with its stack trace (printed with --debug). */
    public record Failure(String file, int line, String where, Throwable error) {}

    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Diagnostic> limits = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Diagnostic> keyed = new java.util.concurrent.ConcurrentHashMap<>();

    /** gfplint failed while handling {@code where} ("function f", "the rule r") in {@code file}. */
    public void internalError(String file, int line, String where, Throwable e) {
        failures.add(new Failure(file, line, where, e));
    }

    /** A bound on the work was reached in {@code file} at {@code line}; {@code reason} says which and what it costs. */
    public void limit(String file, int line, String reason) {
        limits.add(new Diagnostic(Diagnostic.Severity.NOTE, file, line, reason));
    }

    /**
     * Like {@link #limit}, but one note per {@code file} and {@code key}, however often it is reached: the one
     * whose text sorts first, so the note does not depend on the order of the reports.
     */
    public void limitOnce(String file, String key, String reason) {
        Diagnostic d = new Diagnostic(Diagnostic.Severity.NOTE, file, 0, reason);
        keyed.merge(file + "\0" + key, d, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }

    /**
     * Runs {@code work}; whatever it throws (a StackOverflowError, an OutOfMemoryError, a bug) is recorded as an
     * internal error in {@code file} and the caller goes on with the next piece of work.
     */
    public boolean guard(String file, int line, String where, Runnable work) {
        try {
            work.run();
            return true;
        } catch (Throwable e) {
            internalError(file, line, where, e);
            return false;
        }
    }

    public int internalErrors() {
        return failures.size();
    }

    /** The internal errors, ordered by file, line and text. */
    public List<Failure> failures() {
        List<Failure> out = new ArrayList<>(failures);
        out.sort(Comparator.comparing(Failure::file).thenComparingInt(Failure::line).thenComparing(Failure::where)
                .thenComparing(f -> String.valueOf(f.error())));
        return out;
    }

    /** Every incident as a diagnostic (internal errors as errors, limits as notes), sorted, without repeats. */
    public List<Diagnostic> diagnostics() {
        java.util.TreeSet<Diagnostic> out = new java.util.TreeSet<>(Comparator.<Diagnostic>naturalOrder()
                .thenComparing(Diagnostic::severity));
        for (Failure f : failures) {
            String where = f.where() == null || f.where().isEmpty() ? "" : " in " + f.where();
            out.add(new Diagnostic(Diagnostic.Severity.ERROR, f.file(), f.line(), "internal error" + where + ": "
                    + describe(f.error())));
        }
        out.addAll(limits);
        out.addAll(keyed.values());
        return new ArrayList<>(out);
    }

    /** One line: the error and where in gfplint it happened, without the stack. */
    public static String describe(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        String what = e instanceof OutOfMemoryError ? "out of memory (" + e.getMessage() + ")" : e.toString();
        return what + (st.length > 0 ? " at " + st[0] : "");
    }
}
