package dev.gfplint.rules;

import dev.gfplint.core.model.Evaluator;
import dev.gfplint.core.model.Mask;
import dev.gfplint.core.model.MaskExpr;
import dev.gfplint.core.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The operands of a mask's top-level {@code |} chain, for the fixes that change one of them. */
final class MaskOperands {
    private MaskOperands() {}

    /** {@code (a | b) | c} gives a, b, c; anything that is no {@code |} is its own one operand. */
    static List<MaskExpr> of(MaskExpr e) {
        List<MaskExpr> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(MaskExpr e, List<MaskExpr> out) {
        // iterative on the left spine, where C's left-associative | chains grow
        List<MaskExpr> right = new ArrayList<>();
        while (e.kind() == MaskExpr.Kind.BINARY && e.name().equals("|")) {
            right.add(e.kid(1));
            e = e.kid(0);
        }
        out.add(e);
        for (int i = right.size() - 1; i >= 0; i--) {
            MaskExpr r = right.get(i);
            if (r.kind() == MaskExpr.Kind.BINARY && r.name().equals("|")) collect(r, out);
            else out.add(r);
        }
    }

    /**
     * The name of the one identifier operand of {@code mask} whose value, as the site's file sees it, passes
     * {@code test}; null when no operand or more than one does, or when one is no identifier.
     */
    static String onlyName(Model model, String file, MaskExpr mask, Predicate<Mask> test) {
        String found = null;
        for (MaskExpr k : of(mask)) {
            Mask v = model.evaluator().evalJoined(k, Evaluator.Context.inFile(file));
            if (!test.test(v)) continue;
            if (k.kind() != MaskExpr.Kind.NAME || found != null) return null;
            found = k.name();
        }
        return found;
    }
}
