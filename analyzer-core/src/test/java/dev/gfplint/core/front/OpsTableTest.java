package dev.gfplint.core.front;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.ir.OpsTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** File-scope initializers that store functions in members: what the front end keeps of them. */
class OpsTableTest {
    private static List<OpsTable> tables(String text) {
        return new FrontEnd(IdiomTable.defaults()).analyze("t.c", text.toCharArray()).unit().tables();
    }

    private static String members(OpsTable t) {
        return String.join(" ", t.members().stream().map(m -> m.field() + "=" + m.function()).toList());
    }

    @Test
    void aDesignatedInitializerGivesTypeNameAndFunctionMembers() {
        List<OpsTable> ts = tables("""
                static int a_read(struct file *f, struct folio *p) { return 0; }
                static const struct address_space_operations a_aops = {
                	.read_folio	= a_read,
                	.writepages	= &a_write,
                	.nr		= 4,
                	.name		= "a",
                	.flags		= A_ONE | A_TWO,
                	.dirty_folio	= filemap_dirty_folio
                };
                int after(void) { return 1; }
                """);
        assertEquals(1, ts.size());
        OpsTable t = ts.get(0);
        assertEquals("address_space_operations", t.type());
        assertEquals("a_aops", t.name());
        assertEquals("read_folio=a_read writepages=a_write dirty_folio=filemap_dirty_folio", members(t));
        assertEquals(3, t.members().get(0).pos().line());
        assertEquals(2, t.pos().line());
    }

    @Test
    void arraysAndNestedInitializersKeepTheirMembersAndAFunctionAfterThemIsStillRead() {
        FrontEnd.Result r = new FrontEnd(IdiomTable.defaults()).analyze("t.c", """
                static struct ctl_table tbl[] = {
                	{ .procname = "x", .proc_handler = proc_x, },
                	{ .procname = "y", .ops = { .show = show_y } },
                };
                static DEFINE_SPINLOCK(l);
                int f(void) { return 0; }
                """.toCharArray());
        List<OpsTable> ts = r.unit().tables();
        assertEquals(1, ts.size());
        assertEquals("ctl_table", ts.get(0).type());
        assertEquals("tbl", ts.get(0).name());
        assertEquals("proc_handler=proc_x show=show_y", members(ts.get(0)));
        assertEquals(List.of("f"), r.unit().functions().stream().map(dev.gfplint.core.ir.Function::name).toList());
    }

    @Test
    void initializersWithoutFunctionMembersAndPositionalOnesAreNotTables() {
        assertEquals(List.of(), tables("""
                static int v[] = { 1, 2, 3 };
                static struct point p = { .x = 1, .y = 2 };
                static const struct foo_ops pos = { foo_open, foo_close };
                struct s { int (*f)(void); };
                enum e { E_A = 1, E_B };
                """));
    }
}
