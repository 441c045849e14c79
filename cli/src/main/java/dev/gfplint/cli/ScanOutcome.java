package dev.gfplint.cli;

import dev.gfplint.core.model.Model;
import dev.gfplint.core.scan.Diagnostic;
import dev.gfplint.core.scan.ScanStats;
import dev.gfplint.rules.Finding;
import dev.gfplint.rules.Level;
import dev.gfplint.rules.Rule;
import java.util.List;

/**
 * What a scan produced, as the report writers need it. {@code rules}: the rules that ran; {@code owners}: who
 * looks after each file, in a kernel tree with a MAINTAINERS file; {@code fixEdits}: the findings' fixes as edits
 * of their files.
 */
record ScanOutcome(ModelSetup setup, Model model, List<Rule> rules, List<Finding> findings, SourceRoot source,
                   ScanStats stats, List<Diagnostic> diagnostics, Fingerprints fingerprints, int exitCode, Owners owners,
                   FixEdits fixEdits) {
    /** A finding's fix in its file, or null. */
    FixEdits.Resolved fix(Finding f) {
        return fixEdits == null ? null : fixEdits.resolve(f);
    }

    /** {@link #fix} as a function, for the text writers. */
    java.util.function.Function<Finding, FixEdits.Resolved> fixes() {
        return this::fix;
    }

    long count(Level l) {
        return findings.stream().filter(f -> f.level() == l).count();
    }

    /** One line: files, functions, parse coverage, findings by level, kernel version, seconds. */
    String summaryLine() {
        return String.format(java.util.Locale.ROOT,
                "gfplint: %d files (%d failed), %d functions, %.2f%% fully parsed; %d errors, %d warnings, %d notes;"
                        + " kernel %s (%s); %.1f s%s",
                stats.files, stats.filesFailed, stats.functions, stats.parseCoverage(), count(Level.ERROR),
                count(Level.WARNING), count(Level.NOTE), setup.version(), setup.versionSource(), stats.wallSeconds,
                stats.internalErrors == 0 ? "" : "; " + stats.internalErrors + " internal errors, results incomplete");
    }
}
