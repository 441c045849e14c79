package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that reports one file's findings links only what they depend on (the outlines the last run kept say
 * which files): for every file of a repository made of all the rule fixtures, what it reports is what the whole
 * link reports, finding for finding, chain for chain; before and after a file changes.
 */
class PartialLinkTest {
    @TempDir
    Path dir;

    private static final Pattern LINKED = Pattern.compile("gfplint: linked (\\d+) of (\\d+) files");

    /** Every C file of the rule fixtures, in one git repository (the same names in many files, as in a real tree). */
    private Path fixtureRepo() throws IOException, InterruptedException {
        Path repo = dir.resolve("repo");
        Path testdata = Path.of("..", "testdata").toAbsolutePath().normalize();
        try (Stream<Path> s = Files.walk(testdata)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = testdata.relativize(p);
                String n = p.getFileName().toString();
                if (rel.startsWith("target") || rel.startsWith("src") || !(n.endsWith(".c") || n.endsWith(".h"))) continue;
                Path to = repo.resolve(rel.toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        CliRun.git(repo, "init", "-q").ok();
        CliRun.git(repo, "add", ".").ok();
        CliRun.git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "fixtures").ok();
        return repo;
    }

    private CliRun scan(Path file, boolean whole) {
        List<String> a = new ArrayList<>(List.of("scan", "--no-color", "--fail-on", "none", "--cache-dir", dir.resolve("cache").toString()));
        if (whole) a.add("--whole-link");
        a.addAll(List.of("--repo-context", file.toString()));
        return CliRun.of(a.toArray(new String[0]));
    }

    /** Compares the two links for each file; returns how many runs linked part of the program. */
    private int compareEach(List<Path> files) {
        int partial = 0;
        for (Path f : files) {
            CliRun part = scan(f, false), whole = scan(f, true);
            part.assertCode(Main.EXIT_OK);
            whole.assertCode(Main.EXIT_OK);
            assertEquals(whole.out(), part.out(), "findings of " + f + " (partial link: " + part.err() + ")");
            Matcher m = LINKED.matcher(part.err());
            if (m.find()) {
                partial++;
                assertTrue(Integer.parseInt(m.group(1)) <= Integer.parseInt(m.group(2)), part.err());
            }
        }
        return partial;
    }

    private static List<Path> cFiles(Path repo) throws IOException {
        try (Stream<Path> s = Files.walk(repo)) {
            return s.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".h")).filter(p -> !p.toString().contains("/.git/")).sorted().toList();
        }
    }

    @Test
    void everyFileReportsWhatTheWholeLinkReports() throws Exception {
        Path repo = fixtureRepo();
        scan(repo, false).assertCode(Main.EXIT_OK); // the whole tree: it keeps the outlines
        List<Path> files = cFiles(repo);
        assertTrue(files.size() > 100, "fixtures: " + files.size());
        int partial = compareEach(files);
        int withFindings = 0;
        for (Path f : files) if (!scan(f, true).out().isBlank()) withFindings++;
        assertTrue(withFindings > 50, "files with findings: " + withFindings);
        // most links are partial; the others fell back to the whole program, and said why
        assertTrue(partial > files.size() / 2, partial + " of " + files.size() + " runs linked part of the program");
    }

    @Test
    void aFileChangedSinceTheOutlinesWereKeptIsOutlinedAgain() throws Exception {
        Path repo = dir.resolve("two");
        Files.createDirectories(repo);
        Path caller = repo.resolve("caller.c"), helper = repo.resolve("helper.c"), other = repo.resolve("other.c");
        Files.writeString(caller, "int caller_read(struct inode *inode)\n{\n\treturn helper_read(inode, GFP_NOFS);\n}\n");
        Files.writeString(helper, "int helper_read(struct inode *inode, gfp_t gfp)\n{\n\tvoid *p = kmalloc(64, gfp);\n\n\tkfree(p);\n\treturn 0;\n}\n");
        Files.writeString(other, "int other(void)\n{\n\treturn 0;\n}\n");
        CliRun.git(repo, "init", "-q").ok();
        scan(repo, false).assertCode(Main.EXIT_OK);
        CliRun quiet = scan(other, false);
        assertTrue(quiet.err().contains("linked 1 of 3 files"), quiet.err());
        // helper now hard-codes GFP_KERNEL; and other.c gains a caller of helper that holds a spinlock
        Files.writeString(helper, "int helper_read(struct inode *inode, gfp_t gfp)\n{\n\tvoid *p = kmalloc(64, GFP_KERNEL);\n\n\tkfree(p);\n\treturn 0;\n}\n");
        Files.writeString(other, "int other(struct inode *i)\n{\n\tint r;\n\n\tspin_lock(&lock);\n\tr = helper_read(i, GFP_ATOMIC);\n\tspin_unlock(&lock);\n\treturn r;\n}\n");
        CliRun part = scan(helper, false);
        assertTrue(part.out().contains("helper.c:3:12: warning: kmalloc() with GFP_KERNEL"), part.out());
        assertTrue(part.out().contains("caller.c:3:9: note: caller_read calls helper_read"), part.out());
        assertEquals(scan(helper, true).out(), part.out());
        assertTrue(part.err().contains("linked 3 of 3 files"), part.err());
        assertEquals(scan(other, true).out(), scan(other, false).out());
        assertEquals(scan(caller, true).out(), scan(caller, false).out());
    }
}
