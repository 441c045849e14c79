package dev.gfplint.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The README's screenshot of an HTML report (run by hand, see docs/README): {@code HtmlScreenshot REPORT.html
 * OUT.png [ANCHOR]} opens the report in headless Chromium (Debian's chromium and chromedriver), with the finding
 * at ANCHOR, if given, scrolled to the top and its call chain opened, and saves the window.
 */
public final class HtmlScreenshot {
    private HtmlScreenshot() {}

    public static void main(String[] args) throws Exception {
        ChromeOptions opts = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1400,1100");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, opts);
        try {
            browser.get(Path.of(args[0]).toAbsolutePath().toUri().toString());
            if (args.length > 2) {
                WebElement f = browser.findElement(By.id(args[2]));
                for (WebElement d : f.findElements(By.cssSelector("details"))) {
                    if (d.getAttribute("class").contains("chain")) ((JavascriptExecutor) browser).executeScript("arguments[0].open = true", d);
                }
                ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true); window.scrollBy(0, -80)", f);
            }
            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, Path.of(args[1]), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }
    }
}
