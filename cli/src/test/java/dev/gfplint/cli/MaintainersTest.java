package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gfplint.cli.Maintainers.Assignment;
import dev.gfplint.cli.Maintainers.ListKind;
import dev.gfplint.cli.Maintainers.MailList;
import dev.gfplint.cli.Maintainers.Match;
import dev.gfplint.cli.Maintainers.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MAINTAINERS reader and matcher, on a made-up file that exercises get_maintainer.pl's rules one by one. */
class MaintainersTest {
    private static final String FIXTURE = """
            List of made-up maintainers
            ===========================

            \tF: an indented line of the header is text, not a pattern

            ALPHA FILESYSTEM
            M:\tAnn Alpha <ann@example.org>
            R:\tRob Review <rob@example.org>
            L:\talpha@lists.example.org
            S:\tMaintained
            F:\tfs/alpha/
            F:\tinclude/alpha.h

            ALPHA FILESYSTEM JOURNAL
            M:\tJo Journal <jo@example.org>
            M:\tAnn Alpha <ann@other.example.org>
            R:\tA. Alpha <ann@example.org>
            R:\tRob Review <rob@example.org>
            L:\tAlpha@Lists.Example.org
            L:\tjournal@lists.example.org (moderated for non-subscribers)
            S:\tSupported
            F:\tfs/alpha/journal/

            BETA DRIVERS
            M:\tBen Beta <ben@example.org>
            L:\tbeta-closed@lists.example.org (subscribers-only)
            L:\tbeta@lists.example.org
            S:\tOdd Fixes
            F:\tdrivers/beta/*.c
            F:\tdrivers/beta/beta-?.h
            F:\tdrivers/beta/regs.[ch]
            X:\tdrivers/beta/legacy.c

            GAMMA ARCHITECTURE
            M:\tGus Gamma <gus@example.org>
            S:\tMaintained
            F:\tarch/*/gamma/
            N:\t[^a-z]ga mma  # /x: spaces and comments do not count

            DELTA NETWORKING
            M:\tDee Delta <dee@example.org>
            L:\tnet@lists.example.org
            S:\tMaintained
            F:\tnet/
            X:\tnet/legacy/

            NO PATTERNS
            M:\tNora Nopattern <nora@example.org>
            S:\tMaintained

            THE REST
            M:\tTess Rest <tess@example.org>
            L:\teverything@lists.example.org
            S:\tBuried alive in reporters
            F:\t*
            F:\t*/
            """;

    private static final Maintainers M = Maintainers.parse(FIXTURE, dir -> false);

    private static List<String> names(List<Match> matches) {
        return matches.stream().map(m -> m.section().name()).toList();
    }

    private static String subsystem(String path) {
        Assignment a = M.assign(path);
        return a == null ? null : a.subsystem().name();
    }

    @Test
    void readsSectionsButNotTheHeader() {
        List<Section> all = M.sections();
        assertEquals(List.of("ALPHA FILESYSTEM", "ALPHA FILESYSTEM JOURNAL", "BETA DRIVERS", "GAMMA ARCHITECTURE",
                "DELTA NETWORKING", "NO PATTERNS", "THE REST"), all.stream().map(Section::name).toList());
        Section beta = all.get(2);
        assertEquals("Odd Fixes", beta.status());
        assertEquals(List.of("Ben Beta <ben@example.org>"), beta.maintainers());
        assertEquals(List.of(new MailList("beta-closed@lists.example.org", ListKind.SUBSCRIBERS_ONLY, "(subscribers-only)"),
                new MailList("beta@lists.example.org", ListKind.OPEN, "")), beta.lists());
        assertEquals(List.of("A. Alpha <ann@example.org>", "Rob Review <rob@example.org>"), all.get(1).reviewers());
        assertEquals(0, M.skippedPatterns());
    }

    @Test
    void trailingSlashMatchesAtAnyDepth() {
        assertEquals("ALPHA FILESYSTEM", subsystem("fs/alpha/super.c"));
        assertEquals("ALPHA FILESYSTEM", subsystem("fs/alpha/a/b/c/d.c"));
        assertEquals("THE REST", subsystem("fs/alphabet/x.c"));
    }

    @Test
    void patternWithoutTrailingSlashOnlyAtItsOwnDepth() {
        assertEquals("BETA DRIVERS", subsystem("drivers/beta/core.c"));
        assertEquals("THE REST", subsystem("drivers/beta/sub/core.c"));
        assertEquals("ALPHA FILESYSTEM", subsystem("include/alpha.h"));
        assertEquals("THE REST", subsystem("include/x/alpha.h"));
        // the script matches the start of the path only, so a longer name at the same depth is taken too
        assertEquals("ALPHA FILESYSTEM", subsystem("include/alpha.h.orig"));
    }

