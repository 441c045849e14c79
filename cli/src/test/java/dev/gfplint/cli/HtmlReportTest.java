package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format html} as text: what it holds, what it escapes, and that it is the same on every run (the browser test renders it). */
class HtmlReportTest {
    @TempDir
    Path dir;

    private static Map<String, Integer> count(String html, String attribute) {
        Map<String, Integer> m = new TreeMap<>();
        Matcher x = Pattern.compile("<article class=\"finding\"[^>]* " + attribute + "=\"([^\"]*)\"").matcher(html);
        while (x.find()) m.merge(x.group(1), 1, Integer::sum);
        return m;
    }

    @Test
    void holdsEveryFindingOnceWithStableUniqueAnchorsAndNothingFetched() throws Exception {
        Path tree = KernelTreeFixture.make(dir.resolve("linux"));
        Path a = dir.resolve("a.html"), b = dir.resolve("b.html");
        assertEquals(0, CliRun.of("scan", "--fail-on", "none", "--format", "html", "-o", a.toString(), tree.toString()).code());
        assertEquals(0, CliRun.of("scan", "--fail-on", "none", "--format", "html", "-o", b.toString(), tree.toString()).code());
        CliRun j = CliRun.of("scan", "--fail-on", "none", "--format", "json", tree.toString());
        JsonNode json = new ObjectMapper().readTree(j.out());
        String html = Files.readString(a);
        assertEquals(html, Files.readString(b), "two runs give the same page");
        Map<String, Integer> byRule = new TreeMap<>(), bySubsystem = new TreeMap<>();
        for (JsonNode f : json.path("findings")) {
            byRule.merge(f.path("ruleId").asText(), 1, Integer::sum);
            bySubsystem.merge(f.path("maintainers").path("subsystem").asText(), 1, Integer::sum);
        }
        assertEquals(byRule, count(html, "data-rule"));
        assertEquals(bySubsystem, count(html, "data-subsystem"));
        // the most specific section names a finding's subsystem: the journal's files are not ALPHA FILESYSTEM's
        assertTrue(bySubsystem.containsKey("ALPHA FILESYSTEM JOURNAL"), bySubsystem.toString());
        assertTrue(bySubsystem.containsKey("THE REST"), bySubsystem.toString());
        Set<String> ids = new HashSet<>();
        Matcher m = Pattern.compile("<article class=\"finding\" id=\"([^\"]+)\"").matcher(html);
        while (m.find()) assertTrue(ids.add(m.group(1)), "anchor " + m.group(1) + " is used twice");
        assertEquals(json.path("findings").size(), ids.size());
        assertTrue(html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"));
        assertFalse(Pattern.compile("<(script|link|img)[^>]+(src|href)=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "the page fetches nothing");
        assertTrue(html.contains("ben@example.org") && html.contains("beta-drivers@lists.example.org"));
    }

    @Test
    void escapesWhatTheTreeControls() throws Exception {
        Path tree = dir.resolve("t");
        Files.createDirectories(tree);
        // a file name and code that a hostile pull request controls
        Files.writeString(tree.resolve("x<img onerror=alert(1)>.c"), """
                static void *f(void) { /* <script>alert(2)</script> */
                        return kmalloc(8, GFP_ATOMIC | __GFP_NOFAIL);
                }
                """);
        Path out = dir.resolve("r.html");
        CliRun r = CliRun.of("scan", "--fail-on", "none", "--format", "html", "-o", out.toString(), tree.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out);
        // Mustache escapes = too
        assertTrue(html.contains("x&lt;img onerror&#61;alert(1)&gt;.c"), html);
        assertTrue(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), "the excerpt shows the comment as text");
        assertFalse(html.contains("<img onerror"));
        assertFalse(html.contains("<script>alert"));
        assertEquals(Map.of("contradictory-gfp-flags", 1), count(html, "data-rule"));
        // no MAINTAINERS: no subsystem anywhere, and no subsystem filter
        assertFalse(html.contains("id=\"filter-subsystem\""));
    }
}
