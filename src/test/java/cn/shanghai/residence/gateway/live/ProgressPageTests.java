package cn.shanghai.residence.gateway.live;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.support.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's progress page in headless Chromium (Debian's, driven by Selenium; nothing downloaded, nothing leaves
 * localhost): a persona's application moves on the page when the page's own clock button moves the sandbox.
 */
class ProgressPageTests extends GatewayIntegrationTests {


    /** A guard against waiting for ever, not a latency limit: each wait ends as soon as the page shows it. */
    static final Duration HANG_GUARD = Duration.ofMinutes(1);

    @Autowired
    Watches watches;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        HeadlessChromium.assumeInstalled();
        watches.quiet().block(HANG_GUARD);
        watches.forgetUnwatched();
        browser = HeadlessChromium.open(1280, 1400);
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

        HeadlessChromium.screenshot(browser, "progress");
    }

    /** A registration that reaches review two hours after it is filed (the living sandbox's pace). */
    private String register(String persona, String key) {
        return RentedHomeRegistration.file(as(persona), LocalDate.now(clock), key);
    }
}
