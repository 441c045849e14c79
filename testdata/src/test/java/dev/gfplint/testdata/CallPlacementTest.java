package dev.gfplint.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gfplint.core.front.FrontEnd;
import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.ir.TranslationUnit;
import dev.gfplint.core.model.Catalog;
import dev.gfplint.core.model.FlagTable;
import dev.gfplint.core.model.KernelVersion;
import dev.gfplint.core.model.ModelBuilder;
import dev.gfplint.rules.Finding;
import dev.gfplint.rules.RuleRunner;
import dev.gfplint.rules.SleepingAllocInAtomic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where sleeping-alloc-in-atomic reports a call made under a lock depends only on the function making it and
 * on what it calls: another file calling the same helper under its own lock neither hides that finding nor
 * moves it. This is what lets a pre-commit run judge the changed files with only the part of the program they
 * reach, and what a developer expects of their own call.
 */
class CallPlacementTest {
    private static final String HELPER = """
            void *ring_new(void)
            {
            \treturn kzalloc(64, GFP_KERNEL);
            }
            """;
    private static final String MINE = """
            struct port { spinlock_t lock; void *p; };
            void port_reset(struct port *p)
            {
            \tspin_lock(&p->lock);
            \tp->p = ring_new();
            \tspin_unlock(&p->lock);
            }
            """;
    private static final String OTHER = """
            struct link { spinlock_t lock; void *p; };
            void link_reset(struct link *l)
            {
            \tspin_lock(&l->lock);
            \tl->p = ring_new();
            \tspin_unlock(&l->lock);
            }
            """;

    private static List<String> findings(Map<String, String> files, String in) {
        KernelVersion v = KernelVersion.NEWEST;
        ModelBuilder b = new ModelBuilder(v, Catalog.defaults(), FlagTable.builtin(v));
        RuleRunner runner = new RuleRunner(List.of(new SleepingAllocInAtomic()), b.catalog());
        FrontEnd fe = new FrontEnd(IdiomTable.defaults());
        for (var e : files.entrySet()) {
            TranslationUnit tu = fe.analyze(e.getKey(), e.getValue().toCharArray()).unit();
            b.add(tu);
            runner.onFile(tu);
        }
        return runner.onModel(b.build()).stream().filter(f -> f.file().equals(in))
                .map(f -> f.line() + ":" + f.col() + " " + f.level() + " " + f.message()).toList();
    }

    @Test
    void aCallersFindingDoesNotDependOnOtherCallersOfTheHelper() {
        Map<String, String> alone = new LinkedHashMap<>();
        alone.put("helper.c", HELPER);
        alone.put("port.c", MINE);
        Map<String, String> withOther = new LinkedHashMap<>(alone);
        withOther.put("link.c", OTHER);
        Map<String, String> otherFirst = new LinkedHashMap<>();
        otherFirst.put("a_link.c", OTHER);
        otherFirst.putAll(alone);

        List<String> mine = findings(alone, "port.c");
        assertEquals(1, mine.size(), "the call under the lock is reported: " + mine);
        assertEquals(true, mine.get(0).startsWith("5:9 WARNING ring_new() reaches kzalloc() with GFP_KERNEL at helper.c:3"), mine.get(0));
        assertEquals(mine, findings(withOther, "port.c"));
        assertEquals(mine, findings(otherFirst, "port.c"));
        assertEquals(1, findings(withOther, "link.c").size(), "the other caller is reported at its own call too");
    }
}
