package dev.gfplint.rules;

import dev.gfplint.core.model.AllocatorSemantics;
import dev.gfplint.core.model.ExecKind;
import dev.gfplint.core.model.FunctionFacts;
import dev.gfplint.core.model.Model;
import dev.gfplint.core.model.Trace;
import dev.gfplint.core.model.Tri;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An allocation whose mask may sleep (direct reclaim) where the code may not: under a spinlock, in an RCU
 * read-side section, with preemption, interrupts or bottom halves off, in a hard-irq handler or a softirq
 * callback; in the allocating function or in a caller, through any number of calls. Notes: any allocation
 * under a raw spinlock (not allowed on PREEMPT_RT), and the vmalloc family with a non-blocking mask in an
 * atomic context (it may sleep whatever the mask says).
 */
@RuleInfo(id = "sleeping-alloc-in-atomic", level = Level.ERROR,
        summary = "allocation that may sleep under a spinlock, RCU, disabled preemption/interrupts/BH, or in irq context")
public final class SleepingAllocInAtomic extends Rule {
    public static final String HELP = """
            **Why it matters.** A mask with `__GFP_DIRECT_RECLAIM` (`GFP_KERNEL`, `GFP_NOFS`, `GFP_NOIO`, ...)
            lets the allocator sleep to reclaim memory. Code that holds a spinlock, runs in an RCU read-side
            section, has preemption, interrupts or bottom halves disabled, or runs in a hard-irq handler, a
            timer, a tasklet or a NAPI poll must not sleep: the kernel reports "BUG: sleeping function called
            from invalid context" when it happens, and it can deadlock. It only happens when memory is short,
            so testing rarely finds it.

            The rule follows locks and sections along each path (`spin_lock*`, `raw_spin_lock*`,
            `read_lock*`/`write_lock*`, seqlocks, bit spinlocks, `xa_lock*`, `local_lock*`, `rcu_read_lock*`,
            `preempt_disable`, `get_cpu*`, `local_irq_*`, `local_bh_disable`, `guard()` and `scoped_guard()`,
            trylocks on the branch where they succeeded; lock wrappers, functions in any file of the tree or macros
            whose body is one lock call, count as the lock they take), into the functions called there (with the call chain),
            (up to three calls deep from where the context begins; a name defined more than once is not followed),
            and the callbacks registered to run in irq, NMI or softirq context. Only a context held on every path
            through a function counts. It is an error when the allocation itself runs in a context its own
            function holds on every path or runs in as a registered callback, a warning when it is reached
            through calls made in the context. Then the finding is on that call, since that is where the fix
            goes. Every such call is reported, whoever else calls the allocating function, so a call's finding
            depends only on the function making it and on what it calls. Sleepable locks (mutex,
            rw_semaphore, semaphore, SRCU) are not atomic. A branch that tests the context
            (`gfpflags_allow_blocking(gfp)`, `preemptible()`, `!in_atomic()`) is trusted, also where such a
            test is one condition of several (`if (gfpflags_allow_blocking(gfp) && !external) { unlock; allocate;
            lock } else allocate`: the other branch is taken as chosen for a mask that does not block), and so is a mask
            chosen at run time between a blocking and a non-blocking value (`in_irq ? GFP_ATOMIC : GFP_KERNEL`). Calls that drop their
            own lock around the allocation (`__xa_store()` under `xa_lock()`, `xas_nomem()`) are correct.

            A call that passes a mask to a `gfp_t` parameter of a function the tree declares but does not define
            (its body is elsewhere) is taken as an allocation with that mask, and reported as a warning.

            Notes: any allocation under a raw spinlock (on PREEMPT_RT the allocator takes sleeping locks, so
            even `GFP_ATOMIC` is not allowed there), any allocation in an NMI handler (no allocator is NMI-safe),
            and `vmalloc()` with a non-blocking mask in an atomic context (it may sleep whatever the mask says).

            **Bad:**
            ```c
            spin_lock(&q->lock);
            e = kmalloc(sizeof(*e), GFP_KERNEL);
            ```
            **Good:**
            ```c
            e = kmalloc(sizeof(*e), GFP_KERNEL);    /* before the lock */
            spin_lock(&q->lock);
            /* or, when it must be under the lock: */
            e = kmalloc(sizeof(*e), GFP_ATOMIC);    /* may fail: handle NULL */
            ```
            **Fix.** Allocate before taking the lock (and free it if unused), preload (`idr_preload()`,
            `radix_tree_preload()`, `xas_nomem()`), or use `GFP_ATOMIC` or `GFP_NOWAIT` and handle failure. In an
            irq handler, defer the work to a threaded handler or a workqueue.
            """;

