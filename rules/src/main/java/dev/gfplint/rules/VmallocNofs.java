package dev.gfplint.rules;

import dev.gfplint.core.model.AllocatorSemantics;
import dev.gfplint.core.model.Catalog;
import dev.gfplint.core.model.Flag;
import dev.gfplint.core.model.FlagTable;
import dev.gfplint.core.model.FunctionFacts;
import dev.gfplint.core.model.Mask;
import dev.gfplint.core.model.Model;
import dev.gfplint.core.model.Scope;
import dev.gfplint.core.model.Tri;
import java.util.function.Consumer;

/**
 * A vmalloc-family allocation told not to recurse into the filesystem or I/O through its mask, on a kernel
 * whose vmalloc does not honour that. Judged per context: a mask that arrives through a parameter is judged
 * with each value callers pass, and the finding shows the chain.
 */
@RuleInfo(id = "vmalloc-nofs", level = Level.ERROR,
        summary = "vmalloc-family allocation with a NOFS/NOIO mask the kernel version silently ignores")
public final class VmallocNofs extends Rule {
    public static final String HELP = """
            **Why it matters.** Before Linux 5.17, `__vmalloc()` and its family used the caller's gfp mask only
            for the data pages. Page tables and the area's bookkeeping were allocated with `GFP_KERNEL`, so a
            `GFP_NOFS` or `GFP_NOIO` request could still recurse into the filesystem or the block layer through
            reclaim. That deadlocks when the caller holds a lock or a transaction that reclaim needs.
            `kvmalloc()` is affected too: in 4.12–4.17 it WARNs and falls back to vmalloc, which ignores the
            restriction. In 4.18–5.16 it never falls back to vmalloc for such masks, so large requests fail
            where `GFP_KERNEL` would succeed. From 5.17 ("mm/vmalloc: alloc GFP_NO{FS,IO} for vmalloc") the
            restriction is honoured, and the rule only adds a note.

            **Bad** (on 5.16 and older):
            ```c
            buf = __vmalloc(size, GFP_NOFS);
            ```
            **Good:**
            ```c
            unsigned int nofs = memalloc_nofs_save();
            buf = vmalloc(size);             /* GFP_KERNEL, narrowed by the scope */
            memalloc_nofs_restore(nofs);
            ```
            **Fix.** Open the scope that says why (`memalloc_nofs_save()` or `memalloc_noio_save()`) around
            the allocation, or better around the whole region that must not recurse, and pass `GFP_KERNEL`.
            An allocation already inside such a scope is not reported.
            """;

    public VmallocNofs() {
        super(HELP);
    }

    @Override
    public void checkModel(Model model, Consumer<Finding> out) {
        AllocatorSemantics q = model.semantics();
        FlagTable flags = model.flags();
        long fs = flags.bits(Flag.FS), io = flags.bits(Flag.IO);
        model.forEachSite(id(), s -> {
            Catalog.Family fam = s.allocator().family();
            if (fam != Catalog.Family.VMALLOC && fam != Catalog.Family.KVMALLOC) return;
            Finding best = null;
            int offending = 0;
            for (Model.SiteContext c : model.contexts(s)) {
                Mask raw = c.raw();
                if (q.maySleep(raw) == Tri.NO) continue; // a non-blocking mask is not a NOFS/NOIO request
                boolean noIo = raw.hasAll(io) == Tri.NO && (c.scopesMust() & Scope.NOIO.bit()) == 0;
                boolean noFs = raw.hasAll(fs) == Tri.NO && (c.scopesMust() & (Scope.NOFS.bit() | Scope.NOIO.bit())) == 0;
                if (!noIo && !noFs) continue;
                Scope scope = noIo ? Scope.NOIO : Scope.NOFS;
                Finding f = judge(model, s, c, noIo ? "GFP_NOIO" : "GFP_NOFS", q.catalog().scopeApiFor(scope.bit(), true),
                        q.catalog().scopeApiFor(scope.bit(), false));
                if (f == null) continue;
                offending++;
                if (best == null || f.level().compareTo(best.level()) > 0) best = f;
            }
            if (best == null) return;
            if (offending > 1) {
                best = new Finding(best.ruleId(), best.level(), best.file(), best.line(), best.col(),
                        best.message() + " (" + offending + " such masks reach this call; the trace shows one)", best.flow(),
                        best.mask(), best.context(), best.fix());
            }
            out.accept(best);
        });
    }

