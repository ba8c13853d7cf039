package cn.shanghai.residence.gateway.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 13's progress page in headless Chromium (Debian's, driven by Selenium; nothing downloaded, nothing leaves
 * localhost): a persona's application moves on the page when the page's own clock button moves the sandbox.
 */
class ProgressPageTests extends GatewayIntegrationTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** A guard against waiting for ever, not a latency limit: each wait ends as soon as the page shows it. */
    static final Duration HANG_GUARD = Duration.ofMinutes(1);

    @Autowired
    Watches watches;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium is not installed: as root, apt-get install -y chromium chromium-driver");
        watches.quiet().block(HANG_GUARD);
        watches.forgetUnwatched();
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400",
                "--no-proxy-server", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=zh-CN");
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
    void shouldShowTheNextTimelineStepLiveWhenThePageMovesTheSandboxClock() throws IOException {
        String id = register("ywtb-1001", "page-live");
        WebDriverWait wait = new WebDriverWait(browser, HANG_GUARD);
        browser.get("http://localhost:" + port + "/sandbox/progress");

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#persona option[value='ywtb-1001']")));
        new Select(browser.findElement(By.id("persona"))).selectByValue("ywtb-1001");
        By application = By.id("application-" + id);
        By submitted = By.cssSelector("#application-" + id + " ol.timeline li[data-status='SUBMITTED']");
        By underReview = By.cssSelector("#application-" + id + " ol.timeline li[data-status='UNDER_REVIEW']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(submitted, "已提交"));
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        watches.watchedBy("person:ywtb-1001", 1).block(HANG_GUARD); // the stream's baseline is taken
        assertThat(browser.findElements(underReview)).as("nothing reviewed before the clock moves").isEmpty();

        browser.findElement(By.id("advance-2h")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(underReview));
        assertThat(browser.findElement(underReview).getText()).startsWith("审核中");
        assertThat(browser.findElement(application).findElement(By.className("status")).getText())
                .isEqualTo("审核中");
        assertThat(browser.findElement(By.id("log")).getText()).as("told by the stream, not by a new query")
                .contains("新进度：审核中").contains("状态变更：审核中");
        assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("已连接，实时更新中");

        Path screenshot = Path.of("target", "screenshots", "progress.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** A registration that reaches review two hours after it is filed (the living sandbox's pace). */
    private String register(String persona, String key) {
        return RentedHomeRegistration.file(as(persona), LocalDate.now(clock), key);
    }
}
