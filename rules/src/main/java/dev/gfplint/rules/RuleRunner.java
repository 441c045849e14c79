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

/**
 * Runs a set of rules over a scan: {@link #onFile} from the scanner's threads while the IR exists, then
 * {@link #onModel} once. Findings come back sorted and without duplicates.
 */
public final class RuleRunner {
    private final List<Rule> rules;
    private final Catalog.View catalog;
    private final ConcurrentLinkedQueue<Finding> found = new ConcurrentLinkedQueue<>();

    public RuleRunner(List<Rule> rules, Catalog.View catalog) {
        this.rules = List.copyOf(rules);
        this.catalog = catalog;
    }

    public void onFile(TranslationUnit tu) {
        for (Function f : tu.functions()) {
            if (f.cfg() == null) continue;
            Rule.FunctionInput in = new Rule.FunctionInput(f, tu.path(), catalog);
            for (Rule r : rules) r.checkFunction(in, found::add);
        }
    }

    public List<Finding> onModel(Model model) {
        for (Rule r : rules) r.checkModel(model, found::add);
        Set<Finding> unique = new LinkedHashSet<>(found);
        List<Finding> out = new ArrayList<>(unique);
        out.sort(Finding.ORDER);
        return out;
    }
}
