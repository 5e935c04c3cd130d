package vn.loa.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import vn.loa.app.request.SafetyHeaders;
import vn.loa.app.support.PostgresApiTest;

/**
 * The pages under the policy Loa sends with every answer ({@link SafetyHeaders#POLICY}): scripts,
 * styles and fonts from Loa only, no inline anything. The calendar still gets its own styles
 * (through a constructed stylesheet), the charts draw, and no script or style of the pages is refused.
 */
class StrictCspBrowserTest extends PostgresApiTest {

    @BeforeEach
    void browserAvailable() {
        assumeTrue(Browser.available(), "chromium and chromedriver are installed by .ci/run");
    }

    @Test
    void calendarComposerAndDashboardWorkUnderAStrictPolicy() {
        var channel = channel("FACEBOOK", "UBND Thành phố Hà Nội");
        campaign("society", List.of(channel));
        try (var browser = Browser.open(port).signIn("planner", PASSWORD)) {
            var js = (JavascriptExecutor) browser.driver();
            browser.go("/calendar");
            watchViolations(js);
            browser.waitFor(By.cssSelector(".fc-daygrid-day"));
            assertThat(js.executeScript("return getComputedStyle(document.querySelector('.fc')).display"))
                    .as("FullCalendar's own stylesheet applies")
                    .isEqualTo("flex");
            browser.go("/compose");
            watchViolations(js);
            browser.find(By.id("title")).sendKeys("Tin thử");
            browser.waiting()
                    .until(d -> js.executeScript("return document.getElementById('previews').dataset.fresh") != null);
            browser.go("/dashboard");
            watchViolations(js);
            browser.waitFor(By.cssSelector("#chart-themes[data-rendered='true']"));
            assertThat(js.executeScript("return window.loaViolations.filter(v => v.startsWith('script')).length"))
                    .as("no script of the pages is refused")
                    .isEqualTo(0L);
            assertThat(browser.console())
                    .as("the console shows no refused script")
                    .noneMatch(
                            line -> line.contains("Refused to execute") || line.contains("Refused to load the script"));
        }
    }

    private static void watchViolations(JavascriptExecutor js) {
        js.executeScript("window.loaViolations = window.loaViolations || [];"
                + "document.addEventListener('securitypolicyviolation', e => window.loaViolations.push("
                + "e.violatedDirective + ' ' + e.blockedURI));");
    }
}
