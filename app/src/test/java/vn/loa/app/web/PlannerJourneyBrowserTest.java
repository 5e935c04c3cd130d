package vn.loa.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.loa.app.support.PostgresApiTest;

/**
 * A planner in a real browser: writes an item in the composer (previews and limits as they type),
 * submits it, an approver approves it from the queue, the planner schedules it, finds it on the
 * calendar and drags it to another day; a refused drag snaps back with the reason.
 */
class PlannerJourneyBrowserTest extends PostgresApiTest {

    private Browser browser;

    @BeforeEach
    void browser() {
        assumeTrue(Browser.available(), "chromium and chromedriver are installed by .ci/run");
        clock.set(Instant.parse("2026-11-23T01:00:00Z"));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void writeSubmitApproveScheduleFindAndDragOnTheCalendar() {
        var channel = channel("FACEBOOK", "UBND Thành phố Hà Nội");
        var campaign = campaign("society", List.of(channel));
        var title = "Lễ hội mùa thu " + unique();

        browser = Browser.open(port).signIn("planner", PASSWORD);
        browser.go("/compose?campaignId=" + campaign);
        browser.find(By.id("title")).sendKeys(title);
        browser.find(By.id("body")).sendKeys("Người dân Thủ đô hào hứng đón lễ hội.");
        browser.find(By.id("link")).sendKeys("https://hanoi.gov.vn/le-hoi");
        // The Facebook preview follows the typing.
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#preview-facebook .pv-body"), "hào hứng"));
        browser.find(By.id("save-submit")).click();
        browser.waitFor(By.id("item-title"));
        var itemUrl = browser.driver().getCurrentUrl();
        var id = Long.parseLong(itemUrl.replaceAll(".*/content/(\\d+).*", "$1"));
        assertThat(browser.find(By.id("item-status")).getText()).isEqualTo("Chờ duyệt");

        // The approver approves it from the queue, where it waits as a first review.
        try (var approver = Browser.open(port).signIn("approver", PASSWORD)) {
            approver.go("/review");
            var card = approver.waitFor(By.id("review-" + id));
            assertThat(card.getText()).contains(title).contains("Lần duyệt đầu");
            approver.find(By.id("note-" + id)).sendKeys("Đã kiểm tra số liệu");
            approver.find(By.id("approve-" + id)).click();
            approver.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Đã duyệt"));
        }
        assertThat(as("planner").get("/api/content/" + id).field("status")).isEqualTo("APPROVED");

        browser.go("/content/" + id);
        browser.find(By.id("ch-" + channel)).click();
        var at = browser.find(By.id("at"));
        at.clear();
        // datetime-local takes the digits in the field's own order (dd/mm/yyyy hh:mm for vi).
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2026-11-25T07:00'", at);
        browser.find(By.id("schedule")).click();
        browser.waitFor(By.cssSelector("#deliveries tbody tr"));
        assertThat(browser.find(By.cssSelector("#deliveries")).getText()).contains("07:00 25/11/2026");

        browser.go("/calendar");
        var event =
                browser.waitFor(By.xpath("//*[contains(@class,'fc-event')][.//*[contains(text(),'" + title + "')]]"));
        var target = browser.find(By.cssSelector("td.fc-daygrid-day[data-date='2026-11-27']"));
        new Actions(browser.driver())
                .clickAndHold(event)
                .moveByOffset(5, 5)
                .moveToElement(target)
                .moveByOffset(0, 10)
                .release()
                .perform();
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("calendar-message"), "27/11/2026"));
        var deliveries =
                as("planner").get("/api/deliveries?contentId=" + id).body().path("items");
        assertThat(deliveries.get(0).path("scheduledAt").asString()).isEqualTo("2026-11-27T07:00:00+07:00");

        // Into the past: refused, snaps back, and says why.
        var moved = browser.waitFor(By.xpath("//td[@data-date='2026-11-27']//*[contains(text(),'" + title + "')]"));
        var past = browser.find(By.cssSelector("td.fc-daygrid-day[data-date='2026-11-20']"));
        new Actions(browser.driver())
                .clickAndHold(moved)
                .moveByOffset(5, 5)
                .moveToElement(past)
                .moveByOffset(0, 10)
                .release()
                .perform();
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("calendar-message"), "Không dời được"));
        browser.waitFor(By.xpath("//td[@data-date='2026-11-27']//*[contains(text(),'" + title + "')]"));
        assertThat(as("planner")
                        .get("/api/deliveries?contentId=" + id)
                        .body()
                        .path("items")
                        .get(0)
                        .path("scheduledAt")
                        .asString())
                .isEqualTo("2026-11-27T07:00:00+07:00");
    }
}
