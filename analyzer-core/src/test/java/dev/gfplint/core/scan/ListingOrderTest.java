package dev.gfplint.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing walks parts of a tree on several threads; what it lists must be what one walk in name order lists. */
class ListingOrderTest {
    @TempDir
    Path dir;

    private void write(String rel) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "int " + rel.replaceAll("[^a-z]", "_") + ";\n");
    }

    private List<String> list() {
        Scanner.Listing l = new Scanner(null, null).list(new Scanner.Options(List.of(dir), 2, 1 << 20));
        List<String> out = new ArrayList<>();
        for (String d : l.displays()) out.add(dir.relativize(Path.of(d)).toString());
        return out;
    }

    @Test
    void filesAreListedDepthFirstInNameOrderAndAHardLinkedFileOnceUnderItsFirstName() throws IOException {
        write("a.c");
        write("b/x.c");
        write("b/c/y.c");
        write("b/c/deeper/still/w.h");
        write("b/.hidden/z.c");
        write("b/notes.txt");
        write("m/k/q.c");
        Files.createDirectories(dir.resolve("d"));
        Files.createLink(dir.resolve("d/e.c"), dir.resolve("b/c/y.c")); // the same file under a later name
        Files.createLink(dir.resolve("0.c"), dir.resolve("m/k/q.c")); // the same file under an earlier name
        write("z.h");
        List<String> expected = List.of("0.c", "a.c", "b/c/deeper/still/w.h", "b/c/y.c", "b/x.c", "z.h");
        for (int i = 0; i < 20; i++) assertEquals(expected, list(), "run " + i);
    }
}
