package vn.loa.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.loa.app.support.PostgresApiTest;

/** Bulk import in a real browser (one bad row: nothing imported), and leadership downloading the PDF. */
class ImportAndDashboardBrowserTest extends PostgresApiTest {

    @BeforeEach
    void browserAvailable() {
        assumeTrue(Browser.available(), "chromium and chromedriver are installed by .ci/run");
    }

    @Test
    void aPlanWithOneBadRowShowsTheErrorAndImportsNothingThenTheFixedPlanBecomesDrafts() throws IOException {
        var channel = channel("FACEBOOK", "UBND Thành phố Hà Nội");
        var campaign = campaign("culture", List.of(channel));
        var marker = "Nhập-" + unique();
        var bad = Files.createTempFile("ke-hoach-", ".csv");
        Files.writeString(
                bad,
                "campaign,title,body,link,media,tags,rebuttal\n"
                        + campaign + ",\"" + marker + " một\",Nội dung một,https://hanoi.gov.vn/1,,\"văn hoá\",no\n"
                        + campaign + ",,Thiếu tiêu đề,not-a-link,,,no\n"
                        + campaign + ",\"" + marker + " ba\",Nội dung ba,,,,no\n",
                StandardCharsets.UTF_8);
        try (var browser = Browser.open(port).signIn("planner", PASSWORD)) {
            browser.go("/import");
            browser.find(By.id("file")).sendKeys(bad.toString());
            browser.find(By.id("preview")).click();
            var refused = browser.waitFor(By.id("import-refused"));
            assertThat(refused.getText()).contains("1 dòng lỗi");
            var row = browser.find(By.cssSelector("#import-rows tr[data-line='3']"));
            assertThat(row.getAttribute("class")).contains("bad-row");
            assertThat(row.getText()).contains("title: là bắt buộc").contains("link: phải là địa chỉ web");
            assertThat(browser.driver().findElements(By.id("confirm-import"))).isEmpty();
            assertThat(itemsTitled(campaign, marker)).isZero();

            var good = Files.createTempFile("ke-hoach-", ".csv");
            Files.writeString(
                    good,
                    "campaign,title,body,link,media,tags,rebuttal\n"
                            + campaign + ",\"" + marker + " một\",Nội dung một,https://hanoi.gov.vn/1,,\"văn hoá\",no\n"
                            + campaign + ",\"" + marker + " hai\",Nội dung hai,https://hanoi.gov.vn/2,,,no\n",
                    StandardCharsets.UTF_8);
            browser.find(By.id("file")).sendKeys(good.toString());
            browser.find(By.id("preview")).click();
            browser.waitFor(By.id("confirm-import")).click();
            browser.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".flash.ok"), "Đã nhập 2 bản nháp"));
        }
        assertThat(itemsTitled(campaign, marker)).isEqualTo(2);
    }

    @Test
    void leadershipOpensTheDashboardAndDownloadsThePdf() throws IOException {
        var channel = channel("FACEBOOK", "UBND Thành phố Hà Nội");
        campaign("economy", List.of(channel));
        try (var browser = Browser.open(port).signIn("leader", PASSWORD)) {
            browser.go("/dashboard?kind=year&year=2026");
            browser.waitFor(By.cssSelector("#chart-themes[data-rendered='true']"));
            assertThat(browser.find(By.id("themes-table")).getText())
                    .contains("Kinh tế")
                    .contains("Văn hoá");
            browser.find(By.id("export-period-pdf")).click();
            var downloads = browser.downloads();
            await().atMost(Duration.ofSeconds(30)).until(() -> pdfIn(downloads) != null);
            var pdf = Files.readAllBytes(pdfIn(downloads));
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }

    private static Path pdfIn(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElse(null);
        }
    }

    private long itemsTitled(long campaign, String marker) {
        var items = as("planner")
                .get("/api/content?size=200&campaignId=" + campaign)
                .body()
                .path("items");
        return items.valueStream()
                .filter(i -> i.path("title").asString().startsWith(marker))
                .count();
    }
}
