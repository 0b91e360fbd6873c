package io.obrestore.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, which {@code .ci/run} installs when
 * missing), driven through WebDriver. No browser is downloaded: the machine's binaries are named explicitly, and the
 * flags keep Chromium off the network it cannot reach.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;

    static {
        // Selenium warns that it has no DevTools bindings for this Chromium's version; the tests use none.
        java.util.logging.Logger.getLogger("org.openqa.selenium.devtools").setLevel(Level.SEVERE);
    }

    public Browser() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("the dashboard tests need Debian's chromium and chromium-driver:"
                    + " apt-get install -y chromium chromium-driver (.ci/run installs them)");
        }
        try {
            profile = Files.createTempDirectory("obrestore-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=1280,1400");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /**
     * Waits (bounded) until {@code condition} returns something other than null or false. An element the page
     * replaced while the condition looked at it counts as "not yet": the live parts are re-rendered on every event.
     */
    public <T> T until(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            // What the page showed when the wait gave up: a failure in CI must be readable from its report alone.
            String page;
            try {
                page = driver.getCurrentUrl() + "\n" + script("return document.body.innerText.slice(0, 3000);");
            } catch (RuntimeException unreadable) {
                page = "(page unreadable: " + unreadable.getMessage() + ")";
            }
            throw new AssertionError("waited " + WAIT.toSeconds() + " s in vain; the page showed:\n" + page, e);
        }
    }

    /**
     * The text of the first element matching {@code css}, or null, read in one step inside the page. Finding an
     * element and then asking for its text are two WebDriver calls; a live part re-rendered between them would
     * leave the test holding a detached element.
     */
    public String text(String css) {
        return (String) script("const e = document.querySelector(arguments[0]);"
                + " return e === null ? null : e.innerText.trim();", css);
    }

    /** The texts of every element matching {@code css}, in document order, read in one step. */
    @SuppressWarnings("unchecked")
    public List<String> texts(String css) {
        return (List<String>) script("return Array.from(document.querySelectorAll(arguments[0]),"
                + " e => e.innerText.trim());", css);
    }

    /** The {@code value} of the first {@code <progress>} matching {@code css}, read in one step; NaN when none. */
    public double progress(String css) {
        Object value = script("const e = document.querySelector(arguments[0]);"
                + " return e === null ? null : String(e.value);", css);
        return value == null ? Double.NaN : Double.parseDouble((String) value);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits for an element matching {@code css} to exist and be displayed. */
    public WebElement visible(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /** Console messages of level SEVERE (script errors, CSP violations, failed loads) since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Saves a PNG of the window. */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new tab showing {@code url}; the previous tabs stay open. */
    public void openTab(String url) {
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        driver.get(url);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }
}
