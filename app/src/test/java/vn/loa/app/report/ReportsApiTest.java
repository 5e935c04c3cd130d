package vn.loa.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.engagement.EngagementRuns;
import vn.loa.app.support.EngineTestBase;
import vn.loa.connectors.Platform;

/** Report numbers from a known set of snapshots (what the sandbox reported at each read), and the exports. */
class ReportsApiTest extends EngineTestBase {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ownDatabase(registry, "engine_reports");
    }

    @Autowired
    EngagementRuns runs;

    @BeforeEach
    void ownCollectionRuns() {
        onlyThisTestsPostsAreReadAndRunsAreOwn();
    }

    @Test
    void theCampaignReportAddsUpWhatThePlatformsReported() throws Exception {
        var facebook = connected("FACEBOOK");
        var zalo = connected("ZALO");
        jdbc.sql("UPDATE channel SET channel_role = 'PARTNER', organisation = ? WHERE id = ?")
                .params(PARTNER_ORG, facebook)
                .update();
        var campaign = campaign("culture", List.of(facebook, zalo));
        var deliveries = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            var item = content("planner", campaign, "Lễ hội " + i + " " + unique());
            as("planner").post("/api/content/" + item + "/submit", null);
            as("approver").post("/api/content/" + item + "/approve", null);
            var made = as("planner")
                    .post(
                            "/api/content/" + item + "/schedule",
                            Map.of(
                                    "channelIds",
                                    i < 2 ? List.of(facebook) : List.of(zalo),
                                    "at",
                                    "2026-11-23T09:00:00+07:00"));
            deliveries.add(made.body().get(0).path("id").asLong());
        }
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        engine.publishDueNow();
        runs.runNow();
        clock.set(Instant.parse("2026-11-23T02:15:00Z"));
        runs.runNow();
        clock.set(Instant.parse("2026-11-23T05:00:00Z"));
        runs.runNow();

        // What the platforms said at the last read, post by post.
        long reactions = 0, comments = 0, shares = 0, views = 0, reach = 0, zaloViews = 0;
        for (var d : deliveries) {
            var ref = as("planner").get("/api/deliveries/" + d).field("externalRef");
            var post = sandbox.state().find(ref).orElseThrow();
            var c = sandbox.state().counts(post);
            if (post.platform() == Platform.FACEBOOK) {
                reactions += c.reactions();
                comments += c.comments();
                reach += c.reach();
            } else {
                zaloViews += c.views();
            }
            shares += c.shares();
            views += c.views();
        }
        var report = as("leader").get("/api/reports/campaigns/" + campaign);
        assertThat(report.status()).isEqualTo(200);
        var totals = report.body().path("totals");
        assertThat(totals.path("posts").asLong()).isEqualTo(3);
        assertThat(totals.path("reactions").asLong()).isEqualTo(reactions);
        assertThat(totals.path("comments").asLong()).isEqualTo(comments);
        assertThat(totals.path("shares").asLong()).isEqualTo(shares);
        assertThat(totals.path("views").asLong()).isEqualTo(views);
        assertThat(totals.path("reach").asLong()).isEqualTo(reach);
        assertThat(totals.path("interactions").asLong()).isEqualTo(reactions + comments + shares);
        var timeline = report.body().path("timeline");
        assertThat(timeline.size()).isEqualTo(1);
        assertThat(timeline.get(0).path("day").asString()).isEqualTo("2026-11-23");
        assertThat(timeline.get(0).path("interactions").asLong()).isEqualTo(reactions + comments + shares);
        var reachKpi = report.body().path("kpis").get(0);
        assertThat(reachKpi.path("achieved").asLong())
                .as("reach, plus views where no reach is reported")
                .isEqualTo(reach + zaloViews);
        assertThat(reachKpi.path("percent").asDouble()).isEqualTo(100.0 * (reach + zaloViews) / 100_000);
        assertThat(report.body()
                        .path("platforms")
                        .valueStream()
                        .map(p -> p.path("key").asString()))
                .containsExactlyInAnyOrder("FACEBOOK", "ZALO");
        assertThat(report.body()
                        .path("partners")
                        .valueStream()
                        .map(p -> p.path("label").asString()))
                .containsExactlyInAnyOrder(PARTNER_ORG, "UBND Hà Nội");
        assertThat(report.body().path("top").get(0).path("interactions").asLong())
                .isGreaterThanOrEqualTo(
                        report.body().path("bottom").get(0).path("interactions").asLong());
        assertThat(as("partner").get("/api/reports/campaigns/" + campaign).status())
                .isEqualTo(403);

        var best = as("leader")
                .get("/api/reports/channels/" + facebook + "/best-times")
                .body();
        assertThat(best.path("bestHour").asInt()).isEqualTo(9);
        assertThat(best.path("bestDay").asString()).isEqualTo("MONDAY");

        var period = as("leader")
                .get("/api/reports/period?from=2026-11-01&to=2026-11-30")
                .body();
        assertThat(period.path("previousFrom").asString()).isEqualTo("2026-10-02");
        assertThat(period.path("current").path("interactions").asLong())
                .isGreaterThanOrEqualTo(reactions + comments + shares);
        assertThat(as("leader").get("/api/reports/half-year?year=2026&half=2").status())
                .isEqualTo(200);
        assertThat(as("leader").get("/api/reports/half-year?year=2026&half=3").error("half"))
                .contains("must be 1");
        assertThat(as("leader").get("/api/reports/year?year=2026").status()).isEqualTo(200);

        var csv = new String(
                download("/api/reports/campaigns/" + campaign + "/export?format=csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFBáo cáo chiến dịch").contains("Tương tác," + (reactions + comments + shares));
        try (var book = new XSSFWorkbook(
                new ByteArrayInputStream(download("/api/reports/campaigns/" + campaign + "/export?format=xlsx")))) {
            assertThat(book.getSheet("Tổng hợp").getRow(7).getCell(1).getNumericCellValue())
                    .isEqualTo((double) (reactions + comments + shares));
        }
        var pdf = download("/api/reports/campaigns/" + campaign + "/export?format=pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        var text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text)
                .contains("Báo cáo chiến dịch")
                .contains("Tương tác theo ngày")
                .contains("Văn hoá");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "campaign-report.pdf"), pdf);
        assertThat(as("leader")
                        .get("/api/reports/campaigns/" + campaign + "/export?format=doc")
                        .error("format"))
                .isEqualTo("must be csv, xlsx or pdf");
    }

    @Test
    void csvExportsNeverHandASpreadsheetAFormula() throws Exception {
        var facebook = connected("FACEBOOK");
        var campaign = campaign("culture", List.of(facebook));
        var titles = List.of("=HYPERLINK(\"https://evil.example\",\"Bấm\")", "+cmd|' /C calc'!A0", "@SUM(1+1)");
        for (var title : titles) {
            var item = content("planner", campaign, title);
            as("planner").post("/api/content/" + item + "/submit", null);
            as("approver").post("/api/content/" + item + "/approve", null);
            as("planner")
                    .post(
                            "/api/content/" + item + "/schedule",
                            Map.of("channelIds", List.of(facebook), "at", "2026-11-23T09:00:00+07:00"));
        }
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        engine.publishDueNow();
        runs.runNow();

        var csv = new String(
                download("/api/reports/campaigns/" + campaign + "/export?format=csv"), StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Bấm\"\")\"")
                .contains("\"'+cmd|' /C calc'!A0\"")
                .contains("\"'@SUM(1+1)\"");
        for (var line : csv.split("\r\n")) {
            for (var cell : line.split(",")) {
                assertThat(cell)
                        .as(line)
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("@");
            }
        }
    }

    private byte[] download(String path) throws Exception {
        var token = Base64.getEncoder().encodeToString(("leader:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        var res = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Basic " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        return res.body();
    }
}
