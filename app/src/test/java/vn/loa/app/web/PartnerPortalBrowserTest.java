package vn.loa.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.loa.app.partner.PartnerApiTest;

/**
 * The office sends an approved item to the partner pages from its page; a partner admin on a phone
 * (375 x 812) sees the pack for their page, copies its text, gets the address wrong once (refused
 * beside the field), then confirms the share by pasting its address; the office sees it shared.
 */
class PartnerPortalBrowserTest extends PartnerApiTest {

    @BeforeEach
    void browserAvailable() {
        assumeTrue(Browser.available(), "chromium and chromedriver are installed by .ci/run");
    }

    @Test
    void aPartnerConfirmsAShareOnAPhone() {
        var ward = organisation("Đoàn phường " + unique(), "WARD", partnerOrg());
        var page = selectedPage(ward, "FACEBOOK", 60_000);
        var external = as("planner").get("/api/partners/pages/" + page).field("externalId");
        var campaign = campaign("society", List.of(channel("FACEBOOK", "UBND Hà Nội")));
        var body = new LinkedHashMap<String, Object>();
        body.put("campaignId", campaign);
        body.put("title", "Vườn hoa mới ven hồ " + unique());
        body.put("body", "Mười vườn hoa mới đón người dân từ hôm nay.");
        body.put("link", "https://hanoi.gov.vn/tin/vuon-hoa");
        var item = as("planner").post("/api/content", body);
        assertCreated(item);
        assertThat(as("planner")
                        .post("/api/content/" + item.id() + "/submit", null)
                        .status())
                .isEqualTo(200);
        assertThat(as("approver")
                        .post("/api/content/" + item.id() + "/approve", null)
                        .status())
                .isEqualTo(200);
        // The office sends the approved item to the selected partner pages from its page.
        var pageName = as("planner").get("/api/partners/pages/" + page).field("displayName");
        try (var desk = Browser.open(port).signIn("planner", PASSWORD)) {
            desk.go("/content/" + item.id());
            desk.find(By.id("send-packs")).click();
            desk.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), "Đã gửi"));
            assertThat(desk.find(By.id("item-packs")).getText()).contains(pageName, "Chờ chia sẻ");
        }
        var pack = as("planner")
                .get("/api/packs?contentId=" + item.id() + "&pageId=" + page)
                .body()
                .path("items")
                .get(0)
                .path("id")
                .asLong();

        try (var phone = Browser.open(port, 375, 812).signIn("partner", PASSWORD)) {
            phone.go("/partner");
            var card = phone.waitFor(By.id("pack-" + pack));
            assertThat(card.getText()).contains("Vườn hoa mới ven hồ");
            assertThat(phone.find(By.id("text-" + pack)).getAttribute("value")).contains("Mười vườn hoa mới");
            var width = ((Number) ((JavascriptExecutor) phone.driver())
                            .executeScript("return document.documentElement.scrollWidth"))
                    .intValue();
            assertThat(width).as("nothing wider than the phone").isLessThanOrEqualTo(375);
            phone.find(By.id("copy-" + pack)).click();

            phone.find(By.id("url-" + pack)).sendKeys("https://www.facebook.com/someoneelse/posts/1234567");
            phone.find(By.id("confirm-" + pack)).click();
            var error = phone.waitFor(By.id("err-url-" + pack));
            assertThat(error.getText()).isNotBlank();
            assertThat(phone.find(By.id("url-" + pack)).getAttribute("aria-invalid"))
                    .isEqualTo("true");

            var url = phone.find(By.id("url-" + pack));
            url.clear();
            url.sendKeys("https://www.facebook.com/" + external + "/posts/987654321");
            phone.find(By.id("confirm-" + pack)).click();
            phone.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".flash.ok"), "Đã ghi nhận bài chia sẻ"));
            phone.waitFor(By.id("done-" + pack));
        }
        assertThat(as("partner").get("/api/packs/" + pack).field("status")).isEqualTo("SHARED");
        try (var desk = Browser.open(port).signIn("planner", PASSWORD)) {
            desk.go("/content/" + item.id());
            assertThat(desk.find(By.id("item-packs")).getText()).contains(pageName, "Đã chia sẻ", "xem bài");
        }
        assertThat(as("partner").get("/api/packs/" + pack + "/shares").body().size())
                .isEqualTo(1);
    }
}
