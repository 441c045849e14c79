package dev.gfplint.rules;

import dev.gfplint.core.ir.Function;
import dev.gfplint.core.ir.TranslationUnit;
import dev.gfplint.core.model.Catalog;
import dev.gfplint.core.model.Model;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import dev.gfplint.core.scan.Incidents;

/**
 * Runs a set of rules over a scan: {@link #onFile} from the scanner's threads while the IR exists, then
 * {@link #onModel} once. Findings come back sorted and without duplicates.
 */
public final class RuleRunner {
    private final List<Rule> rules;
    private final Catalog.View catalog;
    private final ConcurrentLinkedQueue<Finding> found = new ConcurrentLinkedQueue<>();

    private final Incidents incidents;

    public RuleRunner(List<Rule> rules, Catalog.View catalog) {
        this(rules, catalog, new Incidents());
    }

    /** {@code incidents}: where a rule's failure on one function (a bug) or a bound it reached is recorded. */
    public RuleRunner(List<Rule> rules, Catalog.View catalog, Incidents incidents) {
        this.rules = List.copyOf(rules);
        this.catalog = catalog;
        this.incidents = incidents;
    }

    /**
     * Each rule on each function; a rule that fails on a function costs that function only. Returns the file's
     * findings (which a later scan of the same file may hand back through {@link #add}).
     */
    public List<Finding> onFile(TranslationUnit tu) {
        List<Finding> mine = new ArrayList<>(0);
        for (Function f : tu.functions()) {
            if (f.cfg() == null) continue;
            Rule.FunctionInput in = new Rule.FunctionInput(f, tu.path(), catalog, incidents);
            for (Rule r : rules) {
                incidents.guard(tu.path(), f.pos().line(), "rule " + r.id() + " on function " + f.name(),
                        () -> r.checkFunction(in, mine::add));
            }
        }
        found.addAll(mine);
        return mine;
    }

    /** Findings of a file's functions found by an earlier scan of the same file ({@link #onFile}'s result). */
    public void add(List<Finding> fileFindings) {
        found.addAll(fileFindings);
    }

    /** Each rule on the model; the rules guard each allocation site ({@link Model#forEachSite}). */
    public List<Finding> onModel(Model model) {
        for (Rule r : rules) incidents.guard("(model)", 0, "rule " + r.id(), () -> r.checkModel(model, found::add));
        Set<Finding> unique = new LinkedHashSet<>(found);
        List<Finding> out = new ArrayList<>(unique);
        out.sort(Finding.ORDER);
        return out;
    }
}
