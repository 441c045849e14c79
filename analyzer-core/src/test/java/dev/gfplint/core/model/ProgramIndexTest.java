package dev.gfplint.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gfplint.core.cache.BinIn;
import dev.gfplint.core.cache.Interner;
import dev.gfplint.core.front.FrontEnd;
import dev.gfplint.core.idiom.IdiomTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which files a partial link takes for a set of changed files, from the outlines alone. */
class ProgramIndexTest {
    private static final KernelVersion V = KernelVersion.parse("6.12");

    /** The index of {@code files} (path, source, ...), each with a hash made of its number. */
    private static ProgramIndex index(String... files) {
        ModelBuilder b = new ModelBuilder(V, Catalog.defaults(), FlagTable.builtin(V));
        FrontEnd fe = new FrontEnd(IdiomTable.defaults());
        ProgramIndex ix = new ProgramIndex();
        for (int i = 0; i < files.length; i += 2) {
            byte[] h = new byte[32];
            h[0] = (byte) i;
            ix.put(b.summarize(fe.analyze(files[i], files[i + 1].toCharArray()).unit()), h);
        }
        return ix;
    }

    private static List<String> paths(String... files) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < files.length; i += 2) out.add(files[i]);
        return out;
    }

    private static final String[] TREE = {
        "a/top.c", "int top(void) { return mid(1); }\n",
        "a/mid.c", "int mid(int x) { return leaf(x) + other_leaf(); }\n",
        "a/leaf.c", "int leaf(int x) { void *p = kmalloc(x, GFP_KERNEL); kfree(p); return 0; }\n",
        "a/other.c", "int other_leaf(void) { return 0; }\n",
        "a/sibling.c", "int sibling(void) { return leaf(2); }\n",          // calls leaf: not needed for mid
        "a/unrelated.c", "int unrelated(void) { return 3; }\n",
        "a/static_same_name.c", "static int mid(int x) { return x; }\nint user(void) { return mid(0); }\n",
        "a/ops.c", "static const struct address_space_operations aops = { .writepages = top };\n",
        "inc/h.h", "static inline int hinline(void) { return 1; }\n",
        "a/uses_header.c", "int uses_header(void) { return hinline(); }\n",
    };

    @Test
    void theChangedFilesTheirCallersAndWhatThoseCall() {
        ProgramIndex ix = index(TREE);
        List<String> s = ix.slice(paths(TREE), Set.of("a/mid.c"));
        // top calls mid (a caller); leaf and other_leaf are called; ops.c hands top to writeback.
        // sibling.c calls leaf but not mid: not needed. static_same_name.c calls a mid, its own static one.
        assertEquals(List.of("a/leaf.c", "a/mid.c", "a/ops.c", "a/other.c", "a/top.c"), s);
    }

    @Test
    void aStaticFunctionIsCalledOnlyFromItsOwnFile() {
        ProgramIndex ix = index(TREE);
        List<String> s = ix.slice(paths(TREE), Set.of("a/static_same_name.c"));
        // its mid is static: top.c, which calls a mid, calls the exported one; user calls its own mid
        assertEquals(List.of("a/static_same_name.c"), s);
    }

    @Test
    void aStaticInlineInAHeaderIsCalledFromEveryFile() {
        ProgramIndex ix = index(TREE);
        assertEquals(List.of("a/uses_header.c", "inc/h.h"), ix.slice(paths(TREE), Set.of("inc/h.h")));
        assertEquals(List.of("a/unrelated.c"), ix.slice(paths(TREE), Set.of("a/unrelated.c")));
    }

    @Test
    void definitionsCountEveryFileStaticOrNot() {
        ProgramIndex ix = index(TREE);
        int[] all = ix.definitionCounts(paths(TREE));
        assertEquals(2, all[ix.nameId("mid")]);
        assertEquals(1, all[ix.nameId("leaf")]);
        assertEquals(0, ix.definitionCounts(List.of("a/top.c"))[ix.nameId("leaf")]);
        assertEquals(-1, ix.nameId("no_such_name"));
        ProgramIndex back = ProgramIndex.decode(ix.encode(), new Interner()); // names read back from the block
        assertEquals(2, back.definitionCounts(paths(TREE))[back.nameId("mid")]);
        assertEquals(-1, back.nameId("no_such_name"));
    }

    @Test
    void encodedAndDecodedItSlicesTheSame() {
        ProgramIndex ix = index(TREE);
        ProgramIndex back = ProgramIndex.decode(ix.encode(), new Interner());
        assertEquals(ix.paths(), back.paths());
        assertArrayEquals(ix.get("a/ops.c").hash(), back.get("a/ops.c").hash());
        for (String p : paths(TREE)) assertEquals(ix.slice(paths(TREE), Set.of(p)), back.slice(paths(TREE), Set.of(p)), p);
        assertArrayEquals(ix.encode(), back.encode());
    }

    @Test
    void truncatedOrForeignBytesAreCorrupt() {
        byte[] b = index(TREE).encode();
        assertThrows(BinIn.Corrupt.class, () -> ProgramIndex.decode(java.util.Arrays.copyOf(b, b.length / 2), new Interner()));
        byte[] other = b.clone();
        other[0] = 99; // another format
        assertThrows(BinIn.Corrupt.class, () -> ProgramIndex.decode(other, new Interner()));
    }
}
