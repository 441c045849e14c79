package dev.gfplint.rules;

import dev.gfplint.core.model.Trace;
import java.util.Comparator;
import java.util.List;

/**
 * One finding: where, how serious, the message (which names the mask, the scope or region that makes it
 * wrong, the kernel version that matters, and the fix), and for interprocedural findings the call chain,
 * outermost call first. {@code mask} and {@code context} repeat two parts of the message on their own, for the
 * reports that show them apart (HTML, JSON, SARIF properties): the evaluated mask as the model describes it, and
 * what makes it wrong there (a scope, a lock, a region, the callers' mask); either may be null. {@code fix}: the
 * mechanical change that removes it, where there is one (else null).
 */
public record Finding(String ruleId, Level level, String file, int line, int col, String message, List<Trace.Step> flow,
                      String mask, String context, Fix fix) {
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file).thenComparingInt(Finding::line)
            .thenComparingInt(Finding::col).thenComparing(Finding::ruleId).thenComparing(Finding::message);

    public Finding(String ruleId, Level level, String file, int line, int col, String message, List<Trace.Step> flow) {
        this(ruleId, level, file, line, col, message, flow, null, null, null);
    }

    /** This finding with its evaluated mask and the context that makes it wrong. */
    public Finding with(String mask, String context) {
        return new Finding(ruleId, level, file, line, col, message, flow, mask, context, fix);
    }

    /** This finding with the change that removes it. */
    public Finding with(Fix f) {
        return new Finding(ruleId, level, file, line, col, message, flow, mask, context, f);
    }

    /** This finding at another level. */
    public Finding at(Level l) {
        return new Finding(ruleId, l, file, line, col, message, flow, mask, context, fix);
    }

    /** The gcc-style line: {@code path:line:col: level: message [rule-id]}. */
    public String toText() {
        return file + ":" + line + ":" + col + ": " + level.label() + ": " + message + " [" + ruleId + "]";
    }
}
