package dev.gfplint.core.front;

import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.ir.Function;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Parses every .c and .h file under a tree with the quick parser and with ANTLR only and compares the IR of
 * every function, the file's counters and notes. Prints the differences (the first few in full) and how many
 * runs of statements each parser took.
 *   java -cp ... dev.gfplint.core.front.QuickParserDiff TREE [MAX_SHOWN]
 */
public final class QuickParserDiff {
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int show = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        IdiomTable idioms = IdiomTable.defaults();
        FrontEnd quick = new FrontEnd(idioms, false, true);
        FrontEnd antlr = new FrontEnd(idioms, false, false);
        AtomicLong files = new AtomicLong(), functions = new AtomicLong(), differ = new AtomicLong(),
                statsDiffer = new AtomicLong(), q = new AtomicLong(), a = new AtomicLong(), shown = new AtomicLong();
        List<Path> paths;
        try (Stream<Path> s = Files.walk(root)) {
            paths = s.filter(Files::isRegularFile).filter(x -> x.toString().endsWith(".c") || x.toString().endsWith(".h")).sorted().toList();
        }
        paths.parallelStream().forEach(path -> {
            char[] text;
            try {
                text = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1).toCharArray();
            } catch (IOException e) {
                return;
            }
            long[] before = quick.parsedBy();
            FrontEnd.Result rq = quick.analyze(path.toString(), text);
            long[] after = quick.parsedBy();
            q.addAndGet(after[0] - before[0]);
            a.addAndGet(after[1] - before[1]);
            FrontEnd.Result ra = antlr.analyze(path.toString(), text);
            files.incrementAndGet();
            if (rq.unit() == null || ra.unit() == null) return;
            List<Function> fq = rq.unit().functions(), fa = ra.unit().functions();
            String sq = IrDump.counters(rq), sa = IrDump.counters(ra);
            if (!sq.equals(sa)) {
                statsDiffer.incrementAndGet();
                if (shown.incrementAndGet() <= show) System.out.println("STATS " + path + "\n quick: " + sq + "\n antlr: " + sa);
            }
            for (int i = 0; i < Math.min(fq.size(), fa.size()); i++) {
                functions.incrementAndGet();
                String dq = IrDump.of(fq.get(i).body()), da = IrDump.of(fa.get(i).body());
                if (!dq.equals(da)) {
                    differ.incrementAndGet();
                    if (shown.incrementAndGet() <= show) {
                        System.out.println("DIFF " + path + " " + fq.get(i).name());
                        String[] lq = dq.split("\n"), la = da.split("\n");
                        int k = 0;
                        while (k < Math.min(lq.length, la.length) && lq[k].equals(la[k])) k++;
                        for (int j = Math.max(0, k - 3); j < Math.min(k + 6, Math.max(lq.length, la.length)); j++) {
                            System.out.println((j < lq.length ? " Q " + lq[j] : " Q -"));
                            System.out.println((j < la.length ? " A " + la[j] : " A -"));
                        }
                    }
                }
            }
        });
        System.out.printf("%d files, %d functions: %d differ, %d files' counters differ; runs parsed quick %d, ANTLR %d (%.2f%% quick)%n",
                files.get(), functions.get(), differ.get(), statsDiffer.get(), q.get(), a.get(), 100.0 * q.get() / Math.max(1, q.get() + a.get()));
    }
}
