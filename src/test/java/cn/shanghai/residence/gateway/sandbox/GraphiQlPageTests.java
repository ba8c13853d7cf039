package cn.shanghai.residence.gateway.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.shanghai.residence.gateway.support.GatewayIntegrationTests;
import cn.shanghai.residence.gateway.support.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL works with no internet: headless Chromium (Debian's) that can resolve nothing but localhost signs in as a
 * persona on the sandbox page, runs the home query in GraphiQL and sees her answer, with no file refused by the
 * page's security policy.
 */
class GraphiQlPageTests extends GatewayIntegrationTests {


    /** A guard against waiting for ever, not a latency limit: each wait ends as soon as the page shows it. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(1);

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        HeadlessChromium.assumeInstalled();
        browser = HeadlessChromium.open(1400, 1000);
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

        HeadlessChromium.screenshot(browser, "graphiql");
    }
}
