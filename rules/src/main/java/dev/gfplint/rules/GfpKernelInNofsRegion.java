package dev.gfplint.rules;

import dev.gfplint.core.model.AllocatorSemantics;
import dev.gfplint.core.model.FunctionFacts;
import dev.gfplint.core.model.Mask;
import dev.gfplint.core.model.Model;
import dev.gfplint.core.model.Scope;
import dev.gfplint.core.model.Tri;
import java.util.ArrayList;
import java.util.List;
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
            (b) the same function already allocated with an explicit `GFP_NOFS` earlier on the path (a
                warning in the storage stack: fs/, mm/, block/, block and storage drivers, ceph, sunrpc;
                elsewhere a note, because there the earlier mask is as often caution as need); or
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
        List<List<Model.AllocSite>> byFn = new ArrayList<>();
        for (int i = 0; i < model.functions().size(); i++) byFn.add(null);
        for (Model.AllocSite s : model.allocationSites()) {
            if (byFn.get(s.fn()) == null) byFn.set(s.fn(), new ArrayList<>(2));
            byFn.get(s.fn()).add(s);
        }
        for (Model.AllocSite s : model.allocationSites()) {
            if (s.mask().params() != 0) continue; // the mask comes from the caller: judged through its values
            Model.SiteContext risky = null;
            for (Model.SiteContext c : model.contexts(s)) {
                if (q.mayEnterFs(c.effective()) == Tri.YES) {
                    risky = c;
                    break;
                }
            }
            if (risky == null) continue;
            FunctionFacts f = model.function(s.fn());
            String at = s.allocator().name() + "() with " + model.flags().describe(risky.raw());
            Finding found = region(model, s, f, risky, at);
            if (found == null) found = nofsParameter(model, s, f, at);
            if (found == null) found = nofsEarlier(model, s, f, byFn.get(s.fn()), at);
            if (found != null) out.accept(found);
        }
    }

    /** (c) inside a region that needs NOFS and opens no scope, here or in a caller. */
    private Finding region(Model model, Model.AllocSite s, FunctionFacts f, Model.SiteContext c, String at) {
        int region = Scope.REGION.bit();
        if ((c.scopesMay() & region) == 0) return null;
        boolean here = (f.scopeMay(s.call()) & region) != 0;
        List<dev.gfplint.core.model.Trace.Step> chain = here ? List.of() : model.scopeWitness(s.fn());
        String where = here ? "inside a region of " + f.name : "reached from a region (" + (chain.isEmpty() ? "a caller"
                : chain.get(0).caller()) + ")";
        return finding(Level.WARNING, f.file, f.lines[s.call()], f.cols[s.call()], at + " may recurse into the filesystem "
                + where + " that needs NOFS but opens no scope (judged as " + model.version() + "); pass GFP_NOFS or open "
                + "memalloc_nofs_save() around the region", chain);
    }

    /** (a) callers pass a NOFS mask in a gfp parameter, the function allocates with its own mask. */
    private Finding nofsParameter(Model model, Model.AllocSite s, FunctionFacts f, String at) {
        AllocatorSemantics q = model.semantics();
        for (int p = 0; p < f.paramNames.length && p < 64; p++) {
            if ((f.gfpParams & (1L << p)) == 0) continue;
            for (Model.Incoming in : model.incoming(s.fn(), p)) {
                Mask v = in.value();
                if (q.mayEnterFs(v) != Tri.NO || q.maySleep(v) != Tri.YES || in.chain() == null) continue;
                List<dev.gfplint.core.model.Trace.Step> chain = in.chain().reversedSteps();
                return finding(Level.WARNING, f.file, f.lines[s.call()], f.cols[s.call()], at + " may recurse into the"
                        + " filesystem, but " + f.name + " is called with " + model.flags().describe(v) + " in "
                        + f.paramNames[p] + " (by " + chain.get(0).caller() + "); pass " + f.paramNames[p]
                        + " instead", chain);
            }
        }
        return null;
    }

    /** (b) the function allocated with an explicit NOFS mask earlier on the same path. */
    private Finding nofsEarlier(Model model, Model.AllocSite s, FunctionFacts f, List<Model.AllocSite> same, String at) {
        AllocatorSemantics q = model.semantics();
        for (Model.AllocSite o : same) {
            if (o == s || o.mask().params() != 0 || !f.follows(o.call(), s.call())) continue;
            boolean nofs = true;
            List<Model.SiteContext> earlier = model.contexts(o);
            for (Model.SiteContext c : earlier) {
                if (q.mayEnterFs(c.raw()) != Tri.NO || q.maySleep(c.raw()) != Tri.YES) nofs = false;
                // An opportunistic attempt (NORETRY) with a light mask before a fallback says nothing about the
                // context: mtd_kmalloc_up_to and ima_alloc_pages try GFP_NOIO | __GFP_NORETRY, then GFP_KERNEL.
                if (q.isNoretry(c.raw()) != Tri.NO) nofs = false;
            }
            if (!nofs) continue;
            // In the storage stack a NOFS mask is a constraint of the context; elsewhere it is as often caution.
            boolean storage = model.isStorageCode(f.file);
            return finding(storage ? Level.WARNING : Level.NOTE, f.file, f.lines[s.call()], f.cols[s.call()], at
                    + " may recurse into the filesystem, but " + f.name + " allocated with "
                    + model.flags().describe(earlier.get(0).raw()) + " at line " + f.lines[o.call()]
                    + " on the same path; use the same mask or a memalloc_nofs_save() scope"
                    + (storage ? "" : " (outside the storage stack: the earlier mask may be caution, not need)"),
                    List.of());
        }
        return null;
    }
}
