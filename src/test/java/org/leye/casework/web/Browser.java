package org.leye.casework.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.leye.casework.support.TestGraduates;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium driven by Debian's ChromeDriver, with helpers for our pages. */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    Browser(int port) throws IOException {
        System.setProperty("webdriver.chrome.driver", BrowserAvailable.CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("leye-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserAvailable.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1366,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserAvailable.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1366, 900));
        base = "http://localhost:" + port;
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    void login(String username) {
        login(username, "demo");
    }

    /** Signs in with the login form: a demo user's password is {@code demo}; another user's their own. */
    void login(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        fill("username", username);
        fill("password", password);
        click("login");
    }

    void logout() {
        click("logout");
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String id) {
        return byId(id).getText();
    }

    void fill(String id, String value) {
        WebElement e = byId(id);
        e.clear();
        e.sendKeys(value);
    }

    void choose(String id, String value) {
        new Select(byId(id)).selectByValue(value);
    }

    /** Clicks; a button or link that leaves the page is waited for until the next page has loaded. */
    void click(String id) {
        click(byId(id));
    }

    void click(WebElement element) {
        String tag = element.getTagName();
        if (!"button".equals(tag) && !"a".equals(tag)) {
            element.click();
            return;
        }
        // the page in the window is marked before the click; the next page is one without the mark
        // whose document has loaded. (Waiting for the old <html> to go stale races the navigation:
        // ChromeDriver may answer "Node with given id does not belong to the document" instead of
        // "stale element" while the old document is being torn down.)
        String mark = TestGraduates.tag();
        driver.executeScript("window.leyeBrowserPage = arguments[0]", mark);
        // in the middle of the window first: a page whose layout changed since (a chart drawn, a
        // full-page screenshot taken) is not clicked at a stale position
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
        String before = driver.getCurrentUrl();
        String described = element.getAttribute("outerHTML");
        element.click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(WebDriverException.class)
                    .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript(
                            "return window.leyeBrowserPage === arguments[0] ? 'same page' : document.readyState",
                            mark)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("clicking " + described + " on " + before
                    + " did not lead to a loaded page (now " + driver.getCurrentUrl() + ")", e);
        }
    }

    /** A full-page screenshot under target/screenshots/ (at most 4,000 px high), from the top of the page. */
    @SuppressWarnings("unchecked")
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        try {
            // the page laid out at its whole height through Chromium's device metrics, captured, and the
            // window given back (resizing the window does not always grow the page)
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            long height = Math.min((long) Math.ceil(((Number) size.get("height")).doubleValue()), 4000);
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1366, "height",
                    Math.max(height, 900), "deviceScaleFactor", 1, "mobile", false));
            try {
                driver.executeScript("window.scrollTo(0, 0)");
                Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
                Files.write(SCREENSHOTS.resolve(name + ".png"),
                        java.util.Base64.getDecoder().decode((String) shot.get("data")));
            } finally {
                driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
            return;
        } catch (RuntimeException cdpUnavailable) {
            // fall back to the window's screenshot below
        }
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1366, (int) Math.min(Math.max(height, 900), 4000)));
        driver.executeScript("window.scrollTo(0, 0)");
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new Dimension(1366, 900));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
