package dev.gfplint.rules;

import dev.gfplint.core.ir.Function;
import dev.gfplint.core.model.Catalog;
import dev.gfplint.core.model.Model;
import java.util.function.Consumer;

/**
 * A rule: one class, its {@link RuleInfo} on it and its help in a {@code HELP} constant beside the code.
 * A rule looks at each function's CFG while its file is scanned ({@link #checkFunction}), at the whole
 * model once it is built ({@link #checkModel}), or both. Rules ask the model; they never read flag names.
 */
public abstract class Rule {
    /**
     * What a per-function check may see: the function with its CFG, its file, the catalog for the version, and
     * where to say that a bound on the check's work was reached.
     */
    public record FunctionInput(Function function, String file, Catalog.View catalog,
                                dev.gfplint.core.scan.Incidents incidents) {}

    private final String help;

    /** {@code help}: the rule's HELP constant, Markdown. */
    protected Rule(String help) {
        this.help = help;
    }

    public final RuleInfo info() {
        return getClass().getAnnotation(RuleInfo.class);
    }

    public final String id() {
        return info().id();
    }

    /** The rule's help in Markdown: why it matters, a bad and a good example, the fix. */
    public final String help() {
        return help;
    }

    /** Called for every function of every file, from scanner threads: must be thread-safe. */
    public void checkFunction(FunctionInput in, Consumer<Finding> out) {}

    /** Called once the model of the whole scan is built. */
    public void checkModel(Model model, Consumer<Finding> out) {}

    protected final Finding finding(Level level, String file, int line, int col, String message,
                                    java.util.List<dev.gfplint.core.model.Trace.Step> flow) {
        return new Finding(id(), level, file, line, col, message, flow == null ? java.util.List.of() : flow);
    }
}
