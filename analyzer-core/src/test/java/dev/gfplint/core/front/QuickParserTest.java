package dev.gfplint.core.front;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gfplint.core.idiom.IdiomTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quick parser reads the common constructs itself, gives the rest to ANTLR, and either way the IR, counters
 * and notes are those ANTLR alone gives.
 */
class QuickParserTest {
    private static final IdiomTable IDIOMS = IdiomTable.defaults();

    /** Runs of statements read by the quick parser for {@code body}, after checking the IR against ANTLR's. */
    private static long quickRuns(String body) {
        String text = "int f(struct inode *inode, gfp_t gfp)\n{\n" + body + "\n}\n";
        FrontEnd quick = new FrontEnd(IDIOMS, true, true);
        FrontEnd antlr = new FrontEnd(IDIOMS, true, false);
        long before = quick.parsedBy()[0];
        FrontEnd.Result q = quick.analyze("q.c", text.toCharArray());
        long runs = quick.parsedBy()[0] - before;
        FrontEnd.Result a = antlr.analyze("q.c", text.toCharArray());
        assertEquals(IrDump.of(a), IrDump.of(q), "counters, notes and IR with ANTLR alone");
        return runs;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "p = kmalloc(sizeof(*p), GFP_KERNEL | __GFP_NOWARN);",
        "struct page *page = alloc_pages(gfp & ~__GFP_HIGHMEM, 0), **pp = &page; unsigned long flags, n[4] = { 0 };",
        "static const char *const names[] = { [0] = \"a\", [1 ... 2] = \"b\" }; struct s v = { .a = 1, b: 2, };",
        "if (!p) goto out; else if (x > 1 && y) return -ENOMEM; else { x = y ? : z; } out: return x;",
        "for (int i = 0, j = 1; i < n; i++, j <<= 1) continue; for (;;) break; for (i = 0; i < 4; i++) ;",
        "while (x--) do { y += x; } while (y < 10); switch (x) { case 1 ... 3: case FOO: x = 1; break; default: ; }",
        "list_for_each_entry(pos, &head, list) { kfree(pos); } spin_lock(&l); foo(a, , b); bar(,); baz(a,);",
        "scoped_guard(mutex, &m) x = 1; mutex_lock(&m) }",
        "x = (struct foo *)p; y = (unsigned long)p + (u8)q; z = (a) - b; w = (gfp_t) gfp; v = (T) ~x; u = (a)(b);",
        "n = sizeof(struct foo) * 2 + sizeof x + sizeof(x) + sizeof(foo *) + __alignof__(long);",
        "x = ({ int t = 1; t; }); y = (struct foo){ .a = 1 }; z = &&label; goto *z;",
        "printk(KERN_ERR \"a\" \"b\" PRIu64 \"c\" __stringify(N) \"\\n\", x); s = FOO \"x\";",
        "x = a->b.c[1][2]++ + --y * -z / !w % ~v << 1 >> 2 < 3 > 4 <= 5 >= 6 == 7 != 8 & 9 ^ 10 | 11 || 12;",
        "x += 1; x -= 1; x *= 2; x /= 2; x %= 2; x <<= 1; x >>= 1; x &= 1; x ^= 1; x |= 1; a = b = c;",
        "__label__ a, b; typeof(x) y = x; typeof(struct foo *) z; enum e { A, B } ev; union { int a; } u;",
        "foo_t x; foo_t *y = NULL; size_t n; bar x, *y; const bar *z; static foo w = 1;",
        "min_t(unsigned long, a, b); container_of(p, struct foo, member); min_t(foo *, a, b);",
        "x = a ? b : c ? d : e; x = a, b; return a, b;",
        "a * b; c * d = e; f * g + h; i * -j; k ** l, m; n * o[2] = { 0 };",
        "asm volatile(\"nop\" ::: \"memory\"); asm(\"mov %1, %0\" : \"=r\" (x) : [v] \"r\" (y), \"i\" (N(4)));",
        "int (*fn)(int) = g; void (*cb)(struct foo *, const char *fmt, ...); long (*arr)[4]; int f2(void), g2(foo, foo *p, unsigned n, unsigned long, int *);",
        "static DEFINE_MUTEX(m); static LIST_HEAD(l); static FOO(x) = { 1 }; bar baz(int a);",
        "nvkm_msec(d, t, if (x) break; else y = 1; z++;); FOO(a, if (b) c(); );",
        "FOO(x, return -EINVAL); BAR(y, return); BAZ(z, break, continue, goto out); ASSERTCMP(a, ==, b); out: ;",
        "asm volatile(\"mov %0, %1\" : FOO(x) (y), \"=r\" (z)); asm(\"\" : : \"i\" (OFF(a, (b))));",
        "asm goto(\"jmp %l0\" :::: out, again); asm __volatile__(ALTERNATIVE(\"a\", \"b\", X86_FEATURE_Y)); out: ;",
    })
    void commonConstructsAreReadByTheQuickParser(String body) {
        assertEquals(1, quickRuns(body), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a * (b);",                                // a declarator in parentheses, or a product
        "x = (a) ++b;",                            // cast or postfix: needs the next token
        "void (*fn)(int (*cb)(void));",            // a function pointer as a parameter
        "x = _Generic(x, int: 1, default: 2);",
        "int x : 3;",                              // a bit-field
        "__extension__ x = 1;",
        "@@ not C ;",                              // an error: ANTLR skips the statement
        "if (a) foo(x) else bar();",               // a macro ending its statement before else
    })
    void constructsNeedingMoreLookaheadAreLeftToAntlr(String body) {
        assertEquals(0, quickRuns(body), body);
    }

    @org.junit.jupiter.api.Test
    void aStatementDeeperThanTheQuickLimitIsLeftToAntlrWithTheSameDepth() {
        // 1,200 operators deep: past the quick parser's limit, within ANTLR's (brackets deeper than 256 would be
        // skipped before either parser saw them)
        assertEquals(0, quickRuns("x = " + "- ".repeat(1200) + "y;"));
        assertEquals(1, quickRuns("x = " + "- ".repeat(300) + "y;"));
        assertEquals(1, quickRuns("x = " + "(".repeat(200) + "y" + ")".repeat(200) + ";"));
    }
}