    @Test
    void directoryNamedWithoutSlashTakesEverythingBelow() {
        String text = "SUB\nM:\tS <s@example.org>\nF:\tlib/sub\nF:\tlib/file\n";
        Maintainers m = Maintainers.parse(text, dir -> dir.equals("lib/sub"));
        assertNotNull(m.assign("lib/sub/deep/x.c"));
        assertNotNull(m.assign("lib/file"));
        assertNotNull(m.assign("lib/filet.c")); // not a directory: a prefix at the same depth
        assertNull(m.assign("lib/file/x.c"));
    }

    @Test
    void globsStarQuestionMarkAndSets() {
        assertEquals("BETA DRIVERS", subsystem("drivers/beta/beta-1.h"));
        assertEquals("THE REST", subsystem("drivers/beta/beta-12.h"));
        assertEquals("THE REST", subsystem("drivers/beta/beta-.h"));
        assertEquals("BETA DRIVERS", subsystem("drivers/beta/regs.h"));
        assertEquals("THE REST", subsystem("drivers/beta/regs.s"));
        // '*' crosses slashes; with a trailing slash no slash count limits it
        assertEquals("GAMMA ARCHITECTURE", subsystem("arch/x86/gamma/a.c"));
        assertEquals("GAMMA ARCHITECTURE", subsystem("arch/x86/sub/gamma/a.c"));
        // arch/*/gamma/ has depth 3, but the section's later N: line also matches and, as in the script, the last
        // matching line of a section sets its depth
        assertEquals(List.of(0, -1), M.match("arch/x86/gamma/a.c").stream().map(Match::depth).toList());
        assertEquals(List.of(3, -1), Maintainers.parse("GAMMA\nM:\tG <g@example.org>\nF:\tarch/*/gamma/\n\nTHE REST\nF:\t*/\n",
                d -> false).match("arch/x86/gamma/a.c").stream().map(Match::depth).toList());
    }

    @Test
    void excludedPatternsRemoveTheSection() {
        assertEquals("THE REST", subsystem("drivers/beta/legacy.c"));
        assertEquals("THE REST", subsystem("net/legacy/old.c"));
        assertEquals("DELTA NETWORKING", subsystem("net/core/sock.c"));
    }

    @Test
    void excludedPatternsAlsoBeatRegexes() {
        Maintainers m = Maintainers.parse("TEGRA\nM:\tT <t@example.org>\nN:\ttegra\nX:\tdrivers/old/\n", d -> false);
        assertNotNull(m.assign("drivers/soc/tegra/pmc.c"));
        assertNull(m.assign("drivers/old/tegra.c"));
    }

    @Test
    void regexesMatchAnywhereWithDepthZero() {
        List<Match> hits = M.match("drivers/clk/clk-gamma.c");
        assertEquals(List.of("GAMMA ARCHITECTURE", "THE REST"), names(hits));
        assertEquals(List.of(0, -1), hits.stream().map(Match::depth).toList());
        assertEquals(List.of("THE REST"), names(M.match("drivers/misc/digamma.c")));
    }

    @Test
    void mostSpecificFirst() {
        List<Match> hits = M.match("fs/alpha/journal/commit.c");
        assertEquals(List.of("ALPHA FILESYSTEM JOURNAL", "ALPHA FILESYSTEM", "THE REST"), names(hits));
        assertEquals(List.of(3, 2, -1), hits.stream().map(Match::depth).toList());
        Assignment a = M.assign("fs/alpha/journal/commit.c");
        assertEquals("ALPHA FILESYSTEM JOURNAL", a.subsystem().name());
        assertEquals(names(hits), a.all().stream().map(Section::name).toList());
    }

    @Test
    void theLastMatchingLineOfASectionSetsItsDepthAndTiesKeepFileOrder() {
        String text = """
                FIRST
                M:\tF <f@example.org>
                F:\tlib/zeta/zeta.c
                F:\tlib/zeta/

                SECOND
                M:\tS <s@example.org>
                F:\tlib/zeta/
                """;
        List<Match> hits = Maintainers.parse(text, d -> false).match("lib/zeta/zeta.c");
        assertEquals(List.of("FIRST", "SECOND"), names(hits));
        assertEquals(List.of(2, 2), hits.stream().map(Match::depth).toList());
    }