    public SleepingAllocInAtomic() {
        super(HELP);
    }

    /** An allocation judged to sleep in an atomic context, with where it is to be reported. */
    private record Hit(Model.AllocSite site, Model.SiteContext context, boolean vmallocAnyway) {}

    @Override
    public void checkModel(Model model, Consumer<Finding> out) {
        // One finding per place to fix: the allocation itself when its own function holds the context (or runs in
        // it as a callback), else each call made in the context, with the allocations it reaches. Where a call's
        // finding goes depends only on the function making it and on what it calls, never on who else calls them.
        java.util.Map<Trace.Step, List<Hit>> byAnchor = new java.util.LinkedHashMap<>();
        model.forEachSite(id(), s -> judgeAtSite(model, s, byAnchor, out));
        model.forEachDeclaredCall(id(), s -> judgeAtSite(model, s, byAnchor, out));
        model.forEachReachedInContext(id(), r -> {
            Hit h = hit(model, r.site(), r.contexts());
            if (h == null) return;
            FunctionFacts f = model.function(r.fn());
            Trace.Step anchor = new Trace.Step(f.name, f.file, f.lines[r.call()], f.cols[r.call()], f.callees[r.call()]);
            byAnchor.computeIfAbsent(anchor, k -> new ArrayList<>()).add(h);
        });
        for (var e : byAnchor.entrySet()) {
            Trace.Step anchor = e.getKey();
            List<Hit> hits = new ArrayList<>();
            for (Hit x : e.getValue()) { // one per allocation: the same one reached with two masks is one to fix
                int at = -1;
                for (int k = 0; k < hits.size() && at < 0; k++) if (hits.get(k).site().equals(x.site())) at = k;
                if (at < 0) hits.add(x);
                else if (stronger(x, hits.get(at))) hits.set(at, x);
            }
            Hit h = hits.get(0);
            for (Hit x : hits) if (stronger(x, h)) h = x;
            out.accept(report(model, anchor, h, hits.size() - 1));
        }
    }

    /** Whether {@code x} is the one to name: not the vmalloc note where {@code h} is, or held where h is not. */
    private static boolean stronger(Hit x, Hit h) {
        return !x.vmallocAnyway() && (h.vmallocAnyway() || more(x, h));
    }

    /** Files the site under itself when its own context makes its mask sleep there; the NMI or raw-spinlock note otherwise. */
    private void judgeAtSite(Model model, Model.AllocSite s, java.util.Map<Trace.Step, List<Hit>> byAnchor, Consumer<Finding> out) {
        Hit h = hit(model, s, model.ownContexts(s));
        FunctionFacts f = model.function(s.fn());
        if (h == null) {
            if (model.declaration(s) != null) return;
            Model.SiteContext nmi = null;
            for (Model.SiteContext c : model.contexts(s)) if ((c.atomic().may() & ExecKind.NMI.bit()) != 0) nmi = c;
            if (nmi != null) out.accept(nmiNote(model, s, f, nmi));
            else if (model.rawSpinAt(s.fn(), s.call())) out.accept(rawNote(model, s, f));
            return;
        }
        Trace.Step anchor = new Trace.Step(f.name, f.file, f.lines[s.call()], f.cols[s.call()], s.allocator().name());
        byAnchor.computeIfAbsent(anchor, k -> new ArrayList<>()).add(h);
    }

