package dev.gfplint.core.scan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The statistics of a scan, written by {@code --stats-json}. Field names are the JSON keys.
 * Coverage is {@code functionsFullyParsed / functions}: a function counts as fully parsed when none of its
 * statements was skipped.
 */
@JsonPropertyOrder({"files", "filesFailed", "filesNotUtf8", "bytes", "lines", "functions", "functionsFullyParsed",
    "parseCoverage", "functionsGivenUp", "statementsSkipped", "internalErrors", "macros", "ppGroupsWrapped",
    "ppGroupsFirstOnly", "deepestStatement", "wallSeconds", "jobs"})
public final class ScanStats {
    public long files;
    public long filesFailed;
    public long filesNotUtf8;
    public long bytes;
    public long lines;
    public long functions;
    public long functionsFullyParsed;
    public long functionsGivenUp;
    public long statementsSkipped;
    public long internalErrors;
    public long macros;
    public long ppGroupsWrapped;
    public long ppGroupsFirstOnly;
    /** The deepest parse tree of any statement (rule levels and chain operands; the limit is 2000). */
    public int deepestStatement;
    public double wallSeconds;
    public int jobs;

    /** Percentage of functions fully parsed, 100 when there are none. */
    @JsonProperty("parseCoverage")
    public double parseCoverage() {
        return functions == 0 ? 100.0 : Math.floor(10000.0 * functionsFullyParsed / functions) / 100.0;
    }

    synchronized void add(dev.gfplint.core.front.FrontEnd.FileStats s, long size) {
        bytes += size;
        lines += s.lines;
        functions += s.functions;
        functionsFullyParsed += s.functionsFullyParsed;
        functionsGivenUp += s.functionsGivenUp;
        statementsSkipped += s.statementsSkipped;
        internalErrors += s.internalErrors;
        macros += s.macros;
        ppGroupsWrapped += s.ppGroupsWrapped;
        ppGroupsFirstOnly += s.ppGroupsFirstOnly;
        deepestStatement = Math.max(deepestStatement, s.deepestStatement);
    }

    synchronized void failed() {
        filesFailed++;
    }

    synchronized void notUtf8() {
        filesNotUtf8++;
    }

    /** The one-line summary printed on stderr. */
    public String summaryLine() {
        return String.format(java.util.Locale.ROOT,
                "gfplint: %d files (%d failed), %d functions, %d fully parsed (%.2f%%), %d statements skipped, "
                        + "%d internal errors, %.1f s",
                files, filesFailed, functions, functionsFullyParsed, parseCoverage(), statementsSkipped,
                internalErrors, wallSeconds);
    }
}
