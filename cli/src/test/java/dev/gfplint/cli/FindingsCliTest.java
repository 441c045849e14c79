package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings on standard output as text, in SARIF, and the exit code they give. */
class FindingsCliTest {
    @TempDir
    Path dir;

    private void tree() throws IOException {
        Path c = dir.resolve("fs/x/a.c");
        Files.createDirectories(c.getParent());
        Files.writeString(c, """
                static void *get(unsigned long n, gfp_t gfp)
                {
                        return kmalloc(n, gfp | __GFP_NORETRY);
                }

                void *must(void)
                {
                        return get(8, GFP_KERNEL | __GFP_NOFAIL);
                }

                void *quiet(unsigned long n)
                {
                        return kmalloc(n, GFP_NOWAIT | __GFP_NORETRY);
                }
                """);
    }

    @Test
    void textFindingsAreGccStyleLinesAndAnErrorExitsOne() throws IOException {
        tree();
        CliRun r = CliRun.of("scan", dir.toString());
        r.assertCode(Main.EXIT_FINDINGS);
        List<String> lines = Arrays.stream(r.out().split("\\R")).filter(l -> !l.isBlank()).toList();
        assertTrue(lines.get(0).matches(".*/fs/x/a\\.c:3:\\d+: error: kmalloc\\(\\) with GFP_KERNEL \\| __GFP_NOFAIL \\| __GFP_NORETRY: "
                + "__GFP_NOFAIL with __GFP_NORETRY.* \\[contradictory-gfp-flags\\]"), lines.get(0));
        assertTrue(lines.get(1).matches("\\s+.*/fs/x/a\\.c:8:\\d+: note: must calls get"), lines.get(1));
        assertTrue(lines.get(2).matches(".*/fs/x/a\\.c:13:\\d+: note: .*__GFP_NORETRY has no effect.*"), lines.get(2));
    }

    @Test
    void onlyNotesExitZero() throws IOException {
        Path c = dir.resolve("a.c");
        Files.writeString(c, "void *q(unsigned long n) { return kmalloc(n, GFP_NOWAIT | __GFP_NORETRY); }\n");
        CliRun r = CliRun.of("scan", c.toString());
        r.assertCode(Main.EXIT_OK);
        assertTrue(r.out().contains(": note: "), r.out());
    }

    @Test
    void sarifHasRulesResultsRelativeLocationsAndTheCallChain() throws IOException {
        tree();
        Path out = dir.resolve("out/r.sarif");
        CliRun r = CliRun.of("scan", "--format", "sarif", "-o", out.toString(), dir.resolve("fs").toString());
        r.assertCode(Main.EXIT_FINDINGS);
        JsonNode run = new ObjectMapper().readTree(out.toFile()).get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertTrue(rules.size() >= 2);
        assertTrue(rules.get(0).get("help").get("markdown").asText().contains("**Why it matters.**"));
        JsonNode res = run.get("results").get(0);
        assertEquals("contradictory-gfp-flags", res.get("ruleId").asText());
        assertEquals("error", res.get("level").asText());
        JsonNode loc = res.get("locations").get(0).get("physicalLocation");
        assertEquals("x/a.c", loc.get("artifactLocation").get("uri").asText());
        assertEquals(3, loc.get("region").get("startLine").asInt());
        JsonNode flow = res.get("codeFlows").get(0).get("threadFlows").get(0).get("locations");
        assertEquals(2, flow.size());
        assertEquals(8, flow.get(0).get("location").get("physicalLocation").get("region").get("startLine").asInt());
    }

    @Test
    void aLockWrapperDefinedInAnotherFileHoldsItsLockInTheCaller() throws IOException {
        // the header's inline wrappers take and drop the lock; the caller in another file allocates between them
        CliRun.write(dir.resolve("include/q.h"), """
                struct q { spinlock_t lock; void *e; };
                static inline void q_lock(struct q *q)
                {
                        spin_lock(&q->lock);
                }
                static inline void q_unlock(struct q *q)
                {
                        spin_unlock(&q->lock);
                }
                """);
        CliRun.write(dir.resolve("drivers/q/use.c"), """
                void q_add(struct q *q)
                {
                        q_lock(q);
                        q->e = kmalloc(64, GFP_KERNEL);
                        q_unlock(q);
                        q->e = kmalloc(64, GFP_KERNEL);
                }
                """);
        for (String jobs : List.of("1", "2")) {
            CliRun r = CliRun.of("scan", "--jobs", jobs, dir.toString());
            r.assertCode(Main.EXIT_FINDINGS);
            List<String> found = Arrays.stream(r.out().split("\\R")).filter(l -> l.contains("[sleeping-alloc-in-atomic]")).toList();
            assertEquals(1, found.size(), r.out());
            assertTrue(found.get(0).matches(".*/drivers/q/use\\.c:4:\\d+: error: kmalloc\\(\\) with GFP_KERNEL may sleep .*under q_lock\\(q\\) taken at line 3.*"),
                    found.get(0));
        }
    }

    @Test
    void aMacroThatIsOneLockCallHoldsItsLock() throws IOException {
        CliRun.write(dir.resolve("include/sock.h"), """
                #define bh_lock_sock(__sk)\tspin_lock(&((__sk)->sk_lock.slock))
                #define bh_unlock_sock(__sk)\tspin_unlock(&((__sk)->sk_lock.slock))
                #define lock_and_log(x)\tdo { spin_lock(x); log_it(); } while (0)
                """);
        CliRun.write(dir.resolve("net/x/sock.c"), """
                void sk_poke(struct sock *sk, spinlock_t *l)
                {
                        bh_lock_sock(sk);
                        sk->p = kmalloc(8, GFP_KERNEL);
                        bh_unlock_sock(sk);
                        sk->q = kmalloc(8, GFP_KERNEL);
                        lock_and_log(l);
                        sk->r = kmalloc(8, GFP_KERNEL);
                }
                """);
        CliRun r = CliRun.of("scan", dir.toString());
        List<String> found = Arrays.stream(r.out().split("\\R")).filter(l -> l.contains("[sleeping-alloc-in-atomic]")).toList();
        // the one-call macro is followed; the do-while one is not understood, so nothing is assumed of it
        assertEquals(1, found.size(), r.out());
        assertTrue(found.get(0).matches(".*/net/x/sock\\.c:4:\\d+: error: .*under bh_lock_sock\\(sk\\) taken at line 3.*"), found.get(0));
    }
}