    /** The context among {@code contexts} in which the site's mask sleeps, the strongest; null when none does or the code chooses at run time. */
    private static Hit hit(Model model, Model.AllocSite s, List<Model.SiteContext> contexts) {
        AllocatorSemantics q = model.semantics();
        Model.SiteContext best = null;
        boolean vmallocAnyway = false;
        for (Model.SiteContext c : contexts) {
            if (!c.atomic().isAtomic()) continue;
            Tri sleeps = q.maySleep(c.effective());
            if (sleeps == Tri.YES) {
                if (best == null || vmallocAnyway
                        || (best.atomic().must() & ExecKind.ATOMIC) == 0 && (c.atomic().must() & ExecKind.ATOMIC) != 0) {
                    best = c;
                    vmallocAnyway = false;
                }
            } else if (sleeps == Tri.NO && q.sleepsWhateverTheMask(s.allocator()) && best == null) {
                best = c;
                vmallocAnyway = true;
            }
        }
        if (best == null || !vmallocAnyway && choosesAtRunTime(model, contexts, best)) return null;
        return new Hit(s, best, vmallocAnyway);
    }

    /**
     * Whether the mask is chosen at run time between a blocking and a non-blocking value in the same context
     * ({@code flag & IN_INTERRUPT ? GFP_ATOMIC : GFP_KERNEL}, {@code system_state > SYSTEM_RUNNING}): the code
     * decides by a test the model cannot evaluate, and is not judged.
     */
    private static boolean choosesAtRunTime(Model model, List<Model.SiteContext> contexts, Model.SiteContext sleeping) {
        for (Model.SiteContext c : contexts) {
            // the same caller's value and context: the choice is made here, not by which caller it is
            if (c.atomic().isAtomic() && java.util.Objects.equals(c.atomic().root(), sleeping.atomic().root())
                    && c.chain().equals(sleeping.chain())
                    && model.semantics().maySleep(c.effective()) == Tri.NO) return true;
        }
        return false;
    }

    /** Whether {@code a} is the stronger finding: held on every path and caller where {@code b} is not. */
    private static boolean more(Hit a, Hit b) {
        return (a.context().atomic().must() & ExecKind.ATOMIC) != 0 && (b.context().atomic().must() & ExecKind.ATOMIC) == 0;
    }

    private Finding report(Model model, Trace.Step anchor, Hit h, int others) {
        Model.AllocSite s = h.site();
        Model.SiteContext c = h.context();
        FunctionFacts f = model.function(s.fn());
        Model.Atomic a = c.atomic();
        Model.Declared declared = model.declaration(s);
        String what = s.allocator().name() + "() with " + model.flags().describe(c.raw()) + (declared == null ? ""
                : " (declared with a gfp_t parameter at " + declared.file() + ":" + declared.line()
                  + " and not defined in the scanned tree, so taken as an allocation)");
        boolean atSite = anchor.file().equals(f.file) && anchor.line() == f.lines[s.call()] && anchor.col() == f.cols[s.call()];
        // An error where the allocation itself runs in the context on every path and for every caller; a warning
        // where it is reached through calls (whether they get there depends on their own paths).
        // (a call to a function only declared is a warning: that it allocates is the declaration's word)
        boolean held = (a.must() & ExecKind.ATOMIC) != 0 && atSite;
        boolean every = held && declared == null;
        Level level = h.vmallocAnyway() ? Level.NOTE : every ? Level.ERROR : Level.WARNING;
        String under = under(a, anchor.file(), anchor.caller());
        boolean callback = isCallback(a);
        boolean nmi = callback && (a.root().kind() & ExecKind.NMI.bit()) != 0;
        String fix = nmi ? "no allocator is safe in NMI context, GFP_ATOMIC included: allocate beforehand, or defer the work with irq_work"
                : callback
                ? "use GFP_ATOMIC and handle failure, or move the work to process context (a threaded irq handler, a workqueue)"
                : atSite ? "allocate before the context begins, preload, or use GFP_ATOMIC or GFP_NOWAIT and handle failure"
                : "call it before the context begins or after it ends, or make it allocate with a non-blocking mask";
        String head = atSite ? what : anchor.callee() + "() reaches " + what + " at " + f.file + ":" + f.lines[s.call()]
                + (others > 0 ? " (and " + others + " more allocation" + (others > 1 ? "s" : "") + ")" : "") + ", which";
        String msg = h.vmallocAnyway()
                ? head + " may still sleep " + under + ": " + s.allocator().name() + "() allocates its page tables with"
                  + " GFP_KERNEL whatever the mask (judged as " + model.version() + "); allocate it outside the atomic context"
                : head + " may sleep (direct reclaim) " + under + (held ? "" : atSite ? " for some of its callers" : " on some paths through these calls") + "; " + fix;
        List<Trace.Step> flow = flow(a, c.chain());
        if (!atSite) flow.add(Trace.Step.at(f.file, f.lines[s.call()], f.cols[s.call()], what));
        return finding(level, anchor.file(), anchor.line(), anchor.col(), msg, flow).with(model.flags().describe(c.raw()), under);
    }

