package dev.gfplint.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gfplint.core.cache.BinIn;
import dev.gfplint.core.cache.BinOut;
import dev.gfplint.core.front.FrontEnd;
import dev.gfplint.core.idiom.IdiomTable;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the cache stores of a file reads back as it was: every fixture of the repository through
 * {@link FactsCodec}, compared field by field (all of {@link FunctionFacts}' instance fields, found by
 * reflection, so a field added there and forgotten in the codec fails here), and a damaged entry is refused.
 */
class FactsCodecTest {
    private static final Path FIXTURES = Path.of("..", "testdata").toAbsolutePath().normalize();

    private static List<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            return s.filter(p -> p.toString().endsWith(".c") && !p.toString().contains("/target/")).sorted().toList();
        }
    }

    private static ModelBuilder.FileModel roundTrip(ModelBuilder.FileModel m) {
        BinOut o = new BinOut();
        FactsCodec.write(o, m);
        byte[] b = o.toByteArray();
        BinIn in = new BinIn(b);
        ModelBuilder.FileModel back = FactsCodec.read(in);
        assertTrue(in.atEnd(), "the whole entry is read");
        BinOut again = new BinOut();
        FactsCodec.write(again, back);
        assertArrayEquals(b, again.toByteArray(), "written again, the same bytes");
        return back;
    }

    @Test
    void everyFixtureFileReadsBackFieldByField() throws Exception {
        FrontEnd fe = new FrontEnd(IdiomTable.defaults());
        int functions = 0;
        for (String version : List.of("4.11", "6.12")) {
            KernelVersion v = KernelVersion.parse(version);
            ModelBuilder b = new ModelBuilder(v, Catalog.defaults(), FlagTable.builtin(v));
            for (Path p : fixtures()) {
                String src = Files.readString(p, StandardCharsets.UTF_8);
                ModelBuilder.FileModel m = b.summarize(fe.analyze(p.getFileName().toString(), src.toCharArray()).unit());
                ModelBuilder.FileModel back = roundTrip(m);
                assertEquals(m.path(), back.path());
                assertEquals(m.gfpMacros(), back.gfpMacros(), p.toString());
                assertEquals(m.macroWrappers(), back.macroWrappers(), p.toString());
                assertEquals(m.declared(), back.declared(), p.toString());
                assertEquals(m.tableRoots(), back.tableRoots(), p.toString());
                assertEquals(m.facts().size(), back.facts().size(), p.toString());
                for (int i = 0; i < m.facts().size(); i++) sameFields(m.facts().get(i), back.facts().get(i), p + ": " + m.facts().get(i).name);
                functions += m.facts().size();
            }
        }
        assertTrue(functions > 500, "the fixtures hold many functions: " + functions);
    }

    /** Every instance field of {@link FunctionFacts} except those the model sets when it links the files. */
    private static void sameFields(FunctionFacts a, FunctionFacts b, String what) throws IllegalAccessException {
        for (Field f : FunctionFacts.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getName().equals("bootEntry")) continue;
            f.setAccessible(true);
            Object x = f.get(a), y = f.get(b);
            boolean same = x != null && x.getClass().isArray() ? Objects.deepEquals(x, y) : Objects.equals(x, y)
                    || x instanceof FunctionFacts.Order o && y instanceof FunctionFacts.Order q && java.util.Arrays.equals(o.calls(), q.calls())
                    && java.util.Arrays.equals(o.node(), q.node()) && java.util.Arrays.equals(o.start(), q.start())
                    && java.util.Arrays.equals(o.succ(), q.succ());
            if (!same) fail(what + ": field " + f.getName() + " differs: " + x + " / " + y);
        }
    }

    @Test
    void aTruncatedOrAlteredEntryIsRefusedNotMisread() {
        KernelVersion v = KernelVersion.parse("6.12");
        ModelBuilder b = new ModelBuilder(v, Catalog.defaults(), FlagTable.builtin(v));
        ModelBuilder.FileModel m = b.summarize(new FrontEnd(IdiomTable.defaults()).analyze("t.c", """
                static int f(struct inode *i, gfp_t gfp)
                {
                	unsigned int nofs = memalloc_nofs_save();
                	void *p = kmalloc(8, gfp | __GFP_NOFAIL);

                	memalloc_nofs_restore(nofs);
                	return p ? 0 : -ENOMEM;
                }
                """.toCharArray()).unit());
        BinOut o = new BinOut();
        FactsCodec.write(o, m);
        byte[] all = o.toByteArray();
        for (int cut = 0; cut < all.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(all, cut);
            assertThrows(BinIn.Corrupt.class, () -> FactsCodec.read(new BinIn(part)), "cut at " + cut);
        }
        // every single byte changed to every other value: refused as corrupt, or read as some other facts (the
        // entry's checksum is what catches those), never another exception, never an allocation out of bounds
        int refused = 0, read = 0;
        for (int at = 0; at < all.length; at++) {
            for (int value = 0; value < 256; value++) {
                if ((byte) value == all[at]) continue;
                byte[] bad = all.clone();
                bad[at] = (byte) value;
                try {
                    assertTrue(FactsCodec.read(new BinIn(bad)) != null);
                    read++;
                } catch (BinIn.Corrupt expected) {
                    refused++;
                }
            }
        }
        assertEquals(all.length * 255, refused + read);
        // a changed number (a line, a bit set) still reads, as other facts: only the entry's CRC-32 can tell those
        assertTrue(refused > 0 && read > 0, refused + " refused, " + read + " read");
    }
}
