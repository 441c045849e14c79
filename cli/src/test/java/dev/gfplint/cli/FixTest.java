package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --fix}, {@code --fix --dry-run} and the fixes in SARIF, on the fixtures in
 * {@code resources/dev/gfplint/cli/fixes}: each {@code NAME.c} must become {@code NAME.fixed.c} byte for byte,
 * also with CRLF line ends, with spaces for tabs and with a byte that is not UTF-8; a second --fix changes
 * nothing; a re-scan reports exactly the findings that had no fix; the dry run's diff and the SARIF replacements,
 * applied to the original, give the same text.
 */
class FixTest {
    @TempDir
    Path dir;

    private static final String[] CASES = {"nowarn_beside_nowait", "noop_noretry", "own_gfp_parameter", "vmalloc_scope_before_5_17"};

    /** The ways a file may be written that a fix must keep. */
    private static final List<Variant> VARIANTS = List.of(
            new Variant("as written", t -> t),
            new Variant("CRLF", t -> t.replace("\n", "\r\n")),
            new Variant("spaces", t -> t.replaceAll("(?m)^\t\t", "        ").replaceAll("(?m)^\t", "    ")),
            new Variant("latin1 comment", t -> t + "/* r\u00e9sum\u00e9 of the file */\n"));

    private record Variant(String name, UnaryOperator<String> change) {}

    private static String resource(String name) throws IOException {
        try (InputStream in = FixTest.class.getResourceAsStream("fixes/" + name)) {
            if (in == null) throw new IOException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The fixture's "// args:" line. */
    private static List<String> args(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.startsWith("// args:") ? List.of(first.substring(8).trim().split("\\s+")) : List.of();
    }

    private static byte[] bytes(Variant v, String text) {
        String t = v.change().apply(text);
        // the latin1 variant writes its é as the one byte 0xE9: a file that is not UTF-8, which must stay so
        return v.name().equals("latin1 comment") ? t.getBytes(StandardCharsets.ISO_8859_1) : t.getBytes(StandardCharsets.UTF_8);
    }

    private CliRun scan(Path file, List<String> args, String... more) {
        List<String> a = new ArrayList<>(List.of("scan", "--no-config"));
        a.addAll(args);
        a.addAll(List.of(more));
        a.add(file.toString());
        return CliRun.of(a.toArray(new String[0]));
    }

    private static JsonNode json(CliRun r) throws IOException {
        return new ObjectMapper().readTree(r.out()).path("findings");
    }

    @TestFactory
    Stream<DynamicTest> eachFixtureBecomesItsFixedTextInEveryVariant() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String c : CASES) {
            for (Variant v : VARIANTS) {
                tests.add(DynamicTest.dynamicTest(c + " (" + v.name() + ")", () -> check(c, v)));
            }
        }
        return tests.stream();
    }

    private void check(String name, Variant v) throws IOException {
        String before = resource(name + ".c"), after = resource(name + ".fixed.c");
        List<String> args = args(before);
        Path work = Files.createDirectories(dir.resolve(name + "-" + v.name().replace(' ', '-')));
        Path file = work.resolve(name + ".c");
        byte[] original = bytes(v, before), expected = bytes(v, after);
        assertFalse(java.util.Arrays.equals(original, expected), "the fixture changes something");
        Files.write(file, original);

        // what the scan reports first: the findings with a fix, and those without
        JsonNode first = json(scan(file, args, "--format", "json", "--fail-on", "none"));
        List<String> unfixable = new ArrayList<>();
        int fixable = 0;
        for (JsonNode f : first) {
            if (f.has("fix")) fixable++;
            else unfixable.add(f.path("ruleId").asText() + " " + f.path("message").asText());
        }
        assertTrue(fixable > 0, "the fixture has findings with a fix");

        // the dry run changes nothing, and its diff applied to the original gives the fixed text
        CliRun dry = scan(file, args, "--fix", "--dry-run");
        dry.assertCode(Main.EXIT_FINDINGS);
        assertArrayEquals(original, Files.readAllBytes(file), "--dry-run changed the file");
        assertTrue(dry.out().startsWith("--- a/" + name + ".c\n+++ b/" + name + ".c\n@@ "), dry.out());
        assertArrayEquals(expected, gitApply(name, original, diffBytes(dry.out())), "the diff applied by git apply");

        // the SARIF replacements applied to the original give the fixed text too
        CliRun sarif = scan(file, args, "--format", "sarif", "--fail-on", "none");
        assertEquals(text(expected), replace(text(original), new ObjectMapper().readTree(sarif.out())), "the SARIF fixes applied");

        // --fix writes exactly the fixed text, and says how many it fixed
        CliRun fix = scan(file, args, "--fix", "--fail-on", "none");
        fix.assertCode(Main.EXIT_OK);
        assertArrayEquals(expected, Files.readAllBytes(file), () -> "after --fix:\n" + new String(readQuietly(file), StandardCharsets.ISO_8859_1));
        assertTrue(fix.err().contains("gfplint: fixed " + fixable + (fixable == 1 ? " finding" : " findings")), fix.err());

        // a re-scan reports the findings that had no fix, and only those; a second --fix changes nothing
        List<String> left = new ArrayList<>();
        for (JsonNode f : json(scan(file, args, "--format", "json", "--fail-on", "none"))) {
            assertFalse(f.has("fix"), "a fix is still offered after --fix: " + f);
            left.add(f.path("ruleId").asText() + " " + f.path("message").asText());
        }
        assertEquals(unfixable, left);
        CliRun again = scan(file, args, "--fix", "--fail-on", "none");
        assertTrue(again.err().contains("gfplint: fixed 0 findings in 0 files"), again.err());
        assertArrayEquals(expected, Files.readAllBytes(file), "a second --fix changed the file");
        CliRun dryAgain = scan(file, args, "--fix", "--dry-run");
        dryAgain.assertCode(Main.EXIT_OK);
        assertEquals("", dryAgain.out());
    }