    @Test
    void repeatedPeopleAndListsAreDropped() {
        Assignment a = M.assign("fs/alpha/journal/commit.c");
        // Ann Alpha <ann@example.org> repeats a name; Rob Review both; the quoted reviewer's address is new there
        assertEquals(List.of("Jo Journal <jo@example.org>", "Ann Alpha <ann@other.example.org>",
                "Tess Rest <tess@example.org>"), a.maintainers());
        assertEquals(List.of("\"A. Alpha\" <ann@example.org>", "Rob Review <rob@example.org>"), a.reviewers());
        // alpha@lists.example.org repeats Alpha@Lists.Example.org, ignoring case
        assertEquals(List.of(new MailList("Alpha@Lists.Example.org", ListKind.OPEN, ""),
                new MailList("journal@lists.example.org", ListKind.MODERATED, "(moderated for non-subscribers)"),
                new MailList("everything@lists.example.org", ListKind.OPEN, "")), a.lists());
    }

    @Test
    void subscribersOnlyListsAreNotMailed() {
        Assignment a = M.assign("drivers/beta/core.c");
        assertEquals(List.of("beta@lists.example.org", "everything@lists.example.org"),
                a.lists().stream().map(MailList::address).toList());
        assertEquals(List.of("Ben Beta <ben@example.org>", "Tess Rest <tess@example.org>"), a.maintainers());
    }

    @Test
    void sectionWithoutFilePatternsTakesNothing() {
        Section none = M.sections().get(5);
        assertEquals("NO PATTERNS", none.name());
        assertEquals(List.of("Nora Nopattern <nora@example.org>"), none.maintainers());
        for (String p : List.of("README", "fs/alpha/x.c", "net/core/x.c", "no/patterns/x.c")) {
            assertTrue(M.assign(p).all().stream().noneMatch(s -> s == none), p);
        }
    }

    @Test
    void theCatchAllTakesTopLevelFilesAndEverythingBelow() {
        for (String p : List.of("Makefile", "tools/x/y/z.c")) {
            List<Match> hits = M.match(p);
            assertEquals(List.of("THE REST"), names(hits), p);
            assertEquals(-1, hits.get(0).depth());
        }
        Assignment a = M.assign("Makefile");
        assertEquals(List.of("Tess Rest <tess@example.org>"), a.maintainers());
        assertEquals(List.of(), a.reviewers());
    }

    @Test
    void theChiefPenguinIsNotListed() {
        String text = "THE REST\nM:\tLinus Torvalds <torvalds@linux-foundation.org>\nL:\tlkml@example.org\nF:\t*\nF:\t*/\n";
        Assignment a = Maintainers.parse(text, d -> false).assign("kernel/fork.c");
        assertEquals(List.of(), a.maintainers());
        assertEquals(List.of("lkml@example.org"), a.lists().stream().map(MailList::address).toList());
    }

    @Test
    void pathMatchingNothingHasNoAssignment() {
        Maintainers m = Maintainers.parse(FIXTURE.substring(0, FIXTURE.indexOf("THE REST")), d -> false);
        assertNull(m.assign("tools/perf/builtin.c"));
        assertEquals(List.of(), m.match("Makefile"));
        assertNull(m.assign(""));
    }

    @Test
    void pathsAreCanonicalized() {
        assertEquals(names(M.match("fs/alpha/x.c")), names(M.match("./fs//alpha/./x.c")));
        assertEquals("ALPHA FILESYSTEM", subsystem("fs/alpha/"));
    }

    @Test
    void addressListsAndCommentsInPeopleLines() {
        String text = """
                PEOPLE
                M:\ta@example.org, Bea B <b@example.org>
                M:\tWeigelt, Company <c@example.org>
                R:\tDan D <d@example.org> (evenings, weekends)
                F:\tlib/
                """;
        Assignment a = Maintainers.parse(text, d -> false).assign("lib/x.c");
        assertEquals(List.of("a@example.org", "Bea B <b@example.org>", "\"Weigelt, Company\" <c@example.org>"),
                a.maintainers());
        assertEquals(List.of("Dan D <d@example.org>"), a.reviewers());
    }

