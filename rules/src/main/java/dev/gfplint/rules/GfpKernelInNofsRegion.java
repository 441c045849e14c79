package dev.gfplint.rules;

import dev.gfplint.core.model.AllocatorSemantics;
import dev.gfplint.core.model.FunctionFacts;
import dev.gfplint.core.model.Mask;
import dev.gfplint.core.model.Model;
import dev.gfplint.core.model.Scope;
import dev.gfplint.core.model.Tri;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An allocation that may re-enter the filesystem where the code around it says it must not, and no memalloc
 * scope covers it: (a) the function's callers pass a NOFS mask in its gfp parameter but it allocates with a
 * hard-coded mask; (b) the function itself allocated with an explicit NOFS mask earlier on the same path;
 * (c) it runs inside a region known to need NOFS that opens no scope (catalog data, version-aware), directly
 * or through its callers.
 */
@RuleInfo(id = "gfp-kernel-in-nofs-region", level = Level.WARNING,
        summary = "allocation that may recurse into the filesystem inside a NOFS context that no scope covers")
public final class GfpKernelInNofsRegion extends Rule {
    public static final String HELP = """
            **Why it matters.** Code running in a filesystem context (holding a lock or a transaction that
            reclaim may need) must not let reclaim re-enter the filesystem. Reclaim re-enters it when the mask
            has both `__GFP_DIRECT_RECLAIM` and `__GFP_FS`. One `GFP_KERNEL` allocation in such a context is
            enough to deadlock under memory pressure. The 2015 `mpage_readpages` deadlock was this: the
            filesystem passed `GFP_NOFS`, but page cache and bio allocations below it used `GFP_KERNEL`.

            The rule reports an allocation whose mask, after the open memalloc scopes, may re-enter the
            filesystem, when
            (a) the function's callers pass a NOFS mask in its gfp parameter and it allocates with a mask of
                its own instead;
            (b) the same function already allocated with an explicit `GFP_NOFS` earlier on the path. This is
                a warning where the code says the filesystem may be held at the allocation: the function
                holds a lock there (a spinlock, mutex or rw_semaphore), its callers hold one around the call
                (the direct caller) or run it in an atomic context, its callers pass it a mask that reclaims
                without `__GFP_FS`, or reclaim, writeback or the page cache run it with what they hold: it is,
                or is reached within four calls from, a function stored in an `address_space_operations`
                member they call (`writepages`, `read_folio`, `release_folio`, ...), a `super_operations`
                member of writeback or the inode shrinker (`write_inode`, `evict_inode`, ...), a shrinker's
                `scan_objects` or `count_objects`, or the filler of `read_cache_page()` (the page is locked).
                Otherwise it is a note, wherever the file lives: at mount, init and creation time and in inode
                operations an earlier `GFP_NOFS` is usually caution, not need; or
            (c) it runs between the begin and end calls of a region that needs NOFS but opens no scope
                (journal handles and XFS transactions before 4.12, and regions users add with `--catalog`),
                directly or through the functions called there.
            `GFP_KERNEL` inside `memalloc_nofs_save()` is the recommended pattern and is never reported.

            **Bad:**
            ```c
            static int read_pages(struct address_space *m, gfp_t gfp)   /* callers pass GFP_NOFS */
            {
                    page = alloc_page(GFP_KERNEL);                       /* ignores gfp */
            ```
            **Good:**
            ```c
                    page = alloc_page(gfp);
            /* or, for the whole region: */
                    unsigned int nofs = memalloc_nofs_save();
                    page = alloc_page(GFP_KERNEL);
                    memalloc_nofs_restore(nofs);
            ```
            **Fix.** Pass the caller's mask down, or open `memalloc_nofs_save()` around the region and use
            `GFP_KERNEL` inside it.
            """;

    public GfpKernelInNofsRegion() {
        super(HELP);
    }

    @Override
    public void checkModel(Model model, Consumer<Finding> out) {
        AllocatorSemantics q = model.semantics();
        Map<Integer, Map<Integer, Model.AllocSite>> byFn = new HashMap<>(); // function -> call -> site
        for (Model.AllocSite s : model.allocationSites()) byFn.computeIfAbsent(s.fn(), k -> new HashMap<>()).put(s.call(), s);
        Earlier earlier = new Earlier(model, byFn);
        model.forEachSite(id(), s -> {
            if (s.mask().params() != 0) return; // the mask comes from the caller: judged through its values
            Model.SiteContext risky = null;
            for (Model.SiteContext c : model.contexts(s)) {
                if (q.mayEnterFs(c.effective()) == Tri.YES) {
                    risky = c;
                    break;
                }
            }
            if (risky == null) return;
            FunctionFacts f = model.function(s.fn());
            // what the message begins with, made only for a finding: most risky allocations are no finding at all
            Model.SiteContext r = risky;
            java.util.function.Supplier<String> at = () -> s.allocator().name() + "() with " + model.flags().describe(r.raw());
            Finding found = region(model, s, f, risky, at);
            if (found == null) found = nofsParameter(model, s, f, at);
            if (found == null) found = nofsEarlier(model, s, f, earlier, risky, at);
            if (found != null) out.accept(found.with(model.flags().describe(r.raw()), found.context()));
        });
    }

