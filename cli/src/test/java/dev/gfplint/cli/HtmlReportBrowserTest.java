package dev.gfplint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML report in a real browser: Debian's chromium, headless, driven through its chromedriver (`.ci/run`
 * installs both; GFPLINT_CHROMIUM and GFPLINT_CHROMEDRIVER name others). A kernel tree of our own, with a
 * MAINTAINERS file and the rule fixtures, is scanned to HTML and to JSON; the page must show what the JSON
 * says, its filters must show exactly the findings they name, and the console must stay free of errors.
 */
class HtmlReportBrowserTest {
    @TempDir
    static Path dir;
    static ChromeDriver browser;
    static JsonNode json;
    static Path tree;

    @BeforeAll
    static void scanAndOpen() throws Exception {
        tree = KernelTreeFixture.make(dir.resolve("linux"));
        Path html = dir.resolve("report.html");
        CliRun h = CliRun.of("scan", "--fail-on", "none", "--format", "html", "-o", html.toString(), tree.toString());
        assertEquals(0, h.code(), h.err());
        CliRun j = CliRun.of("scan", "--fail-on", "none", "--format", "json", tree.toString());
        assertEquals(0, j.code(), j.err());
        json = new ObjectMapper().readTree(j.out());
        assertTrue(json.path("findings").size() >= 10, "the fixtures give findings of several rules: " + j.out());

        String chromium = System.getenv().getOrDefault("GFPLINT_CHROMIUM", "/usr/bin/chromium");
        String driver = System.getenv().getOrDefault("GFPLINT_CHROMEDRIVER", "/usr/bin/chromedriver");
        assertTrue(Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(driver)),
                "the browser test needs " + chromium + " and " + driver + ": apt-get install chromium chromium-driver (.ci/run does)");
        ChromeOptions opts = new ChromeOptions().setBinary(chromium)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        opts.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, opts);
        browser.get(html.toUri().toString());
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.quit();
    }

    private static List<WebElement> visible() {
        List<WebElement> out = new ArrayList<>();
        for (WebElement a : browser.findElements(By.cssSelector("article.finding"))) if (a.isDisplayed()) out.add(a);
        return out;
    }

    private static Map<String, Integer> countBy(String field) {
        Map<String, Integer> m = new TreeMap<>();
        for (JsonNode f : json.path("findings")) m.merge(field.equals("subsystem") ? f.path("maintainers").path("subsystem").asText()
                : f.path(field).asText(), 1, Integer::sum);
        return m;
    }

    @Test
    void rendersEveryFindingWithItsParts() {
        int n = json.path("findings").size();
        assertTrue(browser.getTitle().startsWith("gfplint: "), browser.getTitle());
        List<WebElement> all = browser.findElements(By.cssSelector("article.finding"));
        assertEquals(n, all.size());
        assertEquals(n, visible().size());
        assertEquals(n + " of " + n + " findings shown", browser.findElement(By.id("shown")).getText());
        // in the JSON's order, each with its message, an excerpt that marks its line, and its rule's help
        for (int i = 0; i < n; i++) {
            JsonNode f = json.path("findings").get(i);
            WebElement a = all.get(i);
            assertEquals(f.path("ruleId").asText(), a.getAttribute("data-rule"));
            assertEquals(f.path("message").asText(), a.findElement(By.cssSelector("p.message")).getText());
            assertTrue(a.findElement(By.cssSelector("h3 code")).getText().equals(f.path("path").asText() + ":"
                    + f.path("line").asInt() + ":" + f.path("column").asInt()));
            String hit = a.findElement(By.cssSelector("pre.excerpt .hit .no")).getText();
            assertEquals(f.path("line").asText(), hit.strip());
            assertFalse(a.findElements(By.cssSelector("details.help")).isEmpty());
            if (f.has("mask")) assertEquals(f.path("mask").asText(), a.findElement(By.cssSelector("code.mask")).getText());
            assertEquals(f.path("maintainers").path("subsystem").asText(), a.getAttribute("data-subsystem"));
        }
    }

    @Test
    void filtersShowExactlyWhatTheyName() {
        Choice rule = new Choice("filter-rule");
        Choice level = new Choice("filter-level");
        Choice subsystem = new Choice("filter-subsystem");
        int n = json.path("findings").size();
        try {
            for (Map.Entry<String, Integer> e : countBy("ruleId").entrySet()) {
                rule.selectByValue(e.getKey());
                List<WebElement> v = visible();
                assertEquals(e.getValue(), v.size(), e.getKey());
                for (WebElement a : v) assertEquals(e.getKey(), a.getAttribute("data-rule"));
                assertEquals(e.getValue() + " of " + n + " findings shown", browser.findElement(By.id("shown")).getText());
            }
            rule.selectByValue("");
            for (Map.Entry<String, Integer> e : countBy("level").entrySet()) {
                level.selectByValue(e.getKey());
                assertEquals(e.getValue(), visible().size(), e.getKey());
            }
            level.selectByValue("");
            Map<String, Integer> bySubsystem = countBy("subsystem");
            assertTrue(bySubsystem.size() >= 2, "the fixture tree has findings in two subsystems: " + bySubsystem);
            for (Map.Entry<String, Integer> e : bySubsystem.entrySet()) {
                if (e.getKey().isEmpty()) continue;
                subsystem.selectByValue(e.getKey());
                assertEquals(e.getValue(), visible().size(), e.getKey());
            }
            // two filters at once: the findings of one rule in one subsystem
            String s = bySubsystem.keySet().stream().filter(k -> !k.isEmpty()).findFirst().orElseThrow();
            subsystem.selectByValue(s);
            String r = json.path("findings").findValuesAsText("ruleId").get(0);
            rule.selectByValue(r);
            long both = 0;
            for (JsonNode f : json.path("findings")) {
                if (f.path("ruleId").asText().equals(r) && f.path("maintainers").path("subsystem").asText().equals(s)) both++;
            }
            assertEquals(both, visible().size());
            if (both == 0) assertTrue(browser.findElement(By.id("none")).isDisplayed());
        } finally {
            rule.selectByValue("");
            level.selectByValue("");
            subsystem.selectByValue("");
        }
        assertEquals(n, visible().size());
    }

    @Test
    void aRuleRowFiltersAndAnAnchorRevealsItsFinding() {
        Map<String, Integer> byRule = countBy("ruleId");
        String r = byRule.keySet().iterator().next();
        WebElement row = browser.findElement(By.cssSelector("#by-rule tr[data-value='" + r + "']"));
        row.click();
        assertEquals(r, new Choice("filter-rule").value());
        assertEquals(byRule.get(r), visible().size());
        // a link to a finding of another rule: the filters let go and it is shown
        WebElement other = null;
        for (WebElement a : browser.findElements(By.cssSelector("article.finding"))) {
            if (!a.getAttribute("data-rule").equals(r)) {
                other = a;
                break;
            }
        }
        assertNotNull(other, "the fixtures have findings of more than one rule");
        assertFalse(other.isDisplayed());
        ((JavascriptExecutor) browser).executeScript("location.hash = arguments[0];", other.getAttribute("id"));
        assertTrue(other.isDisplayed());
        assertEquals(json.path("findings").size(), visible().size());
    }

    @Test
    void aCallChainOpens() {
        WebElement chain = null;
        int i = 0;
        for (JsonNode f : json.path("findings")) {
            if (f.path("callChain").size() > 0) {
                chain = browser.findElements(By.cssSelector("article.finding")).get(i).findElement(By.cssSelector("details.chain"));
                break;
            }
            i++;
        }
        assertNotNull(chain, "a fixture finding has a call chain");
        int steps = json.path("findings").get(i).path("callChain").size();
        assertFalse(chain.findElement(By.tagName("ol")).isDisplayed());
        chain.findElement(By.tagName("summary")).click();
        assertTrue(chain.findElement(By.tagName("ol")).isDisplayed());
        assertEquals(steps, chain.findElements(By.tagName("li")).size());
    }

    @Test
    void theConsoleHasNoErrors() {
        // after the other tests' clicks too (the order of the tests does not matter: each leaves the page as it found it)
        List<String> bad = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) bad.add(e.getLevel() + " " + e.getMessage());
        }
        assertEquals(List.of(), bad);
        Object errors = ((JavascriptExecutor) browser).executeScript("return document.querySelectorAll('script[src], link[href]').length;");
        assertEquals(0L, errors, "nothing is fetched: no external script or stylesheet");
    }

    /** A select element of the page, chosen as a user would: by clicking one of its options. */
    private static final class Choice {
        private final WebElement select;

        Choice(String id) {
            select = browser.findElement(By.id(id));
        }

        void selectByValue(String value) {
            for (WebElement o : select.findElements(By.tagName("option"))) {
                if (value.equals(o.getAttribute("value"))) {
                    select.click();
                    o.click();
                    return;
                }
            }
            throw new AssertionError("no option " + value + " in #" + select.getAttribute("id"));
        }

        String value() {
            return select.getDomProperty("value");
        }
    }
}
