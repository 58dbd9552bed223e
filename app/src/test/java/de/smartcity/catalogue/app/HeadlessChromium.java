package de.smartcity.catalogue.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser the web page's tests drive: Chromium headless, in German, through its driver, on the app at one base
 * address; with the waits every page test needs (the page renders views after the load event, see {@link #settle()}).
 */
final class HeadlessChromium implements AutoCloseable {
    /** Debian's packages, installed by bin/test-prerequisites; named explicitly so Selenium never downloads one. */
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final String base;

    private HeadlessChromium(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A browser for the app at {@code base} (e.g. {@code http://127.0.0.1:8123}). */
    static HeadlessChromium start(String base) {
        for (String executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(executable))) {
                throw new AssertionError(executable + " is missing: the browser tests need the Debian packages chromium and "
                        + "chromium-driver (bin/test-prerequisites installs them).");
            }
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                        "--lang=de-DE");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        try {
            return new HeadlessChromium(new ChromeDriver(service, options), base);
        } catch (WebDriverException e) {
            throw new AssertionError("Headless Chromium did not start (" + CHROMIUM + " through " + CHROMEDRIVER
                    + "), so the web page could not be tested: " + e.getMessage(), e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the app and waits until its view is shown. */
    void open(String path) {
        driver.get(base + path);
        settle();
    }

    /** Waits until the page has shown what the last navigation asked for. */
    void settle() {
        new WebDriverWait(driver, PATIENCE).until(ignored -> Boolean.TRUE.equals(
                script("return document.readyState === 'complete' && !document.getElementById('inhalt').hasAttribute('aria-busy')")));
    }

    /**
     * Waits for what an action should show (back and forward, answers of the API come after the click), then for the
     * view to settle; a timeout says what the page showed instead. The page replaces parts it updates, so an element
     * gone stale while the condition looked at it means "not yet".
     */
    void waitUntil(BooleanSupplier shown) {
        new WebDriverWait(driver, PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the page shows: " + driver.findElement(By.id("inhalt")).getText())
                .until(ignored -> shown.getAsBoolean());
        settle();
    }

    /**
     * An attribute of every element a selector finds, read in one script: the page may replace the elements between
     * finding and reading them, which would make Selenium's element references stale.
     */
    @SuppressWarnings("unchecked")
    List<String> attributes(String css, String attribute) {
        return (List<String>) driver.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(node => node.getAttribute(arguments[1]))", css, attribute);
    }

    Object script(String javascript) {
        return driver.executeScript(javascript);
    }

    /** The whole page (up to 2,000 px high) as a PNG in {@code catalogue.screenshots.dir}, for docs/screenshots (see the README). */
    @SuppressWarnings("unchecked")
    void screenshot(String name) throws IOException {
        Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "scale", 1,
                        "width", size.get("width"), "height", Math.min(((Number) size.get("height")).doubleValue(), 2000))));
        Path directory = Path.of(System.getProperty("catalogue.screenshots.dir", "target/screenshots"));
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
