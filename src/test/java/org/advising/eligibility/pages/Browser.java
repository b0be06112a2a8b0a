package org.advising.eligibility.pages;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.advising.eligibility.Folders;
import org.advising.eligibility.RequiredTools;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium, driven through its chromedriver (Selenium never downloads one),
 * one per test class. Every test starts on the desktop window (1280 × 900). After every test,
 * passed or failed, it saves a full-page screenshot to target/screenshots/Class-method.png. Skipped, saying why, where chromium is not installed;
 * CI installs it.
 */
final class Browser implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration POLL = Duration.ofMillis(20);

    private ChromeDriver driver;
    private Path profile;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return RequiredTools.skipIfMissing(context, Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) ? null
                : "browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    /** Every test starts on the desktop window, whatever screen the test before it emulated. */
    @Override
    public void beforeEach(ExtensionContext context) {
        screen(0, 0);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (driver != null) {
            screenshot(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (driver != null) {
            driver.quit();
        }
        // The profile Chromium wrote (a few MB per test class) goes with it: each build left its own behind in /tmp.
        // Best effort: a helper process still exiting may remove or add a file while the walk runs.
        if (profile != null) {
            try {
                Folders.delete(profile);
            } catch (IOException | UncheckedIOException e) {
                System.out.println("Browser: could not remove " + profile + ": " + e.getMessage());
            }
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a page of the service under test, e.g. "/" or "/rules.html?q=CR-5". */
    void open(String path) {
        driver.get("http://localhost:" + RestAssured.port + path);
    }

    /**
     * Waits up to 10 s for the condition, asking every 20 ms: Selenium's default of every 500 ms
     * cost each wait up to half a second after the page was ready, a few hundred times a build.
     */
    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10), POLL).until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * For each element matching {@code itemCss} inside {@code scope}, its parts, read in one call to the
     * browser instead of one a text (each call costs ~15 ms, and a card or the catalogue has hundreds of
     * texts). A part is {@code "css"}: the text of the item's first element matching css, as getText()
     * reads it (the rendered text, trimmed, "" for an element not shown); {@code "css@name"}: that
     * element's attribute; {@code "@name"}: the item's own attribute. A part that is missing fails as
     * findElement does, unless it starts with {@code "?"}: then it reads "".
     */
    List<List<String>> parts(WebElement scope, String itemCss, String... parts) {
        @SuppressWarnings("unchecked")
        List<List<String>> read = (List<List<String>>) driver.executeScript(READ_PARTS, scope, itemCss, List.of(parts));
        for (List<String> item : read) {
            for (int i = 0; i < parts.length; i++) {
                if (MISSING.equals(item.get(i))) {
                    throw new NoSuchElementException("no " + parts[i] + " in an element " + itemCss);
                }
            }
        }
        return read;
    }

    private static final String MISSING = "\u0000missing";
    /** The script of parts(): "shown" is WebDriver's test of a displayed element (display, visibility, opacity, size). */
    private static final String READ_PARTS = """
            const [scope, itemCss, parts] = arguments;
            const shown = element => {
              for (let e = element; e; e = e.parentElement) {
                const style = getComputedStyle(e);
                if (style.display === 'none' || Number(style.opacity) === 0) return false;
              }
              return getComputedStyle(element).visibility !== 'hidden' && element.getClientRects().length > 0;
            };
            const text = element => shown(element) ? element.innerText.replace(/\\u00a0/g, ' ').trim() : '';
            return [...scope.querySelectorAll(itemCss)].map(item => parts.map(part => {
              const optional = part.startsWith('?');
              const [css, name] = (optional ? part.substring(1) : part).split('@');
              const element = css ? item.querySelector(css) : item;
              if (!element) return optional ? '' : '\\u0000missing';
              return name !== undefined ? element.getAttribute(name) : text(element);
            }));
            """;

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Emulates a screen of this many CSS pixels (a phone is 390 × 844, narrower than 600 is a phone), or the desktop window again when width is 0. */
    void screen(int width, int height) {
        if (width == 0) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } else {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
        }
    }

    /** Saves the whole page, not only the visible part, as target/screenshots/name.png. */
    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), fullPageScreenshot());
    }

    /** Saves what is in view, as the reader sees it, as target/screenshots/name.png. */
    void viewportScreenshot(String name) throws IOException {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private byte[] fullPageScreenshot() {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }
}
