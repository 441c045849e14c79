package dev.gfplint.rules;

import dev.gfplint.core.model.AllocatorSemantics;
import dev.gfplint.core.model.Evaluator;
import dev.gfplint.core.model.Flag;
import dev.gfplint.core.model.FunctionFacts;
import dev.gfplint.core.model.MacroDef;
import dev.gfplint.core.model.Mask;
import dev.gfplint.core.model.MaskExpr;
import dev.gfplint.core.model.Model;
import dev.gfplint.core.model.Tri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Masks the allocator cannot honour as written: NOFAIL with a give-up flag, NOFAIL without direct reclaim;
 * and, as notes, flags that change nothing. Reported where the mask is built: at a {@code #define} whose
 * body alone is contradictory, otherwise at the allocation (on every path or on some path).
 */
@RuleInfo(id = "contradictory-gfp-flags", level = Level.ERROR,
        summary = "gfp mask that asks for __GFP_NOFAIL and for giving up, or for NOFAIL without the right to block")
public final class ContradictoryGfpFlags extends Rule {
    public static final String HELP = """
            **Why it matters.** `__GFP_NOFAIL` says the allocation must not fail: the allocator retries forever,
            reclaiming as it goes. `__GFP_NORETRY` and `__GFP_RETRY_MAYFAIL` say the opposite: give up early,
            or give up after trying hard. A mask with both has no meaning the allocator can honour.
            `__GFP_NOFAIL` without `__GFP_DIRECT_RECLAIM` (for example `GFP_ATOMIC | __GFP_NOFAIL` or
            `GFP_NOWAIT | __GFP_NOFAIL`) cannot be honoured either: the caller may not sleep, so the allocator
            cannot reclaim and wait. It warns, and the allocation can still fail. Callers that skip the NULL
            check because of NOFAIL then crash.

            As notes, the rule reports flags that change nothing: `__GFP_NORETRY` on a mask that never does
            direct reclaim, or a flag that the composite already contains (`GFP_NOWAIT | __GFP_NOWARN` since 6.8).

            **Bad:**
            ```c
            p = kmalloc(size, GFP_KERNEL | __GFP_NOFAIL | __GFP_NORETRY);
            ```
            **Good:**
            ```c
            p = kmalloc(size, GFP_KERNEL | __GFP_NOFAIL);      /* must not fail: let it block */
            p = kmalloc(size, GFP_KERNEL | __GFP_NORETRY);     /* may fail: handle NULL */
            ```
            **Fix.** Decide whether the allocation may fail. If it may, drop `__GFP_NOFAIL` and handle NULL. If
            it may not, drop the give-up flag and make sure the context may block. A mask that clears NOFAIL
            first (`gfp & ~__GFP_NOFAIL | __GFP_NORETRY`, as kvmalloc does) is fine. A light first attempt,
            the caller's mask with `__GFP_NORETRY` added or direct reclaim cleared, followed on the same path by
            the real attempt with the caller's mask, is meant to fail fast whatever the caller passed: it is a
            note at most.
            """;

    public ContradictoryGfpFlags() {
        super(HELP);
    }

    @Override
    public void checkModel(Model model, Consumer<Finding> out) {
        AllocatorSemantics q = model.semantics();
        // A macro is reported at its #define when an allocation uses it as its whole mask: a macro that is only
        // ever a set of bits to test or clear (GFP_RECLAIM_MASK, __GFP_BITS_MASK) is not a mask to allocate with.
        Map<String, MacroDef> macros = new HashMap<>();
        for (MacroDef d : model.treeMacros()) if (!d.isFunctionLike() && d.line() > 0) macros.putIfAbsent(d.name(), d);
        Set<String> reportedMacros = new HashSet<>();
        model.forEachSite(id(), s -> {
            FunctionFacts f = model.function(s.fn());
            if (s.mask().kind() == MaskExpr.Kind.NAME && macros.containsKey(s.mask().name())) {
                MacroDef d = macros.get(s.mask().name());
                // judged as this site's file sees the macro, whatever other sites saw: so a site's own finding does
                // not depend on which other files are in the program (the #define is reported once, by the first)
                Mask m = model.evaluator().evalJoined(d.body(), Evaluator.Context.inFile(f.file));
                List<Finding> atDefine = new ArrayList<>();
                for (AllocatorSemantics.Conflict c : q.conflicts(m)) {
                    if (c.present() != Tri.YES) continue;
                    atDefine.add(finding(levelOf(c), d.origin(), d.line(), 1, "#define " + d.name() + " is "
                            + model.flags().describe(m) + ": " + c.description() + advice(c), List.of())
                            .with(model.flags().describe(m), c.description()));
                }
                if (atDefine.isEmpty() && noopNoretry(q, m)) {
                    atDefine.add(finding(Level.NOTE, d.origin(), d.line(), 1, "#define " + d.name() + " is "
                            + model.flags().describe(m) + NOOP_NORETRY, List.of())
                            .with(model.flags().describe(m), NOOP_CONTEXT));
                }
                if (!atDefine.isEmpty()) {
                    if (reportedMacros.add(d.name())) atDefine.forEach(out);
                    return;
                }
            }
            List<Model.SiteContext> cs = model.contexts(s);
            Map<String, Object[]> hits = new LinkedHashMap<>(); // description -> {conflict, context, count}
            int noretryNoReclaim = 0;
            Model.SiteContext firstNoop = null;
            for (Model.SiteContext c : cs) {
                for (AllocatorSemantics.Conflict k : q.conflicts(c.raw())) {
                    if (k.present() != Tri.YES) continue;
                    Object[] h = hits.computeIfAbsent(k.description(), x -> new Object[] {k, c, 0});
                    h[2] = (Integer) h[2] + 1;
                }
                if (noopNoretry(q, c.raw())) {
                    noretryNoReclaim++;
                    if (firstNoop == null) firstNoop = c;
                }
            }
            String at = s.allocator().name() + "() with ";
            // a first attempt that only makes the caller's mask lighter, before the real one, is meant to fail
            // fast whatever the caller passed: a note at most (what the caller's flag does to it, it says)
            boolean light = !hits.isEmpty() && model.isLightFirstAttempt(s);
            for (Object[] h : hits.values()) {
                AllocatorSemantics.Conflict k = (AllocatorSemantics.Conflict) h[0];
                Model.SiteContext c = (Model.SiteContext) h[1];
                String where = (Integer) h[2] == cs.size() ? "" : " on some paths";
                out.accept(finding(light ? Level.NOTE : levelOf(k), f.file, f.lines[s.call()], f.cols[s.call()], at
                        + model.flags().describe(c.raw()) + where + ": " + k.description()
                        + (light ? LIGHT : advice(k)), c.chain()).with(model.flags().describe(c.raw()), k.description()));
            }
            // A no-op NORETRY is a note only where this function builds the whole mask and it is a no-op on every
            // path: a mask a caller passes in, or one that loses direct reclaim only on some paths (slub's light
            // high-order attempt), is not something to "drop" at this line.
            if (hits.isEmpty() && firstNoop != null && noretryNoReclaim == cs.size() && s.mask().params() == 0) {
                Finding n = finding(Level.NOTE, f.file, f.lines[s.call()], f.cols[s.call()], at
                        + model.flags().describe(firstNoop.raw()) + NOOP_NORETRY, firstNoop.chain())
                        .with(model.flags().describe(firstNoop.raw()), NOOP_CONTEXT);
                String noretry = s.allocator().implicit() ? null : MaskOperands.onlyName(model, f.file, s.mask(),
                        v -> v.isConstant() && Long.bitCount(v.value()) == 1 && q.isNoretry(v) == Tri.YES);
                out.accept(noretry == null ? n : n.with(new Fix.DropOperand("drop " + noretry, s.allocator().gfpArg(), noretry)));
            }
            if (hits.isEmpty()) redundant(model, s, f, out);
        });
    }

    private static final String LIGHT = "; this is a light first attempt (the caller's mask made to fail fast) before the"
            + " real one, which is intended; clear the caller's flag here too if the allocator warns about it";

    private static final String NOOP_NORETRY = ": __GFP_NORETRY has no effect on a mask without __GFP_DIRECT_RECLAIM; drop it";
    private static final String NOOP_CONTEXT = "__GFP_NORETRY on a mask without __GFP_DIRECT_RECLAIM: nothing to retry";

    /** NORETRY on a mask that never reclaims directly (and is not NOFAIL, which is reported on its own). */
    private static boolean noopNoretry(AllocatorSemantics q, Mask m) {
        return q.isNoretry(m) == Tri.YES && q.maySleep(m) == Tri.NO && q.isNofail(m) != Tri.YES;
    }

    /** A flag ORed into a composite that already contains it (GFP_NOWAIT | __GFP_NOWARN since 6.8). */
    private void redundant(Model model, Model.AllocSite s, FunctionFacts f, Consumer<Finding> out) {
        Evaluator.Context ctx = Evaluator.Context.inFile(f.file);
        Set<String> seen = new HashSet<>();
        walk(s.mask(), e -> {
            if (e.kind() != MaskExpr.Kind.BINARY || !e.name().equals("|")) return;
            // either side may be the one flag: GFP_NOWAIT | __GFP_NOWARN and __GFP_NOWARN | GFP_NOWAIT
            for (int flag = 1; flag >= 0; flag--) {
                MaskExpr other = e.kid(1 - flag), one = e.kid(flag);
                Mask a = model.evaluator().evalJoined(other, ctx), b = model.evaluator().evalJoined(one, ctx);
                if (!a.isConstant() || !b.isConstant() || b.value() == 0 || Long.bitCount(b.value()) != 1) continue;
                if ((a.value() & b.value()) != b.value()) continue;
                String msg = model.flags().describe(a) + " already includes " + model.flags().describe(b)
                        + " (judged as " + model.version() + "); drop the second";
                if (!seen.add(msg)) return;
                Finding n = finding(Level.NOTE, f.file, f.lines[s.call()], f.cols[s.call()], s.allocator().name() + "() with " + msg,
                        List.of()).with(model.flags().describe(a) + " | " + model.flags().describe(b), model.flags().describe(a)
                        + " already includes " + model.flags().describe(b));
                // the flag as the call spells it: an identifier ORed in (a flag that a macro brings is left alone)
                boolean spelt = one.kind() == MaskExpr.Kind.NAME && !s.allocator().implicit();
                out.accept(spelt ? n.with(new Fix.DropOperand("drop " + one.name(), s.allocator().gfpArg(), one.name())) : n);
                return;
            }
        });
    }

    private static void walk(MaskExpr e, Consumer<MaskExpr> v) {
        if (e.kind() == MaskExpr.Kind.GUARD) { // the test that leads to the value is not part of it
            walk(e.kid(1), v);
            return;
        }
        v.accept(e);
        for (MaskExpr k : e.kids()) walk(k, v);
    }

    private static Level levelOf(AllocatorSemantics.Conflict c) {
        return c.first() == Flag.NORETRY ? Level.WARNING : Level.ERROR;
    }

    private static String advice(AllocatorSemantics.Conflict c) {
        if (c.needsSecond()) return "; use a blocking mask (GFP_KERNEL, GFP_NOFS, GFP_NOIO) or drop __GFP_NOFAIL and handle NULL";
        if (c.first() == Flag.NOFAIL) return "; drop " + c.second().kernelName() + " or drop __GFP_NOFAIL and handle NULL";
        return "; keep one retry policy";
    }
}
