package dev.gfplint.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Masks evaluated the way the allocator would see them: through macros, locals, callers, wrappers and scopes. */
class ModelEvaluationTest {
    private static Set<Mask> raws(List<Model.SiteContext> cs) {
        return cs.stream().map(Model.SiteContext::raw).collect(Collectors.toSet());
    }

    @Test
    void composedFlagsAndTheTreesOwnMacrosInAHeader() {
        ModelFixture f = ModelFixture.of("6.12",
                "include/linux/my_alloc.h", """
                        #define MY_NOFS_MASK   (GFP_KERNEL & ~__GFP_FS)
                        #define QUIET(gfp)     ((gfp) | __GFP_NOWARN)
                        """,
                "drivers/x/a.c", """
                        void *one(size_t n) { return kmalloc(n, MY_NOFS_MASK); }
                        void *two(size_t n) { return kzalloc(n, QUIET(GFP_NOIO)); }
                        void *three(size_t n) { return kmalloc(n, (__force gfp_t)(GFP_KERNEL ^ __GFP_IO)); }
                        """);
        assertEquals(Set.of(f.flag("GFP_NOFS")), raws(f.contexts("one")));
        assertEquals(Set.of(Mask.of(f.bits("GFP_NOIO") | f.bits("__GFP_NOWARN"))), raws(f.contexts("two")));
        assertEquals(Set.of(Mask.of(f.bits("GFP_KERNEL") & ~f.bits("__GFP_IO"))), raws(f.contexts("three")));
        AllocatorSemantics q = f.model().semantics();
        assertEquals(Tri.NO, q.mayEnterFs(f.contexts("one").get(0).effective()));
        assertEquals(Tri.YES, q.maySleep(f.contexts("one").get(0).effective()));
    }

    @Test
    void aLocalAssignedOnTwoBranchesKeepsBothValues() {
        ModelFixture f = ModelFixture.of("6.12", "a.c", """
                void *get(size_t n, int nofs)
                {
                        gfp_t gfp = GFP_KERNEL;

                        if (nofs)
                                gfp = GFP_NOFS;
                        else
                                gfp |= __GFP_NOWARN;
                        return kmalloc(n, gfp);
                }

                void *cleared(size_t n)
                {
                        gfp_t gfp = GFP_KERNEL;

                        gfp &= ~__GFP_FS;
                        return kmalloc(n, gfp);
                }
                """);
        List<Model.SiteContext> cs = f.contexts("get");
        assertEquals(Set.of(f.flag("GFP_NOFS"), Mask.of(f.bits("GFP_KERNEL") | f.bits("__GFP_NOWARN"))), raws(cs));
        AllocatorSemantics q = f.model().semantics();
        assertTrue(cs.stream().anyMatch(c -> q.mayEnterFs(c.effective()) == Tri.YES), "on some path FS");
        assertTrue(cs.stream().anyMatch(c -> q.mayEnterFs(c.effective()) == Tri.NO), "on some path NOFS");
        assertEquals(Tri.MAYBE, q.mayEnterFs(f.model().effectiveJoined(f.site("get"))), "joined: not definite");
        assertEquals(Set.of(f.flag("GFP_NOFS")), raws(f.contexts("cleared")));
    }

    @Test
    void aGfpParameterTakesTheValuesItsCallersPass() {
        ModelFixture f = ModelFixture.of("6.12", "a.c", """
                static void *get(size_t n, gfp_t gfp)
                {
                        return kmalloc(n, gfp);
                }

                void from_fs(void)
                {
                        get(16, GFP_NOFS);
                }

                void from_irq(void)
                {
                        get(32, GFP_ATOMIC);
                }
                """);
        List<Model.SiteContext> cs = f.contexts("get");
        assertEquals(Set.of(f.flag("GFP_NOFS"), f.flag("GFP_ATOMIC")), raws(cs));
        for (Model.SiteContext c : cs) {
            String expect = c.raw().equals(f.flag("GFP_NOFS")) ? "from_fs:8" : "from_irq:13";
            assertEquals(expect, ModelFixture.chain(c));
        }
        assertTrue(f.model().isWrapper(f.fn("get")));
    }

