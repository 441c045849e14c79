package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gfplint on trees anyone may have written: next to one real bug ({@code bug.c}), a hostile file or link.
 * Each case: one diagnostic line names the hostile file and the reason, the bug is still reported, the exit
 * code is the documented one (1: a finding; never 3), and three runs (one with {@code -j 1}) print the same.
 */
class HostileTreeTest {
    @TempDir
    Path tmp;

    static final String BUG = "void bug(void)\n{\n\tp = kmalloc(1, GFP_ATOMIC | __GFP_NOFAIL);\n}\n";

    private Path tree() throws IOException {
        Path t = tmp.resolve("tree");
        CliRun.write(t.resolve("bug.c"), BUG);
        return t;
    }

    /** Three scans of {@code root} (-j 2, -j 1, -j 2) with the same output; returns the first. */
    static CliRun scanThrice(Path root, String... extra) {
        List<CliRun> runs = new ArrayList<>();
        for (String jobs : List.of("2", "1", "2")) {
            List<String> args = new ArrayList<>(List.of("scan", "--no-color", "--no-config", "-j", jobs));
            args.addAll(List.of(extra));
            args.add(root.toString());
            runs.add(assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of(args.toArray(new String[0]))));
        }
        CliRun first = runs.get(0);
        for (CliRun r : runs) {
            assertEquals(first.code(), r.code(), "exit code differs between runs");
            assertEquals(first.out(), r.out(), "findings differ between runs");
            assertEquals(withoutSeconds(first.err()), withoutSeconds(r.err()), "diagnostics differ between runs");
        }
        return first;
    }

    private static String withoutSeconds(String err) {
        return err.replaceAll("; [0-9.]+ s(;|\\R|$)", "; T s$1");
    }

    /** The common expectations: the bug is reported, exit 1, no internal error, no stack trace. */
    static void bugStillReported(CliRun r) {
        r.assertCode(Main.EXIT_FINDINGS);
        assertTrue(r.out().contains("bug.c:3:") && r.out().contains("[contradictory-gfp-flags]"),
                "the real bug is still reported:\n" + r.out() + "\n" + r.err());
        r.assertNoStackTrace();
    }

    private void hostile(Consumer<Path> make, String name, String severity, String reason, String... extra) throws IOException {
        Path t = tree();
        make.accept(t);
        CliRun r = scanThrice(t, extra);
        bugStillReported(r);
        r.assertOneDiagnostic(severity, t.resolve(name), reason);
    }

    private static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFifoIsSkippedWithoutBlocking() throws IOException {
        hostile(t -> {
            try {
                Process p = new ProcessBuilder("mkfifo", t.resolve("pipe.c").toString()).inheritIO().start();
                assertEquals(0, p.waitFor());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "pipe.c", "warning", "not a regular file (a FIFO), skipped");
    }

    @Test
    void aSocketIsSkipped() throws IOException {
        Path t = tree();
        try (ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.bind(UnixDomainSocketAddress.of(t.resolve("sock.c")));
            CliRun r = scanThrice(t);
            bugStillReported(r);
            r.assertOneDiagnostic("warning", t.resolve("sock.c"), "not a regular file (a socket), skipped");
        }
    }

    @Test
    void linksToDevZeroAndDevUrandomAreSkipped() throws IOException {
        for (String dev : List.of("zero", "urandom")) {
            for (String follow : List.of("", "--follow-symlinks")) {
                Path t = tmp.resolve(dev + follow);
                CliRun.write(t.resolve("bug.c"), BUG);
                link(t.resolve(dev + ".c"), Path.of("/dev/" + dev));
                CliRun r = follow.isEmpty() ? scanThrice(t) : scanThrice(t, follow);
                bugStillReported(r);
                r.assertOneDiagnostic("warning", t.resolve(dev + ".c"),
                        "symbolic link to /dev/" + dev + ", not a regular file (a character device), skipped");
            }
        }
    }

    @Test
    void aLinkToAFileOutsideTheRootIsNotFollowed() throws IOException {
        Path outside = CliRun.write(tmp.resolve("elsewhere/outside.c"), BUG.replace("bug", "outside_bug"));
        hostile(t -> link(t.resolve("escape.c"), outside), "escape.c", "warning",
                "symbolic link to " + outside.toRealPath() + ", outside the scanned roots: not followed");
        Path t = tmp.resolve("tree");
        CliRun r = scanThrice(t);
        assertFalse(r.out().contains("outside_bug") || r.out().contains("escape.c"), "nothing outside is reported:\n" + r.out());
        CliRun followed = scanThrice(t, "--follow-symlinks");
        assertTrue(followed.out().contains("escape.c:3:"), "--follow-symlinks reads it:\n" + followed.out());
    }

    @Test
    void aLinkToADirectoryOutsideTheRootIsNotFollowed() throws IOException {
        Path outside = tmp.resolve("elsewhere");
        CliRun.write(outside.resolve("inner.c"), BUG.replace("bug", "outside_bug"));
        hostile(t -> link(t.resolve("escape"), outside), "escape", "warning",
                "symbolic link to " + outside.toRealPath() + ", outside the scanned roots: not followed");
        CliRun r = scanThrice(tmp.resolve("tree"));
        assertFalse(r.out().contains("inner.c"), r.out());
        assertEquals(1, r.files(), "only bug.c is read");
    }

    @Test
    void aLinkInsideTheRootIsReadOnce() throws IOException {
        Path t = tree();
        link(t.resolve("alias.c"), t.resolve("bug.c"));
        link(t.resolve("again"), t);
        CliRun r = scanThrice(t);
        bugStillReported(r);
        assertEquals(1, r.files(), "bug.c once, however many links lead to it:\n" + r.err());
        r.assertOneDiagnostic("warning", t.resolve("again"), "symbolic link loop, not followed");
    }

    @Test
    void aFileNamedOnTheCommandLineIsReadAsGiven() throws IOException {
        Path outside = CliRun.write(tmp.resolve("elsewhere/outside.c"), BUG);
        Path t = tree();
        Path named = t.resolve("named.c");
        link(named, outside);
        CliRun r = CliRun.of("scan", "--no-color", "--no-config", named.toString());
        r.assertCode(Main.EXIT_FINDINGS);
        assertTrue(r.out().contains("named.c:3:"), r.out());
    }

    // ---- pathological code: each bound says what it cost, in one line naming the file -------------------------

    private void hostileCode(String name, String text, String severity, String reason) throws IOException {
        Path t = tree();
        CliRun.write(t.resolve(name), text);
        CliRun r = scanThrice(t);
        bugStillReported(r);
        r.assertOneDiagnostic(severity, t.resolve(name), reason);
    }

    @Test
    void anExpressionOf300000TermsCostsItsStatement() throws IOException {
        hostileCode("longexpr.c", "void longexpr(void)\n{\n\tx = " + String.join(" + ", java.util.Collections.nCopies(300_000, "a"))
                + ";\n\tq = kmalloc(1, GFP_KERNEL);\n}\n", "note",
                "function longexpr: statement skipped: a parse tree deeper than 2000 levels");
    }

    @Test
    void aFunctionOf200000AllocationsIsAnalysedToItsEnd() throws IOException {
        StringBuilder sb = new StringBuilder("void hugefn(void)\n{\n");
        for (int k = 0; k < 200_000; k++) sb.append("\tp").append(k).append(" = kmalloc(").append(k).append(", GFP_KERNEL);\n");
        sb.append("\tlast = kmalloc(1, GFP_NOWAIT | __GFP_NOFAIL);\n}\n");
        Path t = tree();
        CliRun.write(t.resolve("hugefn.c"), sb.toString());
        CliRun r = scanThrice(t);
        bugStillReported(r);
        assertTrue(r.out().contains("hugefn.c:200003:"), "the allocation after 200,000 others is judged:\n" + r.out());
        assertEquals(List.of(), r.linesMentioning("hugefn.c"), "no bound is reached: nothing to say about the file");
    }

    @Test
    void aDefineChain100000DeepIsCutWithANote() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 100_000; k++) sb.append("#define GFP_CHAIN_").append(k).append(" GFP_CHAIN_").append(k + 1).append('\n');
        sb.append("#define GFP_CHAIN_100000 (GFP_ATOMIC | __GFP_NOFAIL)\n");
        sb.append("void chained(void)\n{\n\tp = kmalloc(1, GFP_CHAIN_0);\n}\n");
        hostileCode("definechain.c", sb.toString(), "note",
                "masks here nest macros or operators deeper than 40 levels (GFP_CHAIN_0 is one); what lies deeper is taken as unknown");
    }

    @Test
    void statementExpressionsNested100000DeepCostTheirStatement() throws IOException {
        hostileCode("stmtexpr.c", "void se(void)\n{\n\tx = " + "({ ".repeat(100_000) + "1;" + " })".repeat(100_000)
                + ";\n}\n", "note", "function se: statement skipped: brackets nested deeper than 256 levels");
    }

    @Test
    void ifGroupsNested100000DeepKeepTheirFirstBranchWithANote() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 100_000; k++) sb.append("#ifdef CONFIG_").append(k).append('\n');
        sb.append("int inner(void)\n{\n\treturn 1;\n}\n");
        for (int k = 0; k < 100_000; k++) sb.append("#else\nint other").append(k).append(";\n#endif\n");
        hostileCode("ifnest.c", sb.toString(), "note", "nested deeper than 64 levels: only the first branch of each group");
    }

    @Test
    void anElseIfChainAndAUnaryChain100000LongCostTheirStatements() throws IOException {
        StringBuilder sb = new StringBuilder("int chain(int x)\n{\n\tif (x == 0)\n\t\tx = 1;\n");
        for (int k = 1; k < 100_000; k++) sb.append("\telse if (x == ").append(k).append(")\n\t\tx = 1;\n");
        sb.append("\ty = ").append("-".repeat(100_000)).append("x;\n\treturn x;\n}\n");
        hostileCode("chains.c", sb.toString(), "note", "function chain: 2 statements skipped: a parse tree deeper than 2000 levels");
    }

    @Test
    void aFileOfMoreThanThreeMillionTokensIsSkipped() throws IOException {
        hostileCode("tokens.c", "a;".repeat(1_500_001), "warning", "more than 3000000 tokens (the limit of one file), skipped");
    }

    @Test
    void aFileLongerThanItsSizeSaysIsCutAtTheLimit() throws Exception {
        // a /proc-like file says its size is 0 and then reads on: the reader is never asked for more than the limit
        Path t = tree();
        Path proc = CliRun.write(t.resolve("proc.c"), "");
        long limit = 1 << 20;
        List<Long> asked = java.util.Collections.synchronizedList(new ArrayList<>());
        dev.gfplint.core.scan.SourceReader endless = (f, max) -> {
            if (!f.getFileName().toString().equals("proc.c")) return Files.readAllBytes(f);
            asked.add(max);
            return new byte[(int) max + 1];
        };
        dev.gfplint.core.scan.Scanner scanner = new dev.gfplint.core.scan.Scanner(
                new dev.gfplint.core.front.FrontEnd(dev.gfplint.core.idiom.IdiomTable.defaults()), endless);
        List<String> analysed = java.util.Collections.synchronizedList(new ArrayList<>());
        dev.gfplint.core.scan.Scanner.Result r = scanner.scan(new dev.gfplint.core.scan.Scanner.Options(List.of(t), 2, limit),
                u -> analysed.add(u.path()));
        assertEquals(List.of(limit), asked, "asked for the limit, once");
        assertEquals(List.of(t.resolve("bug.c").toString()), analysed);
        assertEquals(List.of("gfplint: warning: " + proc + ": file too large (more than the limit of 1.0 MiB, see"
                + " --max-file-size), skipped"), r.diagnostics().stream().map(Object::toString).toList());
    }

    @Test
    void aConfigurationLinkedOutOfTheTreeIsNotRead() throws IOException {
        Path outside = CliRun.write(tmp.resolve("elsewhere/secret.txt"), "token: s3cr3t-value\n");
        Path t = tree();
        link(t.resolve(".gfplint.yaml"), outside);
        CliRun r = CliRun.of("scan", "--no-color", t.toString());
        bugStillReported(r);
        assertFalse(r.err().contains("s3cr3t") || r.err().contains("token"), "the linked file is not read:\n" + r.err());
    }

    @Test
    void aSpecialOrHugeDataFileIsAOneLineUsageError() throws Exception {
        Path t = tree();
        Path fifo = t.resolve("baseline.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of("scan", "--no-config", "--baseline",
                fifo.toString(), t.toString()));
        r.assertCode(Main.EXIT_USAGE);
        assertTrue(r.err().contains(fifo + ": not a regular file"), r.err());
        Path big = t.resolve("big.yaml");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'#'}), dev.gfplint.core.scan.DataFiles.MAX_BYTES); // sparse
        }
        CliRun c = CliRun.of("scan", "--config", big.toString(), t.toString());
        c.assertCode(Main.EXIT_USAGE);
        assertTrue(c.err().contains("larger than 16 MiB"), c.err());
    }

    @Test
    void aPrecisionBoundIsCountedInOneLineAndListedWithShowLimits() throws IOException {
        Path t = tree();
        CliRun.write(t.resolve("loop.c"), "void grow(int n)\n{\n\tgfp_t m = GFP_KERNEL;\n\twhile (n--)\n\t\tm = m << 1;\n"
                + "\tp = kmalloc(1, m);\n}\n");
        Path json = tmp.resolve("stats.json");
        CliRun r = CliRun.of("scan", "--no-config", "--stats-json", json.toString(), t.toString());
        bugStillReported(r);
        assertEquals(List.of("gfplint: note: the model's precision bounds were reached once (1 local masks widened in a loop);"
                + " there it takes masks as unknown or joins them; --show-limits lists each with its function"),
                r.errLines().stream().filter(l -> l.contains("precision bounds")).toList());
        assertEquals(List.of(), r.linesMentioning("loop.c"), "without --show-limits no line per function");
        assertEquals(1, new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).at("/boundsReached/loop").asInt());
        CliRun listed = CliRun.of("scan", "--no-config", "--show-limits", t.toString());
        listed.assertOneDiagnostic("note", t.resolve("loop.c"),
                "function grow: a local mask still changes after 4 passes through a loop; it is taken as unknown from there");
        assertFalse(listed.err().contains("precision bounds were reached"), listed.err());
        CliRun quiet = CliRun.of("scan", "--no-config", "-q", t.toString());
        assertFalse(quiet.err().contains("precision bounds"), quiet.err());
    }
}
