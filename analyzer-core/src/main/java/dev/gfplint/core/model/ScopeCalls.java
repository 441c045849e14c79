package dev.gfplint.core.model;

import dev.gfplint.core.ir.Assignment;
import dev.gfplint.core.ir.CallSite;
import dev.gfplint.core.ir.CfgNode;
import dev.gfplint.core.ir.Expr;
import java.util.Objects;
import java.util.Set;

/**
 * How the kernel's memalloc save/restore calls are written, read the same way by the model's scope summary
 * and by the rules: where a save's returned value goes, and whether a restore restores the constant 0.
 */
public final class ScopeCalls {
    private ScopeCalls() {}

    /**
     * Where the value a save returns goes: {@code token} is the local it is assigned to (or null), and
     * {@code escapes} says it is stored somewhere else (a struct field, a global) or returned.
     */
    public record Destination(String token, boolean escapes) {}

    public static Destination savedInto(CfgNode n, CallSite save, Set<String> locals) {
        String token = null;
        boolean escapes = n.kind() == CfgNode.Kind.RETURN && n.expr() == save.call();
        for (Assignment a : n.assignments()) {
            if (a.value() != save.call()) continue;
            if (a.targetName() != null && locals.contains(a.targetName())) token = a.targetName();
            else escapes = true;
        }
        return new Destination(token, escapes);
    }

    /** Whether a restore's argument is the literal 0. */
    public static boolean isZero(Expr arg) {
        return arg != null && arg.kind() == Expr.Kind.INT && Objects.equals(MaskParser.parseInt(arg.text()), 0L);
    }
}
