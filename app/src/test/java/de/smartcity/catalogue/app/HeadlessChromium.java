package de.smartcity.catalogue.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The browser the web page's tests drive: Chromium headless, in German, through its driver. */
final class HeadlessChromium {
    /** Debian's packages, installed by bin/test-prerequisites; named explicitly so Selenium never downloads one. */
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {
    }

    static ChromeDriver start() {
        for (String executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(executable))) {
                throw new AssertionError(executable + " is missing: the browser tests need the Debian packages chromium and "
                        + "chromium-driver (bin/test-prerequisites installs them).");
            }
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                        "--lang=de-DE");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        try {
            return new ChromeDriver(driver, options);
        } catch (WebDriverException e) {
            throw new AssertionError("Headless Chromium did not start (" + CHROMIUM + " through " + CHROMEDRIVER
                    + "), so the web page could not be tested: " + e.getMessage(), e);
        }
    }
}
