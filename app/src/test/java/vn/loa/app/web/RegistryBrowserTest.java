package vn.loa.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.loa.app.partner.PartnerApiTest;

/**
 * A planner selects a page below the follower threshold on /partners: refused beside the reason
 * field until a reason is typed, then selected. The forms are boosted by htmx (the page is not
 * reloaded) and nothing on the page is refused by the strict policy.
 */
class RegistryBrowserTest extends PartnerApiTest {

    @BeforeEach
    void browserAvailable() {
        assumeTrue(Browser.available(), "chromium and chromedriver are installed by .ci/run");
    }

    @Test
    void aPlannerSelectsAPageBelowTheThresholdWithAReason() {
        var org = organisation("Đoàn phường Tràng Tiền " + unique(), "WARD", null);
        var page = page(org, "FACEBOOK", 12_000);
        try (var browser = Browser.open(port).signIn("planner", PASSWORD)) {
            var js = (JavascriptExecutor) browser.driver();
            browser.go("/partners");
            // Gone if the page reloads: the forms must be swapped in by htmx.
            js.executeScript("window.loaViolations = []; window.loaNotReloaded = true;"
                    + "document.addEventListener('securitypolicyviolation', e => window.loaViolations.push("
                    + "e.violatedDirective + ' ' + e.blockedURI));");
            var row = By.cssSelector("#page-" + page);
            browser.find(By.cssSelector("#page-" + page + " summary")).click();
            var select = By.cssSelector("#status-" + page + "-SELECTED");
            browser.find(By.cssSelector("#status-" + page + "-SELECTED button")).click();
            var error = browser.waitFor(By.cssSelector("#status-" + page + "-SELECTED #err-reason"));
            assertThat(error.getText()).contains("dưới ngưỡng 50000");
            assertThat(as("planner").get("/api/partners/pages/" + page).field("status"))
                    .isEqualTo("CANDIDATE");

            browser.find(By.id("reason-" + page + "-SELECTED")).sendKeys("Trang duy nhất của phường");
            browser.find(By.cssSelector("#status-" + page + "-SELECTED button")).click();
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector("#page-" + page + " .status"), "Được chọn"));
            assertThat(browser.find(row).getText()).contains("Trang duy nhất của phường");
            assertThat(browser.driver().findElements(select)).isEmpty();
            assertThat(as("planner").get("/api/partners/pages/" + page).field("status"))
                    .isEqualTo("SELECTED");
            assertThat(js.executeScript("return window.loaNotReloaded === true"))
                    .as("swapped by htmx, not reloaded")
                    .isEqualTo(true);
            assertThat(js.executeScript("return window.loaViolations.length"))
                    .as("nothing refused by the policy")
                    .isEqualTo(0L);
        }
    }
}