    @Test
    void manyDistinctCallerValuesAreFoldedAndLoseTheirSingleChain() {
        StringBuilder src = new StringBuilder("static void *get(gfp_t gfp) { return kmalloc(8, gfp); }\n");
        String[] extra = {"__GFP_ZERO", "__GFP_NOWARN", "__GFP_NORETRY", "__GFP_ACCOUNT", "__GFP_COMP", "__GFP_HIGH",
            "__GFP_MOVABLE", "__GFP_RECLAIMABLE", "__GFP_NOMEMALLOC", "__GFP_HARDWALL"};
        for (int i = 0; i < extra.length; i++) src.append("void c").append(i).append("(void) { get(GFP_NOFS | ")
                .append(extra[i]).append("); }\n");
        ModelFixture f = ModelFixture.of("6.12", "a.c", src.toString());
        List<Model.SiteContext> cs = f.contexts("get");
        assertEquals(ModelBuilder.MAX_INCOMING, cs.size());
        assertEquals(ModelBuilder.MAX_INCOMING - 1, cs.stream().filter(c -> !c.chain().isEmpty()).count());
        Model.SiteContext folded = cs.get(cs.size() - 1);
        assertTrue(folded.chain().isEmpty(), "a folded value names no single caller");
        assertEquals(Tri.NO, f.model().semantics().mayEnterFs(folded.effective()), "what all folded callers share stays known");
    }

    @Test
    void wrappersTwoLevelsDeepAreAllocatorsAndCarryTheCallersMask() {
        ModelFixture f = ModelFixture.of("6.12", "a.c", """
                void *lvl1(size_t n, gfp_t flags)
                {
                        return kmalloc(n, flags | __GFP_ZERO);
                }

                void *lvl2(gfp_t g, size_t n)
                {
                        return lvl1(n, g);
                }

                int user(void)
                {
                        void *p = lvl2(GFP_NOFS, 64);
                        return p != NULL;
                }
                """);
        Model m = f.model();
        assertTrue(m.isWrapper(f.fn("lvl1")));
        assertTrue(m.isWrapper(f.fn("lvl2")), "lvl2 passes its own gfp to a wrapper");
        assertFalse(m.isWrapper(f.fn("user")));
        Model.Forward fw = m.forwards(f.fn("lvl2")).get(0);
        assertEquals(0, fw.param());
        assertEquals("lvl1", fw.callee());
        assertEquals(1, fw.arg());
        Model.Reach r = m.reaches(f.fn("lvl2")).get(0);
        assertEquals("kmalloc", m.function(r.site().fn()).callees[r.site().call()]);
        assertEquals(List.of("lvl2", "lvl1"), r.chain().steps().stream().map(Trace.Step::caller).toList());
        List<Model.SiteContext> cs = f.contexts("lvl1");
        assertEquals(Set.of(Mask.of(f.bits("GFP_NOFS") | f.bits("__GFP_ZERO"))), raws(cs));
        assertEquals("user:13 > lvl2:8", ModelFixture.chain(cs.get(0)));

        // Judged at the caller's own call: the mask it passes, carried to the allocation the wrapper reaches.
        int user = f.fn("user");
        List<Model.Through> through = m.throughCall(user, 0);
        assertEquals(1, through.size());
        assertEquals("kmalloc", m.function(through.get(0).reach().site().fn()).callees[through.get(0).reach().site().call()]);
        Model.SiteContext c = through.get(0).contexts().get(0);
        assertEquals(Mask.of(f.bits("GFP_NOFS") | f.bits("__GFP_ZERO")), c.raw());
        assertEquals("user:13 > lvl2:8 > lvl1:3", ModelFixture.chain(c));
    }

