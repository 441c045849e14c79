package dev.gfplint.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InternerTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNameReadAsBytesIsTheCopyTheFrontEndKeeps() {
        Interner in = new Interner();
        String kmalloc = new String("kmalloc");
        assertSame(kmalloc, in.intern(kmalloc));
        assertSame(kmalloc, in.intern(new String("kmalloc")));
        byte[] entry = utf8("xxkmallocyy");
        assertSame(kmalloc, in.intern(entry, 2, 7));
        String fromBytes = in.intern(utf8("kfree"), 0, 5);
        assertEquals("kfree", fromBytes);
        assertSame(fromBytes, in.intern(new String("kfree")));
        assertSame(in.intern(""), in.intern(new byte[0], 0, 0));
    }

    @Test
    void namesThatAreNotAsciiAndNamesThatShareAHashStayApart() {
        Interner in = new Interner();
        byte[] fuenf = utf8("f\u00fcnf");
        String s = in.intern(fuenf, 0, fuenf.length);
        assertEquals("f\u00fcnf", s);
        assertSame(s, in.intern(new String("f\u00fcnf")));
        assertEquals("Aa".hashCode(), "BB".hashCode()); // the same String.hashCode
        String aa = in.intern(utf8("Aa"), 0, 2), bb = in.intern(utf8("BB"), 0, 2);
        assertEquals("Aa", aa);
        assertEquals("BB", bb);
        assertNotSame(aa, bb);
        assertSame(aa, in.intern("Aa"));
        assertSame(bb, in.intern("BB"));
    }

    @Test
    void everyNameKeepsOneCopyWhileTheTablesGrow() {
        Interner in = new Interner();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) first.add(in.intern(new String("fn_" + i)));
        for (int i = 0; i < 100_000; i++) {
            byte[] b = utf8("fn_" + i);
            assertSame(first.get(i), in.intern(b, 0, b.length));
        }
    }

    @Test
    void threadsInterningTheSameNamesAtOnceGetOneCopy() throws InterruptedException {
        Interner in = new Interner();
        int threads = 4, names = 50_000;
        ConcurrentHashMap<String, String> seen = new ConcurrentHashMap<>();
        List<String> clashes = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            boolean bytes = t % 2 == 0;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < names; i++) {
                    String name = "name_" + i;
                    byte[] b = utf8(name);
                    String c = bytes ? in.intern(b, 0, b.length) : in.intern(new String(name));
                    String prev = seen.putIfAbsent(name, c);
                    if (prev != null && prev != c) clashes.add(name);
                }
            });
            th.start();
            ts.add(th);
        }
        start.countDown();
        for (Thread th : ts) th.join();
        assertEquals(List.of(), clashes);
        assertEquals(names, seen.size());
    }
}