    @Test
    void garbageLinesAndEveryTruncationAreHarmless() {
        String junk = "F:\tbefore any title\n\u0000\u0001\uFFFD\nM: <<<>>>\nL:\nF:\t[\nF:\tfoo(bar)\nN:\t([\nN:\t"
                + "a".repeat(2000) + "\nS\nZ:\tunknown tag\nF:\tjunk/\n\r\n";
        Maintainers m = Maintainers.parse(junk, d -> false);
        assertEquals(4, m.skippedPatterns()); // the unclosed set, the parentheses, the bad regex, the long regex
        assertEquals(List.of("S"), names(m.match("junk/x.c"))); // "S" is a title line, so its section holds F: junk/
        assertEquals(List.of("\u0000\u0001\uFFFD"), m.sections().stream().limit(1).map(Section::name).toList());
        int cut = FIXTURE.indexOf("F:\tfs/alpha/\n") + "F:\tfs/alpha/\n".length();
        for (int n = 0; n <= FIXTURE.length(); n++) {
            Maintainers t = Maintainers.parse(FIXTURE.substring(0, n), d -> false);
            Assignment a = t.assign("fs/alpha/x.c");
            if (n >= cut) assertEquals("ALPHA FILESYSTEM", a.subsystem().name(), "cut at " + n);
        }
    }

    @Test
    void windowsLineEndingsAreAccepted() {
        Maintainers m = Maintainers.parse(FIXTURE.replace("\n", "\r\n"), d -> false);
        assertEquals(names(M.match("fs/alpha/journal/a.c")), names(m.match("fs/alpha/journal/a.c")));
        assertEquals("ALPHA FILESYSTEM", m.sections().get(0).name());
    }

    @Test
    void hostilePatternsStayFast() {
        String text = "SLOW\nM:\tS <s@example.org>\nF:\t" + "*a".repeat(40) + "*b\nN:\t(a|aa)+c\nN:\t(a+)+$x\n";
        Maintainers m = Maintainers.parse(text, d -> false);
        String path = "a".repeat(4000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 20; i++) assertNull(m.assign(path));
        });
    }

    @Test
    void loadNeedsARegularMaintainersFile(@TempDir Path tmp) throws IOException {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        assertNull(Maintainers.load(tree));
        Files.createDirectories(tree.resolve("MAINTAINERS"));
        assertNull(Maintainers.load(tree)); // a directory
        Files.delete(tree.resolve("MAINTAINERS"));
        Path outside = Files.writeString(tmp.resolve("elsewhere"), FIXTURE);
        Files.createSymbolicLink(tree.resolve("MAINTAINERS"), outside);
        assertNull(Maintainers.load(tree));
        Files.delete(tree.resolve("MAINTAINERS"));
        Files.writeString(tree.resolve("MAINTAINERS"), FIXTURE);
        Maintainers m = Maintainers.load(tree);
        assertNotNull(m);
        assertEquals(M.sections(), m.sections());
    }

    @Test
    void loadDecidesDirectoriesInsideTheTreeOnly(@TempDir Path tmp) throws IOException {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Files.createDirectories(tree.resolve("drivers/thing/sub"));
        Path outside = Files.createDirectories(tmp.resolve("outside/dir"));
        Files.createSymbolicLink(tree.resolve("drivers/link"), outside);
        Files.writeString(tree.resolve("MAINTAINERS"), """
                THING
                M:\tT <t@example.org>
                F:\tdrivers/thing

                LINK
                M:\tL <l@example.org>
                F:\tdrivers/link
                """);
        Maintainers m = Maintainers.load(tree);
        assertEquals(List.of("THING"), names(m.match("drivers/thing/sub/a.c")));
        // a link is not followed, so "drivers/link" stays a pattern without slash: only at its own depth
        assertEquals(List.of(), m.match("drivers/link/a.c"));
        assertEquals(List.of("LINK"), names(m.match("drivers/link")));
    }

    @Test
    void loadAppliesTheMailmap(@TempDir Path tree) throws IOException {
        Files.writeString(tree.resolve("MAINTAINERS"), FIXTURE);
        Files.writeString(tree.resolve(".mailmap"), """
                # made-up moves
                Ann Alpha <ann@new.example.org> <ann@example.org>
                Benjamin Beta <ben@example.org>
                <beta@lists.example.org> <gone@lists.example.org>
                Tessa Rest <tessa@example.org> Tess Rest <tess@example.org>
                """);
        Assignment a = Maintainers.load(tree).assign("fs/alpha/x.c");
        assertEquals(List.of("Ann Alpha <ann@new.example.org>", "Tessa Rest <tessa@example.org>"), a.maintainers());
        Assignment b = Maintainers.load(tree).assign("drivers/beta/x.c");
        assertEquals(Set.of("Benjamin Beta <ben@example.org>", "Tessa Rest <tessa@example.org>"),
                Set.copyOf(b.maintainers()));
    }
}