    @Test
    void aScopeOpenedInTheCallerClearsFsInTheCallee() {
        ModelFixture f = ModelFixture.of("6.12", "a.c", """
                static void *inner(size_t n)
                {
                        return kmalloc(n, GFP_KERNEL);
                }

                void *outer(size_t n)
                {
                        unsigned int nofs = memalloc_nofs_save();
                        void *p = inner(n);

                        memalloc_nofs_restore(nofs);
                        return p;
                }
                """);
        Model m = f.model();
        Model.SiteContext c = f.contexts("inner").get(0);
        assertEquals(f.flag("GFP_KERNEL"), c.raw());
        assertEquals(f.flag("GFP_NOFS"), c.effective());
        assertEquals(Tri.NO, m.semantics().mayEnterFs(c.effective()));
        assertEquals(Scope.NOFS.bit(), m.entryScopesMust(f.fn("inner")));
        assertEquals("outer:9", String.join(",", m.scopeWitness(f.fn("inner")).stream().map(s -> s.caller() + ":" + s.line()).toList()));
    }

    @Test
    void aScopeOnOnlySomePathsMakesFsUnknown() {
        ModelFixture f = ModelFixture.of("6.12", "a.c", """
                void *f(size_t n, bool fs)
                {
                        unsigned int flags;
                        void *p;

                        if (!fs)
                                flags = memalloc_nofs_save();
                        p = kmalloc(n, GFP_KERNEL);
                        if (!fs)
                                memalloc_nofs_restore(flags);
                        return p;
                }
                """);
        Model.SiteContext c = f.contexts("f").get(0);
        assertEquals(Scope.NOFS.bit(), c.scopesMay());
        assertEquals(0, c.scopesMust());
        assertEquals(Tri.MAYBE, f.model().semantics().mayEnterFs(c.effective()));
    }

    @Test
    void currentGfpContextAppliesTheScopeOpenWhereItIsUsed() {
        ModelFixture f = ModelFixture.of("6.12", "a.c", """
                void *f(size_t n)
                {
                        unsigned int io = memalloc_noio_save();
                        void *p = kmalloc(n, current_gfp_context(GFP_KERNEL));

                        memalloc_noio_restore(io);
                        return p;
                }
                """);
        assertEquals(Set.of(f.flag("GFP_NOIO")), raws(f.contexts("f")));
    }

    @Test
    void restoringZeroClearedAnOuterScopeBefore610Only() {
        String src = """
                void *f(size_t n)
                {
                        unsigned int outer = memalloc_nofs_save();
                        void *p;

                        memalloc_nofs_restore(0);
                        p = kmalloc(n, GFP_KERNEL);
                        memalloc_nofs_restore(outer);
                        return p;
                }
                """;
        ModelFixture old = ModelFixture.of("6.8", "a.c", src);
        ModelFixture now = ModelFixture.of("6.12", "a.c", src);
        assertEquals(Tri.YES, old.model().semantics().mayEnterFs(old.contexts("f").get(0).effective()));
        assertEquals(Tri.NO, now.model().semantics().mayEnterFs(now.contexts("f").get(0).effective()));
        assertEquals(1, old.model().function(old.fn("f")).restoreZeros.size());
    }

    @Test
    void implicitMasksComeFromTheCatalog() {
        ModelFixture f = ModelFixture.of("6.12", "a.c", "void *f(unsigned long n) { return vmalloc(n); }\n");
        assertEquals(Set.of(f.flag("GFP_KERNEL")), raws(f.contexts("f")));
        assertEquals(Catalog.Family.VMALLOC, f.site("f").allocator().family());
    }

    @Test
    void anOptionalGfpArgumentLeftOutIsTheDefault() {
        ModelFixture f = ModelFixture.of("6.12", "a.c", """
                struct foo *a(void) { return kzalloc_obj(struct foo); }
                struct foo *b(void) { return kzalloc_obj(struct foo, GFP_NOFS); }
                """);
        assertEquals(Set.of(f.flag("GFP_KERNEL")), raws(f.contexts("a")));
        assertEquals(Set.of(f.flag("GFP_NOFS")), raws(f.contexts("b")));
    }

