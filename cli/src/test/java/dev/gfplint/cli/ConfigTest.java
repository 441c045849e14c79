package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gfplint.core.model.Catalog;
import dev.gfplint.core.model.KernelVersion;
import dev.gfplint.core.model.Scope;
import dev.gfplint.rules.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve(Config.FILE_NAME);
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    private Config load(String yaml) throws Exception {
        return Config.load(write(yaml));
    }

    private ConfigException fails(String yaml) throws IOException {
        Path f = write(yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(f));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(f + ":"), e.getMessage());
        return e;
    }

    /** Asserts the exact message: {@code path:line: problem}. */
    private void failsWith(String yaml, int line, String problem) throws IOException {
        ConfigException e = fails(yaml);
        assertEquals(dir.resolve(Config.FILE_NAME) + ":" + line + ": " + problem, e.getMessage());
        assertEquals(line, e.line());
        assertEquals(problem, e.problem());
    }

    /** Asserts the line and a part of the problem. */
    private void failsAt(String yaml, int line, String part) throws IOException {
        ConfigException e = fails(yaml);
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.problem().contains(part), e.getMessage());
    }

    private static final String FULL = """
            # gfplint configuration
            kernel-version: 6.10
            rules:
              vmalloc-nofs: off
              contradictory-gfp-flags: warning
              unpaired-memalloc-scope: note
              gfp-kernel-in-nofs-region: error
            exclude:
              - drivers/staging/**
              - "**/*_test.c"
              - ./tools
            allocators:
              - name: my_alloc
                gfp-arg: 1
                family: slab
              - {name: my_zalloc, mask: "GFP_KERNEL | __GFP_ZERO", family: vmalloc, nofail: true}
              - name: my_obj_alloc
                gfp-arg: 2
                default: GFP_NOFS
                family: other
                since: "6.5"
                until: 6.12
            nofs-regions:
              - begin: my_lock
                end: my_unlock
              - {begin: old_txn_start, end: old_txn_end, until: "5.0"}
            """;

    @Test
    void aFullFileIsRead() throws Exception {
        Path f = write(FULL);
        Config c = Config.load(f);
        assertEquals(Optional.of(f), c.file());
        assertEquals(Optional.of(KernelVersion.of(6, 10)), c.kernelVersion(), "6.10 is a version, not the number 6.1");

        assertFalse(c.enabled("vmalloc-nofs"), "off is a level, not YAML's false");
        assertTrue(c.enabled("contradictory-gfp-flags"));
        assertEquals(Set.of("vmalloc-nofs"), c.disabledRules());
        assertEquals(Optional.empty(), c.level("vmalloc-nofs"));
        assertEquals(Optional.of(Level.WARNING), c.level("contradictory-gfp-flags"));
        assertEquals(Optional.of(Level.NOTE), c.level("unpaired-memalloc-scope"));
        assertEquals(Optional.of(Level.ERROR), c.level("gfp-kernel-in-nofs-region"));
        assertEquals(List.of("contradictory-gfp-flags", "unpaired-memalloc-scope", "gfp-kernel-in-nofs-region"),
                List.copyOf(c.ruleLevels().keySet()), "file order");

        assertEquals(List.of("drivers/staging/**", "**/*_test.c", "tools"), c.excludes());

        assertEquals(3, c.allocators().size());
        Config.Allocator a = c.allocators().get(0);
        assertEquals(new Config.Allocator("my_alloc", 1, null, null, Catalog.Family.SLAB, false, null, null, 13), a);
        Config.Allocator z = c.allocators().get(1);
        assertEquals("GFP_KERNEL|__GFP_ZERO", z.mask(), "blanks between operators go");
        assertEquals(16, z.line());
        assertEquals(List.of(new Config.NofsRegion("my_lock", "my_unlock", null, null, 24),
                new Config.NofsRegion("old_txn_start", "old_txn_end", null, KernelVersion.of(5, 0), 26)), c.nofsRegions());

        assertEquals("""
                [allocators]
                my_alloc gfp=1 family=slab
                my_zalloc mask=GFP_KERNEL|__GFP_ZERO family=vmalloc nofail
                my_obj_alloc gfp=2 default=GFP_NOFS family=other since=6.5 until=6.12
                [nofs-regions]
                my_lock closed-by=my_unlock
                old_txn_start closed-by=old_txn_end until=5.0
                """, c.catalogText());
    }

    @Test
    void theCatalogTextIsWhatTheCatalogReads() throws Exception {
        Config c = load(FULL);
        for (Catalog cat : List.of(c.catalog(), Catalog.withExtensionTexts(c.catalogExtensions()))) {
            Catalog.View v = cat.forVersion(KernelVersion.of(6, 10));
            assertEquals(1, v.allocator("my_alloc").gfpArg());
            assertEquals(Catalog.Family.SLAB, v.allocator("my_alloc").family());
            assertTrue(v.allocator("my_zalloc").implicit());
            assertTrue(v.allocator("my_zalloc").nofail());
            assertEquals(2, v.allocator("my_obj_alloc").gfpArg());
            assertNotNull(v.allocator("my_obj_alloc").implicitMask(), "the default mask");
            assertNull(cat.forVersion(KernelVersion.of(6, 1)).allocator("my_obj_alloc"), "since 6.5");
            assertNull(cat.forVersion(KernelVersion.of(6, 12)).allocator("my_obj_alloc"), "until 6.12");
            assertEquals(Scope.REGION.bit(), v.opener("my_lock").scopes());
            assertEquals("my_unlock", v.opener("my_lock").closedBy());
            assertEquals("my_lock", v.closes("my_unlock").name());
            assertNull(v.opener("old_txn_start"), "until 5.0");
            assertNotNull(cat.forVersion(KernelVersion.of(4, 19)).opener("old_txn_start"));
            assertNotNull(v.allocator("kmalloc"), "the built-in catalog stays");
        }
    }

    @Test
    void emptyAndCommentOnlyFilesSetNothing() throws Exception {
        for (String yaml : List.of("", "# nothing yet\n", "---\n", "rules:\nexclude:\nallocators:\nnofs-regions:\n")) {
            Config c = load(yaml);
            assertEquals(Optional.empty(), c.kernelVersion(), yaml);
            assertTrue(c.ruleLevels().isEmpty() && c.disabledRules().isEmpty() && c.excludes().isEmpty(), yaml);
            assertTrue(c.allocators().isEmpty() && c.nofsRegions().isEmpty(), yaml);
            assertEquals("", c.catalogText());
            assertEquals(List.of(), c.catalogExtensions());
            assertFalse(c.excluded(dir.resolve("a.c")));
        }
        Config e = Config.empty();
        assertEquals(Optional.empty(), e.file());
        assertEquals(Optional.empty(), e.kernelVersion());
        assertTrue(e.enabled("vmalloc-nofs"));
        assertEquals(Optional.empty(), e.level("vmalloc-nofs"));
        assertFalse(e.excluded(dir.resolve("a.c")));
        assertEquals(1, e.catalog().forVersion(KernelVersion.NEWEST).allocator("kmalloc").gfpArg());
    }

    @Test
    void anUnknownTopLevelKeyIsNamed() throws IOException {
        failsWith("kernel-version: \"6.1\"\nrules:\n  vmalloc-nofs: off\nrulez:\n  x: y\n", 4,
                "unknown key 'rulez' (expected one of: kernel-version, rules, exclude, allocators, nofs-regions)");
    }

    @Test
    void aBadLevelIsNamedWithTheLevels() throws IOException {
        failsWith("# levels\n\nkernel-version: \"6.1\"\n\nrules:\n  contradictory-gfp-flags: warning\n  vmalloc-nofs: fatal\n", 7,
                "rule 'vmalloc-nofs': level 'fatal' is not one of off, note, warning, error");
        failsWith("rules:\n  vmalloc-nofs: Off\n", 2,
                "rule 'vmalloc-nofs': level 'Off' is not one of off, note, warning, error");
        failsAt("rules:\n  vmalloc-nofs:\n    - off\n", 3, "the level must be one of off, note, warning, error, not a list");
    }

    @Test
    void anUnknownRuleIsNamedWithTheValidIds() throws IOException {
        failsWith("rules:\n  vmalloc-nofs: off\n  vmalloc-nofss: note\n", 3,
                "unknown rule 'vmalloc-nofss' (expected one of: vmalloc-nofs, contradictory-gfp-flags, "
                        + "unpaired-memalloc-scope, gfp-kernel-in-nofs-region, sleeping-alloc-in-atomic)");
    }

    @Test
    void theTopLevelMustBeAMapping() throws IOException {
        failsAt("\n- rules\n- exclude\n", 2, "the top level must be a mapping");
        failsAt("just text\n", 1, "not 'just text'");
    }

    @Test
    void valuesOfTheWrongTypeAreReportedAtTheValue() throws IOException {
        failsWith("kernel-version:\n  - 6.1\n", 2, "kernel-version must be a single value, not a list");
        failsWith("kernel-version:\n", 1, "kernel-version has no value");
        failsWith("rules:\n  - vmalloc-nofs\n", 2,
                "rules must be a mapping of rule id to level (off, note, warning, error), not a list");
        failsWith("exclude: drivers/staging/**\n", 1, "exclude must be a list of glob patterns, not 'drivers/staging/**'");
        failsWith("exclude:\n  - a/**\n  - {b: c}\n", 3, "an exclude pattern must be a single value, not a mapping");
        failsAt("allocators:\n  name: my_alloc\n", 2, "allocators must be a list of mappings");
        failsAt("allocators:\n  - my_alloc\n", 2, "each entry of allocators must be a mapping");
        failsAt("nofs-regions: [my_lock]\n", 1, "each entry of nofs-regions must be a mapping");
        failsWith("allocators:\n  - name: my_alloc\n    family: slab\n    gfp-arg: first\n", 4,
                "allocator 'my_alloc': gfp-arg must be the 0-based position of the gfp argument, not 'first'");
        failsAt("allocators:\n  - name: my_alloc\n    family: slab\n    gfp-arg: -1\n", 4, "not '-1'");
        failsWith("allocators:\n  - name: my_alloc\n    gfp-arg: 1\n    family: slab\n    nofail: maybe\n", 5,
                "allocator 'my_alloc': nofail must be true or false, not 'maybe'");
        failsAt("allocators:\n  - name: my_alloc\n    gfp-arg: 1\n    family: heap\n", 4, "family 'heap' is not one of slab, page,");
        failsWith("allocators:\n  - name: my alloc\n    gfp-arg: 1\n    family: slab\n", 2,
                "allocator: name 'my alloc' is not a C function name");
        failsWith("allocators:\n  - name: my_alloc\n    gfp: 1\n    family: slab\n", 3,
                "allocator: unknown key 'gfp' (expected one of: name, gfp-arg, mask, default, family, since, until, nofail)");
        failsWith("nofs-regions:\n  - begin: my_lock\n    close: my_unlock\n", 3,
                "NOFS region: unknown key 'close' (expected one of: begin, end, since, until)");
        failsAt("allocators:\n  - {name: [a], gfp-arg: 1, family: slab}\n", 2, "name must be a single value, not a list");
    }

    @Test
    void missingOrConflictingEntryFieldsAreReportedAtTheEntry() throws IOException {
        failsWith("allocators:\n  - name: ok\n    gfp-arg: 0\n    family: page\n  - gfp-arg: 1\n    family: slab\n", 5,
                "allocator: missing name");
        failsWith("allocators:\n\n  - name: my_alloc\n    gfp-arg: 1\n", 3, "allocator 'my_alloc': missing family");
        failsWith("allocators:\n  - name: my_alloc\n    family: slab\n", 2,
                "allocator 'my_alloc' needs gfp-arg (the 0-based position of its gfp argument) or mask (its implicit mask)");
        failsWith("allocators:\n  - name: my_alloc\n    family: slab\n    gfp-arg: 1\n    mask: GFP_KERNEL\n", 5,
                "allocator 'my_alloc' has both gfp-arg and mask; give one");
        failsAt("allocators:\n  - name: my_alloc\n    family: slab\n    mask: GFP_KERNEL\n    default: GFP_NOFS\n", 5,
                "default (the mask a call without the gfp argument gets) needs gfp-arg");
        failsWith("nofs-regions:\n  - begin: my_lock\n", 2, "NOFS region 'my_lock': missing end");
        failsWith("allocators:\n  - name: my_alloc\n    family: slab\n    mask: (unsigned int) 4\n", 4,
                "allocator 'my_alloc': mask '(unsigned int) 4' cannot be written in the catalog (a blank between two words, or a '#')");
        failsAt("allocators:\n  - name: my_alloc\n    family: slab\n    mask: \"GFP_KERNEL # x\"\n", 4, "cannot be written in the catalog");
    }

    @Test
    void badKernelVersionsAreReportedAtTheValue() throws IOException {
        failsWith("\nkernel-version: six\n", 2, "kernel-version 'six' is not a kernel version X.Y (e.g. \"6.1\")");
        failsWith("kernel-version: 6\n", 1, "kernel-version '6' is not a kernel version X.Y (e.g. \"6.1\")");
        failsWith("kernel-version: \"3.10\"\n", 1, "kernel-version 3.10 is older than the oldest modelled version 4.4");
        failsWith("allocators:\n  - name: a\n    gfp-arg: 0\n    family: page\n    since: soon\n", 5,
                "allocator 'a': since 'soon' is not a kernel version X.Y");
        failsWith("nofs-regions:\n  - begin: a\n    end: b\n    since: \"6.1\"\n    until: \"5.10\"\n", 5,
                "NOFS region 'a': until 5.10 is not after since 6.1");
    }

    @Test
    void aKernelVersionWithASublevelIsItsMajorMinor() throws Exception {
        assertEquals(Optional.of(KernelVersion.of(6, 1)), load("kernel-version: \"6.1.55\"\n").kernelVersion());
        assertEquals(Optional.of(KernelVersion.of(6, 1)), load("kernel-version: '6.1'\n").kernelVersion());
    }

    @Test
    void duplicateKeysAreReportedAtTheSecond() throws IOException {
        failsWith("rules:\n  vmalloc-nofs: off\nexclude: []\nrules:\n  vmalloc-nofs: note\n", 4,
                "top level: duplicate key 'rules' (first at line 1)");
        failsWith("rules:\n  vmalloc-nofs: off\n  vmalloc-nofs: note\n", 3,
                "rules: duplicate key 'vmalloc-nofs' (first at line 2)");
        failsWith("allocators:\n  - name: a\n    gfp-arg: 0\n    family: page\n    gfp-arg: 1\n", 5,
                "allocator: duplicate key 'gfp-arg' (first at line 3)");
        failsAt("? [a, b]\n: c\n", 1, "top level: a key must be a plain value, not a list");
    }

    @Test
    void yamlSyntaxErrorsCarryTheParsersLine() throws IOException {
        failsWith("rules:\n  vmalloc-nofs: off\n  - note\n", 3,
                "YAML syntax error: expected <block end>, but found '-'");
        failsWith("exclude: [a/**, b/**\nrules: {}\n", 2, "YAML syntax error: expected ',' or ']', but got :");
        failsAt("rules:\n  vmalloc-nofs: \"off\n", 3, "YAML syntax error: found unexpected end of stream");
        failsWith("rules: {}\n---\nrules: {}\n", 2,
                "YAML syntax error: expected a single document in the stream, but found another document");
        failsWith("rules: {}\n# ok\nexclude: [a\u0001]\n", 3, "YAML syntax error: character U+0001 is not allowed");
    }

    @Test
    void anUnreadableFileIsReportedWithoutALine() throws IOException {
        Path missing = dir.resolve("nope/.gfplint.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(missing));
        assertEquals(missing + ": cannot read: no such file", e.getMessage());
        assertEquals(0, e.line());
        Path d = Files.createDirectories(dir.resolve("adir"));
        e = assertThrows(ConfigException.class, () -> Config.load(d));
        assertTrue(e.getMessage().startsWith(d + ": cannot read: "), e.getMessage());
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'r', 'u', 'l', 'e', 's', ':', ' ', '#', ' ', (byte) 0xe9, '\n'});
        e = assertThrows(ConfigException.class, () -> Config.load(latin1));
        assertEquals(latin1 + ": cannot read: not UTF-8 text", e.getMessage());
    }

    @Test
    void anEntryTheCatalogRejectsIsReportedAtItsYamlEntry() throws IOException {
        failsWith("""
                kernel-version: "6.1"
                allocators:
                  - name: my_alloc
                    gfp-arg: 1
                    family: slab
                  - name: my_other
                    mask: "GFP_KERNEL |"
                    family: slab
                """, 6, "allocator 'my_other': cannot parse mask GFP_KERNEL|");
        failsWith("""
                allocators: [{name: a, gfp-arg: 0, family: page},
                  {name: b, gfp-arg: 1, default: "__GFP_ZERO(", family: slab}]
                """, 2, "allocator 'b': cannot parse default __GFP_ZERO(");
    }

    @Test
    void findNearestLooksInTheStartAndItsAncestors() throws IOException {
        Path top = write("rules: {}\n");
        Path nested = Files.createDirectories(dir.resolve("fs/ext4/sub"));
        assertEquals(Optional.of(top), Config.findNearest(nested));
        Path file = Files.writeString(nested.resolve("inode.c"), "int x;\n");
        assertEquals(Optional.of(top), Config.findNearest(file), "from a file, its directory first");
        assertEquals(Optional.of(top), Config.findNearest(dir));
        Path closer = Files.writeString(dir.resolve("fs/.gfplint.yaml"), "exclude: []\n");
        assertEquals(Optional.of(closer), Config.findNearest(file), "the nearest wins");
        assertEquals(Optional.of(closer), Config.findNearest(dir.resolve("fs")));
        assertEquals(Optional.of(top), Config.findNearest(dir.resolve("mm/slab.c")), "a start that does not exist yet");
        Files.createDirectories(dir.resolve("drivers/.gfplint.yaml"));
        assertEquals(Optional.of(top), Config.findNearest(dir.resolve("drivers")), "a directory of that name is not a config");
    }

    @Test
    void findNearestIsEmptyWithoutAFile() throws IOException {
        Path nested = Files.createDirectories(dir.resolve("a/b"));
        // Nothing in the temporary tree: the answer is whatever lies above it (normally nothing), never a
        // file inside it.
        Optional<Path> above = Optional.empty();
        for (Path p = dir.toAbsolutePath(); p != null && above.isEmpty(); p = p.getParent())
            if (Files.isRegularFile(p.resolve(Config.FILE_NAME))) above = Optional.of(p.resolve(Config.FILE_NAME));
        assertEquals(above, Config.findNearest(nested).map(Path::toAbsolutePath));
    }

    @Test
    void excludeGlobsMatchPathsRelativeToTheConfigDirectory() throws Exception {
        Config c = load("exclude:\n  - drivers/staging/**\n  - \"**/*_test.c\"\n  - tools\n  - ./scripts/*.c\n");
        assertTrue(c.excluded(dir.resolve("drivers/staging/rtl8723bs/core/rtw_mlme.c")));
        assertTrue(c.excluded(dir.resolve("drivers/staging/foo.c")));
        assertFalse(c.excluded(dir.resolve("drivers/stagingx/foo.c")));
        assertFalse(c.excluded(dir.resolve("drivers/net/foo.c")));
        assertTrue(c.excluded(dir.resolve("lib/kunit/string_test.c")));
        assertTrue(c.excluded(dir.resolve("string_test.c")), "**/ also matches at the top");
        assertFalse(c.excluded(dir.resolve("lib/string_test.h")));
        assertFalse(c.excluded(dir.resolve("lib/test.c")));
        assertTrue(c.excluded(dir.resolve("tools/perf/builtin.c")), "a directory excludes what is under it");
        assertFalse(c.excluded(dir.resolve("toolsx/a.c")));
        assertTrue(c.excluded(dir.resolve("scripts/a.c")));
        assertFalse(c.excluded(dir.resolve("scripts/sub/a.c")), "* stays within a directory");
        assertTrue(c.excluded(dir.resolve("fs/../drivers/staging/a.c")), "paths are normalized");
        assertFalse(c.excluded(dir.getParent().resolve("other/drivers/staging/a.c")), "outside the config's directory");
        assertFalse(c.excluded(dir), "the directory itself");
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("drivers/staging/b.c"));
        assertTrue(c.excluded(relative), "a relative path is relative to the current directory");
    }

    @Test
    void badExcludePatternsAreReportedAtThePattern() throws IOException {
        failsWith("exclude:\n  - ok/**\n  - \"[abc\"\n", 3, "exclude pattern '[abc' is not a valid glob: Missing ']");
        failsWith("exclude:\n  - /usr/src/linux/**\n", 2,
                "exclude pattern '/usr/src/linux/**' must be relative to the directory of .gfplint.yaml");
        failsWith("exclude:\n  - \"\"\n", 2, "an exclude pattern is empty");
    }

    @Test
    void theCatalogExtensionIsNamedAfterTheFile() throws Exception {
        Path f = write("nofs-regions:\n  - {begin: a_lock, end: a_unlock}\n");
        List<Map.Entry<String, String>> ext = Config.load(f).catalogExtensions();
        assertEquals(List.of(Map.entry(f.toString(), "[nofs-regions]\na_lock closed-by=a_unlock\n")), ext);
    }

    @Test
    void masksLoseBlanksOnlyBetweenOperatorsAndOperands() {
        assertEquals("GFP_KERNEL&~__GFP_FS", Config.compactMask("  GFP_KERNEL & ~ __GFP_FS "));
        assertEquals("(GFP_NOIO|__GFP_NOWARN)", Config.compactMask("( GFP_NOIO\t| __GFP_NOWARN )"));
        assertNull(Config.compactMask("(unsigned int) 4"));
        assertNull(Config.compactMask("GFP_KERNEL#x"));
    }
}