    /** {@code save} and {@code restore}: the scope API of the judged version for the missing bit, null when it has none. */
    private Finding judge(Model model, Model.AllocSite s, Model.SiteContext c, String kind, Catalog.ScopeApi save,
                          Catalog.ScopeApi restore) {
        AllocatorSemantics q = model.semantics();
        FunctionFacts f = model.function(s.fn());
        String name = s.allocator().name() + "()";
        String mask = model.flags().describe(c.raw());
        String v = model.version().toString();
        String scopeApi = save == null ? null : save.name() + "()";
        String fix = scopeApi != null ? "; open " + scopeApi + " around the call and pass GFP_KERNEL"
                : "; " + v + " has no scope API for it, so no mask can keep reclaim out here";
        String via = c.chain().isEmpty() ? "" : " (mask passed by " + c.chain().get(0).caller() + ")";
        Level level;
        String what;
        if (s.allocator().family() == Catalog.Family.VMALLOC) {
            if (q.honoursNofsNoio(s.allocator()) == Tri.NO) {
                level = Level.ERROR;
                what = name + " with " + mask + via + ": before 5.17 vmalloc allocates its page tables with GFP_KERNEL"
                        + " whatever the mask says, so reclaim can still recurse into the "
                        + (kind.equals("GFP_NOIO") ? "block layer" : "filesystem") + " and deadlock (judged as " + v + ")";
            } else {
                level = Level.NOTE;
                what = name + " with " + mask + via + " is honoured since 5.17 (judged as " + v + "); the scope API is"
                        + " the preferred way to say it";
            }
        } else {
            String mode = q.kvmallocNonKernelMask();
            if (mode == null) return null;
            switch (mode) {
                case "warns" -> {
                    level = Level.ERROR;
                    what = name + " with " + mask + via + ": in 4.12-4.17 kvmalloc WARNs on a mask that is not GFP_KERNEL"
                            + " and its vmalloc fallback ignores the restriction, so reclaim can recurse (judged as " + v + ")";
                }
                case "kmalloc-only" -> {
                    level = Level.WARNING;
                    what = name + " with " + mask + via + ": in 4.18-5.16 kvmalloc never falls back to vmalloc for a mask"
                            + " that is not GFP_KERNEL, so large allocations fail where GFP_KERNEL would succeed (judged as " + v + ")";
                }
                default -> {
                    level = Level.NOTE;
                    what = name + " with " + mask + via + " is supported since 5.17 (judged as " + v + "); the scope API"
                            + " is the preferred way to say it";
                }
            }
        }
        String context = (s.allocator().family() == Catalog.Family.VMALLOC ? "vmalloc" : "kvmalloc") + " with a "
                + kind.substring(4) + " mask, judged as " + v + (c.chain().isEmpty() ? "" : "; the mask is passed by "
                + c.chain().get(0).caller());
        Finding found = finding(level, f.file, f.lines[s.call()], f.cols[s.call()], what + fix, c.chain()).with(mask, context);
        // before 5.17 (an error or a warning), the fix: the scope around the call, GFP_KERNEL in place of the one
        // operand that leaves out __GFP_FS (__GFP_IO), where the call itself spells the mask
        if (level == Level.NOTE || !c.chain().isEmpty() || s.allocator().implicit() || save == null || restore == null) {
            return found;
        }
        boolean io = kind.equals("GFP_NOIO");
        String own = MaskOperands.onlyName(model, f.file, s.mask(), m -> q.maySleep(m) == Tri.YES
                && (io ? q.mayStartIo(m) : q.mayEnterFs(m)) == Tri.NO);
        if (own == null) return found;
        return found.with(new Fix.Scope("open " + scopeApi + " around the call and pass GFP_KERNEL", s.allocator().gfpArg(), own,
                "GFP_KERNEL", save.name(), restore.name(), io ? "noio_flags" : "nofs_flags"));
    }
}