    /** (c) inside a region that needs NOFS and opens no scope, here or in a caller. */
    private Finding region(Model model, Model.AllocSite s, FunctionFacts f, Model.SiteContext c, java.util.function.Supplier<String> at) {
        int region = Scope.REGION.bit();
        if ((c.scopesMay() & region) == 0) return null;
        boolean here = (f.scopeMay(s.call()) & region) != 0;
        List<dev.gfplint.core.model.Trace.Step> chain = here ? List.of() : model.scopeWitness(s.fn());
        String where = here ? "inside a region of " + f.name : "reached from a region (" + (chain.isEmpty() ? "a caller"
                : chain.get(0).caller()) + ")";
        return finding(Level.WARNING, f.file, f.lines[s.call()], f.cols[s.call()], at.get() + " may recurse into the filesystem "
                + where + " that needs NOFS but opens no scope (judged as " + model.version() + "); pass GFP_NOFS or open "
                + "memalloc_nofs_save() around the region", chain).with(null, where
                + " that needs NOFS and opens no memalloc scope");
    }

    /** (a) callers pass a NOFS mask in a gfp parameter, the function allocates with its own mask. */
    private Finding nofsParameter(Model model, Model.AllocSite s, FunctionFacts f, java.util.function.Supplier<String> at) {
        AllocatorSemantics q = model.semantics();
        for (int p = 0; p < f.paramNames.length && p < 64; p++) {
            if ((f.gfpParams & (1L << p)) == 0) continue;
            for (Model.Incoming in : model.incoming(s.fn(), p)) {
                Mask v = in.value();
                if (q.mayEnterFs(v) != Tri.NO || q.maySleep(v) != Tri.YES || in.chain() == null) continue;
                List<dev.gfplint.core.model.Trace.Step> chain = in.chain().reversedSteps();
                // the fix: the parameter in place of the one operand that lets reclaim into the filesystem
                String own = s.allocator().implicit() ? null : MaskOperands.onlyName(model, f.file, s.mask(), m -> q.mayEnterFs(m) == Tri.YES);
                Fix fix = own == null ? null : new Fix.ReplaceOperand("use " + f.paramNames[p] + " instead of " + own,
                        s.allocator().gfpArg(), own, f.paramNames[p]);
                return finding(Level.WARNING, f.file, f.lines[s.call()], f.cols[s.call()], at.get() + " may recurse into the"
                        + " filesystem, but " + f.name + " is called with " + model.flags().describe(v) + " in "
                        + f.paramNames[p] + " (by " + chain.get(0).caller() + "); pass " + f.paramNames[p]
                        + " instead", chain).with(null,
                        "callers pass " + model.flags().describe(v) + " in " + f.paramNames[p] + " (by " + chain.get(0).caller() + ")")
                        .with(fix);
            }
        }
        return null;
    }

    /**
     * Which explicit NOFS allocation comes first before each allocation of a function, computed once per
     * function when first asked (linear in the function's size, however many allocations it has).
     */
    private static final class Earlier {
        final Model model;
        final Map<Integer, Map<Integer, Model.AllocSite>> byFn;
        int fn = -1;
        int[] before;

        Earlier(Model model, Map<Integer, Map<Integer, Model.AllocSite>> byFn) {
            this.model = model;
            this.byFn = byFn;
        }

        /** The explicit NOFS allocation that runs first before {@code s} on some path, or null. */
        Model.AllocSite before(Model.AllocSite s) {
            if (fn != s.fn()) {
                fn = s.fn();
                Map<Integer, Model.AllocSite> sites = byFn.get(fn);
                before = model.function(fn).earliestBefore(call -> {
                    Model.AllocSite o = sites.get(call);
                    return o != null && explicitNofs(model, o);
                });
            }
            int o = before[s.call()];
            return o < 0 ? null : byFn.get(fn).get(o);
        }
    }

    /** A hard-coded mask that blocks but never re-enters the filesystem, and is no opportunistic attempt. */
    private static boolean explicitNofs(Model model, Model.AllocSite o) {
        if (o.mask().params() != 0) return false;
        AllocatorSemantics q = model.semantics();
        for (Model.SiteContext c : model.contexts(o)) {
            if (q.mayEnterFs(c.raw()) != Tri.NO || q.maySleep(c.raw()) != Tri.YES) return false;
            // An opportunistic attempt (NORETRY) with a light mask before a fallback says nothing about the
            // context: mtd_kmalloc_up_to and ima_alloc_pages try GFP_NOIO | __GFP_NORETRY, then GFP_KERNEL.
            if (q.isNoretry(c.raw()) != Tri.NO) return false;
        }
        return true;
    }

    /** (b) the function allocated with an explicit NOFS mask earlier on the same path. */
    private Finding nofsEarlier(Model model, Model.AllocSite s, FunctionFacts f, Earlier earlier, Model.SiteContext c,
                                java.util.function.Supplier<String> at) {
        Model.AllocSite o = earlier.before(s);
        if (o == null) return null;
        // The earlier mask is a constraint of the context only where the code says the filesystem may be held here.
        String evidence = model.nofsEvidence(s, c);
        return finding(evidence != null ? Level.WARNING : Level.NOTE, f.file, f.lines[s.call()], f.cols[s.call()], at.get()
                + " may recurse into the filesystem, but " + f.name + " allocated with "
                + model.flags().describe(model.contexts(o).get(0).raw()) + " at line " + f.lines[o.call()]
                + " on the same path; use the same mask or a memalloc_nofs_save() scope"
                + (evidence != null ? " (" + evidence + ")"
                        : " (no lock is held here, no caller passes a NOFS mask or opens a scope, and nothing reclaim or writeback"
                        + " runs reaches it: the earlier mask may be caution, not need)"),
                List.of()).with(null, f.name + " allocated with "
                + model.flags().describe(model.contexts(o).get(0).raw()) + " at line " + f.lines[o.call()] + " on the same path"
                + (evidence != null ? "; " + evidence : ""));
    }
}
