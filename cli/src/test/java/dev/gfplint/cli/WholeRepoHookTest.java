package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit that changes only helper.c (it now allocates with GFP_KERNEL instead of its gfp parameter), in a
 * repository where caller.c passes GFP_NOFS to it: the hooks judge the change with the whole repository as
 * the program and report helper.c:3 with the chain through caller.c. Through --staged and --repo-context
 * directly, through the git hook of install-hook, and through the real pre-commit framework (try-repo of
 * this repository), each run as the user runs it.
 */
class WholeRepoHookTest {
    @TempDir
    Path dir;

    private Path repo() {
        return dir.resolve("repo");
    }

    /** Runs a command in {@code where} with a cache and a pre-commit store of the test's own. */
    private CliRun.Git run(Path where, int timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of(cmd));
        if (c.get(0).equals("git")) c.addAll(1, List.of("-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"));
        ProcessBuilder pb = new ProcessBuilder(c).directory(where.toFile()).redirectErrorStream(true);
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("xdg").toString());
        pb.environment().put("PRE_COMMIT_HOME", dir.resolve("pre-commit-home").toString());
        pb.environment().put("PRE_COMMIT_COLOR", "never");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not finish in " + timeoutSeconds + " s");
        }
        return new CliRun.Git(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** caller.c and helper.c committed; then helper.c changed to a hard-coded GFP_KERNEL and staged. */
    private void twoFileRepoWithStagedChange() throws IOException, InterruptedException {
        Path r = repo();
        Files.createDirectories(r);
        Files.writeString(r.resolve("caller.c"), "int caller_read(struct inode *inode)\n{\n\treturn helper_read(inode, GFP_NOFS);\n}\n");
        Files.writeString(r.resolve("helper.c"), helper("gfp"));
        run(r, 60, "git", "init", "-q").ok();
        run(r, 60, "git", "add", ".").ok();
        run(r, 60, "git", "commit", "-q", "-m", "two files").ok();
        Files.writeString(r.resolve("helper.c"), helper("GFP_KERNEL"));
        run(r, 60, "git", "add", "helper.c").ok();
    }

    private static String helper(String mask) {
        return "int helper_read(struct inode *inode, gfp_t gfp)\n{\n\tvoid *p = kmalloc(64, " + mask + ");\n\n\tkfree(p);\n\treturn 0;\n}\n";
    }

    private static void reportsHelperWithTheChainThroughCaller(String out) {
        assertTrue(out.contains("helper.c:3:12: warning: kmalloc() with GFP_KERNEL"), out);
        assertTrue(out.contains("caller.c:3:9: note: caller_read calls helper_read"), "the chain through the unchanged file:\n" + out);
    }

    @Test
    void stagedAndRepoContextSeeTheUnchangedCaller() throws Exception {
        twoFileRepoWithStagedChange();
        Path h = repo().resolve("helper.c");
        CliRun staged = CliRun.of("scan", "--no-color", "--staged", h.toString());
        staged.assertCode(Main.EXIT_FINDINGS);
        reportsHelperWithTheChainThroughCaller(staged.out());
        CliRun context = CliRun.of("scan", "--no-color", "--repo-context", h.toString());
        context.assertCode(Main.EXIT_FINDINGS);
        reportsHelperWithTheChainThroughCaller(context.out());
        // the same file alone, as a scan of the staged files used to see it: no caller, no finding
        CliRun alone = CliRun.of("scan", "--no-color", h.toString());
        alone.assertCode(Main.EXIT_OK);
        // findings of other files are not reported: caller.c has none of its own, and none is moved there
        CliRun callerOnly = CliRun.of("scan", "--no-color", "--repo-context", repo().resolve("caller.c").toString());
        callerOnly.assertCode(Main.EXIT_OK);
        assertFalse(callerOnly.out().contains("helper.c"), callerOnly.out());
    }

    @Test
    void theInstalledGitHookBlocksTheCommitWithTheChain() throws Exception {
        twoFileRepoWithStagedChange();
        CliRun.of("install-hook", "--repo", repo().toString()).assertCode(Main.EXIT_OK);
        CliRun.Git blocked = run(repo(), 120, "git", "commit", "-q", "-m", "hard-code the mask");
        assertTrue(blocked.code() != 0, "the hook let it through:\n" + blocked.out());
        reportsHelperWithTheChainThroughCaller(blocked.out());
        Files.writeString(repo().resolve("helper.c"), helper("gfp | __GFP_NOWARN")); // the caller's mask again
        run(repo(), 60, "git", "add", "helper.c").ok();
        CliRun.Git ok = run(repo(), 120, "git", "commit", "-q", "-m", "the caller's mask, quietly");
        assertEquals(0, ok.code(), ok.out());
    }

    @Test
    void thePreCommitFrameworkRunsTheHookOnTheWholeRepository() throws Exception {
        twoFileRepoWithStagedChange();
        Path self = Path.of("..").toAbsolutePath().normalize(); // this repository: its .pre-commit-hooks.yaml and launcher
        assertTrue(Files.exists(self.resolve(".pre-commit-hooks.yaml")), self.toString());
        CliRun.Git version = run(repo(), 60, "pre-commit", "--version");
        assertEquals(0, version.code(), "pre-commit must be installed (.ci/run installs Debian's package): " + version.out());
        // try-repo clones this repository at HEAD with its changes to tracked files; the launcher builds the jar there
        CliRun.Git r = run(repo(), 900, "pre-commit", "try-repo", self.toString(), "gfplint", "--files", "helper.c");
        assertTrue(r.code() != 0, "the hook passed:\n" + r.out());
        reportsHelperWithTheChainThroughCaller(r.out());
        CliRun.Git onCaller = run(repo(), 300, "pre-commit", "try-repo", self.toString(), "gfplint", "--files", "caller.c");
        assertEquals(0, onCaller.code(), "no finding in caller.c:\n" + onCaller.out());
    }
}
