package vn.loa.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.loa.app.partner.PartnerApiTest;

/**
 * A partner admin on a phone (375 x 812): sees the pack for their page, copies its text, gets the
 * address wrong once (refused beside the field), then confirms the share by pasting its address.
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
        var built = as("planner").post("/api/content/" + item.id() + "/packs", Map.of("pageIds", List.of(page)));
        assertCreated(built);
        var pack = built.body().path("packs").get(0).path("id").asLong();

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
        assertThat(as("partner").get("/api/packs/" + pack + "/shares").body().size())
                .isEqualTo(1);
    }
}