    @Test
    void aSavedValueStoredInAStructEscapes() {
        ModelFixture f = ModelFixture.of("6.12", "a.c", """
                void set_context(struct trans *tp)
                {
                        tp->t_pflags = memalloc_nofs_save();
                }

                void local_pair(void)
                {
                        unsigned int f = memalloc_nofs_save();
                        memalloc_nofs_restore(f);
                }

                void clear_context(struct trans *tp)
                {
                        memalloc_nofs_restore(tp->t_pflags);
                }
                """);
        Model m = f.model();
        FunctionFacts set = m.function(f.fn("set_context"));
        assertTrue(set.saves.get(0).escapes());
        assertEquals(Scope.NOFS.bit(), set.openAtExitMust);
        FunctionFacts pair = m.function(f.fn("local_pair"));
        assertFalse(pair.saves.get(0).escapes());
        assertEquals(0, pair.openAtExitMay);
        assertEquals(Scope.NOFS.bit(), m.function(f.fn("clear_context")).closesForeign);
    }

    @Test
    void staticFunctionsResolveWithinTheirFileAndDuplicateGlobalsAreReported() {
        ModelFixture f = ModelFixture.of("6.12",
                "a.c", """
                        static void *helper(gfp_t g) { return kmalloc(8, g); }
                        void a(void) { helper(GFP_NOFS); }
                        void dup(void) { }
                        """,
                "b.c", """
                        static void *helper(gfp_t g) { return kmalloc(8, g); }
                        void b(void) { helper(GFP_ATOMIC); }
                        void dup(void) { }
                        """);
        Model m = f.model();
        int ha = m.find("helper", "a.c"), hb = m.find("helper", "b.c");
        assertEquals(Set.of(f.flag("GFP_NOFS")), raws(m.contexts(siteOf(m, ha))));
        assertEquals(Set.of(f.flag("GFP_ATOMIC")), raws(m.contexts(siteOf(m, hb))));
        assertEquals(List.of("dup"), m.duplicateNames());
    }

    @Test
    void aBranchOnTheCallersMaskRefinesTheLocal() {
        ModelFixture f = ModelFixture.of("6.12", "a.c", """
                static void *track(size_t n, gfp_t gfp)
                {
                        gfp_t mask = gfp | __GFP_NOWARN;

                        if (gfp & __GFP_DIRECT_RECLAIM)
                                mask |= __GFP_NOFAIL;
                        return kzalloc(n, mask);
                }

                void from_irq(void) { track(8, GFP_ATOMIC); }
                void from_task(void) { track(8, GFP_KERNEL); }
                """);
        long nowarn = f.bits("__GFP_NOWARN"), nofail = f.bits("__GFP_NOFAIL");
        assertEquals(Set.of(Mask.of(f.bits("GFP_ATOMIC") | nowarn), Mask.of(f.bits("GFP_KERNEL") | nowarn | nofail)),
                raws(f.contexts("track")), "the atomic caller never gets NOFAIL, the blocking one always does");
    }

    @Test
    void aBoolPassedBesideTheMaskPicksThePath() {
        ModelFixture f = ModelFixture.of("6.12", "a.c", """
                static void *strict(struct kmem_cache *c, gfp_t flags)
                {
                        return kmem_cache_alloc(c, flags | __GFP_NOFAIL);
                }

                static void *pick(struct kmem_cache *c, gfp_t flags, bool nofail)
                {
                        if (nofail)
                                return strict(c, flags);
                        return NULL;
                }

                void a(struct kmem_cache *c) { pick(c, GFP_ATOMIC, false); }
                void b(struct kmem_cache *c) { pick(c, GFP_NOFS, true); }
                """);
        assertEquals(Set.of(Mask.of(f.bits("GFP_NOFS") | f.bits("__GFP_NOFAIL"))), raws(f.contexts("strict")),
                "only the caller that passes true reaches the NOFAIL allocation");
    }

    private static Model.AllocSite siteOf(Model m, int fn) {
        return m.allocationSites().stream().filter(s -> s.fn() == fn).findFirst().orElseThrow();
    }
}