    /** "under spin_lock(&q->lock) taken at line 42", "in a hard-irq handler (...)", with the function when it is another. */
    private static String under(Model.Atomic a, String file, String function) {
        Model.AtomicRoot r = a.root();
        ExecKind k = ExecKind.first(a.may());
        if (r == null) return "in " + (k == null ? "an atomic context" : k.description) + " held by a caller";
        boolean callback = isCallback(a);
        String at = r.file().equals(file) ? "line " + r.line() : r.file() + ":" + r.line();
        if (callback) return "in " + ExecKind.first(r.kind() & CALLBACKS).description + " (" + r.what() + " at " + at + ")";
        String by = r.function().equals(function) ? "" : " in " + r.function();
        ExecKind rk = ExecKind.first(r.kind());
        return "under " + r.what() + " taken at " + at + by + " (" + (rk == null ? "atomic" : rk.description) + ")";
    }

    /** Whether the context is a callback's (an irq handler, a timer), not a lock or section taken in the code. */
    private static boolean isCallback(Model.Atomic a) {
        return a.localMay() == 0 && a.root() != null && (a.root().kind() & CALLBACKS) != 0;
    }

    /** The kinds only a callback runs in. */
    private static final int CALLBACKS = ExecKind.HARDIRQ.bit() | ExecKind.NMI.bit() | ExecKind.SOFTIRQ.bit();

    /** Where the context began, then the calls from there. */
    private static List<Trace.Step> flow(Model.Atomic a, List<Trace.Step> valueChain) {
        List<Trace.Step> out = new ArrayList<>();
        Model.AtomicRoot r = a.root();
        if (r != null && !isCallback(a)) {
            out.add(Trace.Step.at(r.file(), r.line(), r.col(), r.function() + " takes " + r.what()));
        }
        List<Trace.Step> chain = a.chain().isEmpty() ? valueChain : a.chain();
        if (a.localMay() == 0) out.addAll(chain);
        return out;
    }

    private Finding nmiNote(Model model, Model.AllocSite s, FunctionFacts f, Model.SiteContext c) {
        Model.Atomic a = c.atomic();
        List<Trace.Step> flow = flow(a, c.chain());
        if (!flow.isEmpty()) flow.add(Trace.Step.at(f.file, f.lines[s.call()], f.cols[s.call()], s.allocator().name() + "()"));
        return finding(Level.NOTE, f.file, f.lines[s.call()], f.cols[s.call()], s.allocator().name() + "() with "
                + model.flags().describe(c.raw()) + " " + under(a, f.file, f.name) + ": no allocator is safe in NMI"
                + " context, GFP_ATOMIC included (it takes locks the interrupted code may hold); allocate beforehand"
                + " and hand the memory over, or defer the work with irq_work", flow)
                .with(model.flags().describe(c.raw()), under(a, f.file, f.name));
    }

    private Finding rawNote(Model model, Model.AllocSite s, FunctionFacts f) {
        Model.Atomic a = model.atomicAt(s.fn(), s.call(), null);
        String where = a.root() == null ? "under a raw spinlock" : "under " + a.root().what() + " taken at line " + a.root().line();
        return finding(Level.NOTE, f.file, f.lines[s.call()], f.cols[s.call()], s.allocator().name() + "() " + where
                + ": on PREEMPT_RT the allocator may take sleeping locks, so no allocation is allowed under a raw"
                + " spinlock, GFP_ATOMIC included; allocate before taking it", flow(a, List.of())).with(null, where);
    }
}