    /** The diff's bytes: a test's writer gets one char per byte (see ScanCommand), in the file's own encoding. */
    private static byte[] diffBytes(String diff) {
        return diff.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readQuietly(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The bytes as the scanner reads them: UTF-8, else one char per byte. */
    private static String text(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }

    /** The dry run's diff applied by {@code git apply} (the consumer it is written for) to a copy of the original. */
    private byte[] gitApply(String name, byte[] original, byte[] diff) throws IOException {
        Path scratch = Files.createTempDirectory(dir, "apply");
        Files.write(scratch.resolve(name + ".c"), original);
        Path patch = Files.write(scratch.resolve("fix.patch"), diff);
        try {
            CliRun.git(scratch, "apply", "--whitespace=nowarn", patch.toString()).ok();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return Files.readAllBytes(scratch.resolve(name + ".c"));
    }

    /** Every SARIF replacement of every result applied to the text (line and column based, from the end backwards). */
    private static String replace(String text, JsonNode sarif) {
        List<int[]> at = new ArrayList<>();
        List<String> with = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode r : sarif.path("runs").get(0).path("results")) {
            for (JsonNode fx : r.path("fixes")) {
                for (JsonNode ch : fx.path("artifactChanges")) {
                    for (JsonNode rep : ch.path("replacements")) {
                        JsonNode d = rep.path("deletedRegion");
                        int s = starts.get(d.path("startLine").asInt() - 1) + d.path("startColumn").asInt() - 1;
                        int e = starts.get(d.path("endLine").asInt() - 1) + d.path("endColumn").asInt() - 1;
                        if (!seen.add(s + ":" + e + ":" + rep.path("insertedContent").path("text").asText())) continue;
                        at.add(new int[] {s, e});
                        with.add(rep.path("insertedContent").path("text").asText());
                    }
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) order.add(i);
        order.sort((a, b) -> Integer.compare(at.get(b)[0], at.get(a)[0]));
        StringBuilder sb = new StringBuilder(text);
        for (int i : order) sb.replace(at.get(i)[0], at.get(i)[1], with.get(i));
        return sb.toString();
    }

    @Test
    void textOutputShowsTheSuggestedDiffUnderTheFinding() throws IOException {
        Path file = dir.resolve("ring.c");
        Files.writeString(file, resource("nowarn_beside_nowait.c"));
        CliRun r = scan(file, List.of("--kernel-version", "6.12"), "--fail-on", "none", "--no-color");
        String out = r.out();
        int at = out.indexOf("ring.c:7:12: note: kmalloc() with GFP_NOWAIT already includes __GFP_NOWARN");
        assertTrue(at >= 0, out);
        String after = out.substring(at);
        assertTrue(after.contains("\n    fix: drop __GFP_NOWARN (gfplint scan --fix)\n    @@ -6,3 +6,3 @@\n     {\n"
                + "    -\tr->slot = kmalloc(n, GFP_NOWAIT | __GFP_NOWARN);\n    +\tr->slot = kmalloc(n, GFP_NOWAIT);\n"), after);
    }

    @Test
    void aMaskThatIsNotSpeltAtTheCallGetsNoFix() throws IOException {
        // the flag comes through a macro and a local: the finding stands, but there is no operand to drop here
        Path file = dir.resolve("quiet.c");
        String text = "#define QUIET (GFP_NOWAIT | __GFP_NOWARN)\n"
                + "void *q(unsigned long n)\n{\n\tgfp_t g = GFP_NOWAIT | __GFP_NOWARN;\n\n"
                + "\treturn kmalloc(n, QUIET) ?: kmalloc(n, g);\n}\n";
        JsonNode found = reportedWithoutFix(file, text, "6.12");
        // the local's value is evaluated along the CFG: its redundancy is reported, with nothing to drop at the call
        assertEquals(1, found.size(), found.toString());
        assertEquals(30, found.get(0).path("column").asInt(), found.toString());
    }

    /** Writes {@code text}, scans it as {@code version}: its findings, which must have no fix, and which --fix leaves as they are. */
    private JsonNode reportedWithoutFix(Path file, String text, String version) throws IOException {
        Files.writeString(file, text);
        JsonNode found = json(scan(file, List.of("--kernel-version", version), "--format", "json", "--fail-on", "none"));
        for (JsonNode f : found) assertFalse(f.has("fix"), f.toString());
        CliRun fix = scan(file, List.of("--kernel-version", version), "--fix", "--fail-on", "none");
        assertTrue(fix.err().contains("gfplint: fixed 0 findings in 0 files"), fix.err());
        assertEquals(text, Files.readString(file));
        return found;
    }

    @Test
    void aScopeIsNotOpenedWhereThreeStatementsCannotStandForOne() throws IOException {
        // the body of an unbraced if, and a declaration: the error stands without a fix
        Path file = dir.resolve("vm.c");
        String text = "struct xb { void *d; };\n\nint f(struct xb *b, unsigned long n)\n{\n"
                + "\tvoid *p = __vmalloc(n, GFP_NOFS);\n\n\tif (n > 8)\n\t\tb->d = __vmalloc(n, GFP_NOFS);\n\treturn p ? 0 : -1;\n}\n";
        JsonNode found = reportedWithoutFix(file, text, "5.10");
        assertEquals(2, found.size(), found.toString());
        for (JsonNode f : found) assertEquals("vmalloc-nofs", f.path("ruleId").asText());
    }

    @Test
    void aVariableNameTheFileUsesIsNotTakenAndTwoScopesInOneFunctionTakeTwoRuns() throws IOException {
        Path file = dir.resolve("two.c");
        String text = "int nofs_flags;\n\nint two(struct xb *b, unsigned long n)\n{\n"
                + "\tb->d = __vmalloc(n, GFP_NOFS);\n\tb->e = __vmalloc(n, GFP_NOFS);\n\treturn 0;\n}\n";
        Files.writeString(file, text);
        CliRun first = scan(file, List.of("--kernel-version", "5.10"), "--fix", "--fail-on", "none");
        assertTrue(first.err().contains("gfplint: fixed 1 finding in 1 file; 1 left"), first.err());
        // the one left is reported where it now is: two lines for the declaration, two for the scope
        assertTrue(first.out().startsWith(file + ":10:"), first.out());
        scan(file, List.of("--kernel-version", "5.10"), "--fix", "--fail-on", "none");
        assertEquals("int nofs_flags;\n\nint two(struct xb *b, unsigned long n)\n{\n"
                + "\tunsigned int nofs_flags3;\n\tunsigned int nofs_flags2;\n\n"
                + "\tnofs_flags2 = memalloc_nofs_save();\n\tb->d = __vmalloc(n, GFP_KERNEL);\n\tmemalloc_nofs_restore(nofs_flags2);\n"
                + "\tnofs_flags3 = memalloc_nofs_save();\n\tb->e = __vmalloc(n, GFP_KERNEL);\n\tmemalloc_nofs_restore(nofs_flags3);\n"
                + "\treturn 0;\n}\n", Files.readString(file));
        assertEquals(0, json(scan(file, List.of("--kernel-version", "5.10"), "--format", "json", "--fail-on", "none")).size());
    }

    @Test
    void dryRunWithoutFixIsAUsageError() {
        CliRun r = CliRun.of("scan", "--dry-run", dir.toString());
        r.assertCode(Main.EXIT_USAGE);
        assertTrue(r.err().contains("--dry-run needs --fix"), r.err());
    }
}
