package cn.shanghai.residence.gateway.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * GraphiQL works with no internet: headless Chromium (Debian's) that can resolve nothing but localhost signs in as a
 * persona on the sandbox page, runs the home query in GraphiQL and sees her answer, with no file refused by the
 * page's security policy.
 */
class GraphiQlPageTests extends GatewayIntegrationTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** A guard against waiting for ever, not a latency limit: each wait ends as soon as the page shows it. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(1);

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium is not installed: as root, apt-get install -y chromium chromium-driver");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--no-proxy-server", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldRunTheHomeQueryAsAPersonaInGraphiQlWithNoInternet() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, HANG_GUARD);
        browser.get("http://localhost:" + port + "/sandbox");
        By signIn = By.xpath("//tr[td[text()='ywtb-1001']]//button");
        wait.until(ExpectedConditions.elementToBeClickable(signIn)).click();

        wait.until(ExpectedConditions.urlContains("/graphiql"));
        By execute = By.cssSelector("button.graphiql-execute-button");
        wait.until(ExpectedConditions.elementToBeClickable(execute));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".graphiql-query-editor"),
                "query home"));
        browser.findElement(execute).click();

        By result = By.cssSelector(".result-window");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(result, "\"personId\": \"ywtb-1001\""));
        assertThat(browser.findElement(result).getText()).contains("\"residenceRegistration\"")
                .doesNotContain("UNAUTHENTICATED");

        List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("ERR_"))
                .toList();
        assertThat(refused).as("files refused by the policy or not found offline").isEmpty();

        Path screenshot = Path.of("target", "screenshots", "graphiql.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
