package dev.gfplint.rules;

import dev.gfplint.core.model.Trace;
import java.util.Comparator;
import java.util.List;

/**
 * One finding: where, how serious, the message (which names the mask, the scope or region that makes it
 * wrong, the kernel version that matters, and the fix), and for interprocedural findings the call chain,
 * outermost call first.
 */
public record Finding(String ruleId, Level level, String file, int line, int col, String message, List<Trace.Step> flow) {
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file).thenComparingInt(Finding::line)
            .thenComparingInt(Finding::col).thenComparing(Finding::ruleId).thenComparing(Finding::message);

    /** The gcc-style line: {@code path:line:col: level: message [rule-id]}. */
    public String toText() {
        return file + ":" + line + ":" + col + ": " + level.label() + ": " + message + " [" + ruleId + "]";
    }
}
