package dev.gfplint.cli;

import static dev.gfplint.cli.CliRun.GOOD_C_FUNCTIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gfplint.core.front.FrontEnd;
import dev.gfplint.core.idiom.IdiomTable;
import dev.gfplint.core.ir.TranslationUnit;
import dev.gfplint.core.scan.Diagnostic;
import dev.gfplint.core.scan.Scanner;
import dev.gfplint.core.scan.SourceReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input never stops a scan: each problem is one diagnostic line naming the file and the reason. */
class BadInputTest {
    @TempDir
    Path dir;

    private static JsonNode stats(Path json) throws IOException {
        return new ObjectMapper().readTree(json.toFile());
    }

    @Test
    void binaryFileIsSkippedAndCountedAsFailed() throws IOException {
        CliRun.good(dir);
        Path blob = dir.resolve("blob.c");
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i % 7 == 0 ? 0 : 'a' + i % 26);
        Files.write(blob, bytes);
        Path json = dir.resolve("out/stats.json");

        CliRun r = CliRun.of("scan", "--stats-json", json.toString(), dir.toString());

        r.assertCode(Main.EXIT_OK);
        r.assertOneDiagnostic("warning", blob, "binary file");
        r.assertNoStackTrace();
        assertEquals(2, r.files());
        assertEquals(1, r.filesFailed());
        assertEquals(GOOD_C_FUNCTIONS, r.functions(), "the good file is still analysed");
        JsonNode s = stats(json);
        assertEquals(1, s.get("filesFailed").asLong());
        assertEquals(GOOD_C_FUNCTIONS, s.get("functions").asLong());
    }

    @Test
    void latin1FileIsWarnedAboutAndStillAnalysed() throws IOException {
        CliRun.good(dir);
        Path latin = dir.resolve("latin1.c");
        String text = "/* Copyright (C) 2004 Ren\u00e9 Ch\u00e9rie */\n\nint latin_fn(int a)\n{\n\treturn a * 2;\n}\n";
        Files.write(latin, text.getBytes(StandardCharsets.ISO_8859_1));
        Path json = dir.resolve("stats.json");

        CliRun r = CliRun.of("scan", "--stats-json", json.toString(), dir.toString());

        r.assertCode(Main.EXIT_OK);
        r.assertOneDiagnostic("warning", latin, "not valid UTF-8");
        r.assertNoStackTrace();
        assertEquals(0, r.filesFailed());
        assertEquals(GOOD_C_FUNCTIONS + 1, r.functions(), "latin_fn and the good file's functions are found");
        JsonNode s = stats(json);
        assertEquals(1, s.get("filesNotUtf8").asLong());
        assertEquals(GOOD_C_FUNCTIONS + 1, s.get("functions").asLong());
        assertEquals(0, s.get("filesFailed").asLong());
    }

    /** Writes a C file of at least {@code minBytes}; returns how many functions it defines. */
    private static int writeBigFile(Path file, long minBytes) throws IOException {
        StringBuilder pad = new StringBuilder("/*\n");
        for (int i = 0; i < 24; i++) pad.append(" * ").append("x".repeat(76)).append('\n');
        pad.append(" */\n");
        String padding = pad.toString();
        int n = 0;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            while (written < minBytes) {
                String fn = "int gen_fn_" + n + "(int x)\n{\n\treturn x + " + n + ";\n}\n";
                w.write(fn);
                w.write(padding);
                written += fn.length() + padding.length();
                n++;
            }
        }
        return n;
    }

    @Test
    void fileLargerThanTheDefaultLimitIsSkipped() throws IOException {
        CliRun.good(dir);
        Path big = dir.resolve("huge.c");
        writeBigFile(big, 50_000_000L);
        assertTrue(Files.size(big) >= 50_000_000L);

        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of("scan", dir.toString()));

        r.assertCode(Main.EXIT_OK);
        r.assertOneDiagnostic("warning", big, "file too large");
        r.assertNoStackTrace();
        assertEquals(2, r.files());
        assertEquals(1, r.filesFailed());
        assertEquals(GOOD_C_FUNCTIONS, r.functions(), "the good file is still analysed");
    }

    @Test
    void fileLargerThanTheDefaultLimitIsAnalysedWithAHigherLimit() throws IOException {
        CliRun.good(dir);
        Path big = dir.resolve("huge.c");
        int generated = writeBigFile(big, 50_000_000L);
        Path json = dir.resolve("stats.json");

        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CliRun.of("scan", "--max-file-size", "64", "--stats-json", json.toString(), dir.toString()));

        r.assertCode(Main.EXIT_OK);
        assertTrue(r.linesMentioning("huge.c").isEmpty(), () -> "no diagnostic expected for huge.c:\n" + r.err());
        r.assertNoStackTrace();
        assertEquals(0, r.filesFailed());
        assertEquals(generated + GOOD_C_FUNCTIONS, r.functions());
        JsonNode s = stats(json);
        assertEquals(generated + GOOD_C_FUNCTIONS, s.get("functions").asLong());
        assertEquals(generated + GOOD_C_FUNCTIONS, s.get("functionsFullyParsed").asLong());
    }

    @Test
    void tenThousandNestedBracesCostTheirStatementWithANote() throws IOException {
        CliRun.good(dir);
        Path deep = dir.resolve("deep.c");
        int depth = 10_000;
        StringBuilder sb = new StringBuilder("void deep_fn(void)\n");
        sb.append("{".repeat(depth)).append('\n').append("}".repeat(depth)).append("\n\n");
        sb.append("int after_deep(int y)\n{\n\treturn y - 1;\n}\n");
        CliRun.write(deep, sb.toString());
        Path json = dir.resolve("stats.json");

        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CliRun.of("scan", "--stats-json", json.toString(), dir.toString()));

        r.assertCode(Main.EXIT_OK);
        r.assertOneDiagnostic("note", deep, "function deep_fn: statement skipped: brackets nested deeper than 256 levels");
        r.assertNoStackTrace();
        assertEquals(0, r.filesFailed());
        // deep_fn (its one statement skipped, still counted), after_deep, and the good file's functions
        assertEquals(2 + GOOD_C_FUNCTIONS, r.functions());
        JsonNode s = stats(json);
        assertEquals(0, s.get("functionsGivenUp").asLong());
        assertEquals(1, s.get("statementsSkipped").asLong());
        assertEquals(1 + GOOD_C_FUNCTIONS, s.get("functionsFullyParsed").asLong());
        assertEquals(0, s.get("internalErrors").asLong());
    }

    @Test
    void chmod000FileDoesNotStopTheScan() throws IOException {
        CliRun.good(dir);
        Path locked = CliRun.write(dir.resolve("locked.c"), "int locked_fn(void)\n{\n\treturn 0;\n}\n");
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            boolean readable = Files.isReadable(locked); // true as root
            CliRun r = CliRun.of("scan", dir.toString());

            r.assertCode(Main.EXIT_OK);
            r.assertNoStackTrace();
            assertEquals(2, r.files());
            if (readable) {
                assertEquals(GOOD_C_FUNCTIONS + 1, r.functions(), "as root the file is simply read");
                assertEquals(0, r.filesFailed());
            } else {
                r.assertOneDiagnostic("warning", locked, "permission denied");
                assertEquals(GOOD_C_FUNCTIONS, r.functions());
                assertEquals(1, r.filesFailed());
            }
        } finally {
            Files.setPosixFilePermissions(locked, before);
        }
    }

    @Test
    void unreadableFileIsReportedAsPermissionDenied() throws Exception {
        Path good = CliRun.good(dir);
        Path other = CliRun.write(dir.resolve("sub/other.c"), "int other_fn(void)\n{\n\treturn 1;\n}\n");
        Path secret = CliRun.write(dir.resolve("secret.c"), "int secret_fn(void)\n{\n\treturn 2;\n}\n");
        SourceReader denying = (f, limit) -> {
            if (f.getFileName().toString().equals("secret.c")) throw new AccessDeniedException(f.toString());
            return Files.readAllBytes(f);
        };
        List<String> analysed = Collections.synchronizedList(new ArrayList<>());
        Scanner scanner = new Scanner(new FrontEnd(IdiomTable.defaults()), denying);

        Scanner.Result r = scanner.scan(new Scanner.Options(List.of(dir), 2, Scanner.DEFAULT_MAX_FILE_BYTES),
                (TranslationUnit u) -> analysed.add(u.path()));

        List<Diagnostic> aboutSecret = r.diagnostics().stream()
                .filter(d -> d.path().contains("secret.c")).collect(Collectors.toList());
        assertEquals(1, aboutSecret.size(), () -> "diagnostics: " + r.diagnostics());
        assertEquals("gfplint: warning: " + secret + ": permission denied", aboutSecret.get(0).toString());
        assertEquals(1, r.diagnostics().size(), () -> "diagnostics: " + r.diagnostics());
        assertFalse(r.missingPaths());
        assertEquals(3, r.stats().files);
        assertEquals(1, r.stats().filesFailed);
        assertEquals(GOOD_C_FUNCTIONS + 1, r.stats().functions, "the other files are still analysed");
        assertEquals(Set.of(good.toString(), other.toString()), Set.copyOf(analysed));
    }

    @Test
    void symlinkLoopIsReportedAndNotFollowed() throws IOException {
        Path sub = dir.resolve("dir");
        CliRun.good(sub);
        Path loop = Files.createSymbolicLink(sub.resolve("loop"), sub);

        CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of("scan", dir.toString()));

        r.assertCode(Main.EXIT_OK);
        r.assertOneDiagnostic("warning", loop, "symbolic link loop");
        r.assertNoStackTrace();
        assertEquals(1, r.files(), "good.c once, not again through the loop");
        assertEquals(GOOD_C_FUNCTIONS, r.functions());
    }

    @Test
    void emptyDirectoryIsWarnedAbout() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path other = Files.createDirectory(dir.resolve("src"));
        CliRun.good(other);

        CliRun r = CliRun.of("scan", empty.toString(), other.toString());

        r.assertCode(Main.EXIT_OK);
        r.assertOneDiagnostic("warning", empty, "no C sources");
        r.assertNoStackTrace();
        assertEquals(1, r.files());
        assertEquals(GOOD_C_FUNCTIONS, r.functions());
    }

    @Test
    void emptyDirectoryAloneExitsZero() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        CliRun r = CliRun.of("scan", empty.toString());

        r.assertCode(Main.EXIT_OK);
        r.assertOneDiagnostic("warning", empty, "no C sources");
        r.assertNoStackTrace();
        assertEquals(0, r.files());
    }

    @Test
    void missingPathIsAnErrorButTheOtherPathIsScanned() throws IOException {
        Path good = CliRun.good(dir);
        Path missing = dir.resolve("does-not-exist.c");

        CliRun r = CliRun.of("scan", missing.toString(), good.toString());

        r.assertCode(Main.EXIT_USAGE);
        r.assertOneDiagnostic("error", missing, "no such file or directory");
        r.assertNoStackTrace();
        assertEquals(1, r.files());
        assertEquals(GOOD_C_FUNCTIONS, r.functions(), "the other PATH is still scanned");
    }

    @Test
    void danglingSymlinkIsReportedAndTheScanGoesOn() throws IOException {
        CliRun.good(dir);
        Path gone = Files.createSymbolicLink(dir.resolve("gone.c"), Path.of("nowhere.c"));

        CliRun r = CliRun.of("scan", dir.toString());

        r.assertCode(Main.EXIT_OK);
        r.assertOneDiagnostic("warning", gone, "no such file");
        r.assertNoStackTrace();
        assertEquals(GOOD_C_FUNCTIONS, r.functions(), "the good file is still analysed");
    }
}
