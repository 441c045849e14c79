package dev.gfplint.core.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What went wrong or was cut short during a scan, collected from every phase and thread:
 * <ul>
 *   <li>internal errors: a bug in gfplint, caught where one file or function was being handled, so that it
 *       costs only that;</li>
 *   <li>limits: a bound on the work one file or function may cost was reached (a file too large, a statement
 *       nested too deep, a dataflow budget), rare in real code and always reported;</li>
 *   <li>bounds: a precision bound of the model was reached (a loop widened, more values than are kept), common
 *       in real code (about a thousand functions of Linux 6.12): counted by {@link Bound} in one summary, and
 *       listed one per function on request.</li>
 * </ul>
 * Each becomes a one-line {@link Diagnostic} naming the file, so nothing is cut short silently; the output is
 * sorted, so it does not depend on the order in which threads reported.
 */
public final class Incidents {
    /** The precision bounds of the model, as the summary names them. */
    public enum Bound {
        LOOP("local masks widened in a loop"),
        VALUES("local masks with too many values"),
        REACHES("wrappers reaching too many allocations"),
        INCOMING("parameters given too many masks"),
        CHAIN("call chains too long"),
        LOCKS("functions taking too many locks");

        public final String summary;

        Bound(String summary) {
            this.summary = summary;
        }
    }

    /** An internal error with its stack trace (printed with --debug). */
    public record Failure(String file, int line, String where, Throwable error) {}

    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Diagnostic> limits = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Diagnostic> keyed = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<Diagnostic, Bound> bounds = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One incident of a file's own analysis, as {@link #ofFile} gives it and {@link #replay} takes it back: a
     * limit ({@code kind} -1), a keyed limit ({@code kind} -2, {@code key} set) or a precision bound
     * ({@code kind} the {@link Bound}'s ordinal).
     */
    public record Recorded(int kind, String key, int line, String reason) {}

    private final java.util.concurrent.ConcurrentHashMap<String, ConcurrentLinkedQueue<Recorded>> byFile =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> failedFiles = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void record(String file, Recorded r) {
        if (file != null) byFile.computeIfAbsent(file, k -> new ConcurrentLinkedQueue<>()).add(r);
    }

    /** What the analysis of {@code file} has recorded so far (for the cache), in a fixed order. */
    public List<Recorded> ofFile(String file) {
        ConcurrentLinkedQueue<Recorded> q = byFile.get(file);
        if (q == null) return List.of();
        List<Recorded> out = new ArrayList<>(q);
        out.sort(Comparator.comparingInt(Recorded::kind).thenComparing(r -> String.valueOf(r.key()))
                .thenComparingInt(Recorded::line).thenComparing(Recorded::reason));
        return out;
    }

    /** Whether gfplint failed on {@code file} (such a file is not cached: it is tried, and reported, again). */
    public boolean failedOn(String file) {
        return failedFiles.contains(file);
    }

    /** Records again what {@link #ofFile} gave for {@code file} in an earlier scan. */
    public void replay(String file, List<Recorded> rs) {
        for (Recorded r : rs) {
            if (r.kind() == -1) limit(file, r.line(), r.reason());
            else if (r.kind() == -2) limitOnce(file, r.key(), r.reason());
            else if (r.kind() >= 0 && r.kind() < Bound.values().length) bound(Bound.values()[r.kind()], file, r.line(), r.reason());
        }
    }

    /** gfplint failed while handling {@code where} ("function f", "the rule r") in {@code file}. */
    public void internalError(String file, int line, String where, Throwable e) {
        failures.add(new Failure(file, line, where, e));
        if (file != null) failedFiles.add(file);
    }

    /** A bound on the work was reached in {@code file} at {@code line}; {@code reason} says which and what it costs. */
    public void limit(String file, int line, String reason) {
        limits.add(new Diagnostic(Diagnostic.Severity.NOTE, file, line, reason));
        record(file, new Recorded(-1, null, line, reason));
    }

    /**
     * Like {@link #limit}, but one note per {@code file} and {@code key}, however often it is reached: the one
     * whose text sorts first, so the note does not depend on the order of the reports.
     */
    public void limitOnce(String file, String key, String reason) {
        Diagnostic d = new Diagnostic(Diagnostic.Severity.NOTE, file, 0, reason);
        keyed.merge(file + "\0" + key, d, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        record(file, new Recorded(-2, key, 0, reason));
    }

    /** A precision bound of the model was reached in {@code file} at {@code line}; the same report counts once. */
    public void bound(Bound kind, String file, int line, String reason) {
        if (bounds.putIfAbsent(new Diagnostic(Diagnostic.Severity.NOTE, file, line, reason), kind) == null) {
            record(file, new Recorded(kind.ordinal(), null, line, reason));
        }
    }

    /** The precision bounds reached, one note each, sorted. */
    public List<Diagnostic> bounds() {
        List<Diagnostic> out = new ArrayList<>(bounds.keySet());
        out.sort(null);
        return out;
    }

    /** How many times each precision bound was reached (kinds never reached are left out). */
    public java.util.Map<Bound, Integer> boundCounts() {
        java.util.Map<Bound, Integer> out = new java.util.EnumMap<>(Bound.class);
        for (Bound b : bounds.values()) out.merge(b, 1, Integer::sum);
        return out;
    }

    /** One line that counts the precision bounds reached, or null when none was. */
    public String boundSummary() {
        java.util.Map<Bound, Integer> c = boundCounts();
        if (c.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        int all = 0;
        for (java.util.Map.Entry<Bound, Integer> e : c.entrySet()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().summary);
            all += e.getValue();
        }
        return "gfplint: note: the model's precision bounds were reached " + (all == 1 ? "once" : all + " times") + " (" + sb
                + "); there it takes masks as unknown or joins them; --show-limits lists each with its function";
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
