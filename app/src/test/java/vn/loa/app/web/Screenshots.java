package vn.loa.app.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.security.UserAccounts;
import vn.loa.app.support.Api;

/**
 * Takes the screenshots of docs/web.md: every page, on the demo run (H2, sandbox, demo data), with a
 * few weeks of engagement added so the reports have something to draw. Not part of the normal test
 * run (the name does not end in Test); run it with
 * {@code mvn -pl app -am test -Dtest=Screenshots -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class Screenshots {

    private static final Path OUT = Path.of(System.getProperty("loa.screenshots", "../docs/screenshots"));
    private static final String PASSWORD = "loa-demo-2026";
    private static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("loa-shots-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("loa"));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Test
    void everyPage() throws IOException {
        assumeTrue(Browser.available());
        engagement();
        accounts.setOnDuty("approver", true);
        try (var b = Browser.open(port)) {
            b.go("/login");
            shot(b, "01-sign-in");
            b.signIn("planner", PASSWORD);
            shot(b, "02-start");
            b.go("/calendar");
            b.waitFor(By.cssSelector(".fc-event"));
            shot(b, "03-calendar-month");
            b.find(By.cssSelector(".fc-timeGridWeek-button")).click();
            b.waitFor(By.cssSelector(".fc-timegrid-event, .fc-timegrid-col"));
            shot(b, "04-calendar-week");
            b.find(By.cssSelector(".fc-dayGridMonth-button")).click();
            b.waitFor(By.cssSelector(".fc-event[data-delivery]")).click();
            b.waitFor(By.cssSelector(".delivery-panel"));
            shot(b, "05-calendar-panel");
            b.go("/campaigns");
            shot(b, "06-campaigns");
            var first =
                    jdbc.sql("SELECT MIN(id) FROM campaign").query(Long.class).single();
            b.go("/campaigns/" + first);
            b.waitFor(By.cssSelector("[data-rendered='true']"));
            shot(b, "07-campaign");
            b.go("/compose?campaignId=" + first);
            b.find(By.id("title")).sendKeys("Hà Nội khai trương tuyến xe buýt điện mới");
            b.find(By.id("body"))
                    .sendKeys("Từ hôm nay, tuyến xe buýt điện E10 nối Long Biên với Cầu Giấy đi vào hoạt động, "
                            + "mỗi chuyến cách nhau 10 phút.");
            b.find(By.id("link")).sendKeys("https://hanoi.gov.vn/tin-tuc/xe-buyt-dien");
            b.find(By.id("media")).sendKeys("https://hanoi.gov.vn/anh/xe-buyt-dien.jpg");
            b.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector("#preview-facebook .pv-body"), "E10"));
            shot(b, "08-composer");
            b.find(By.id("tab-zalo")).click();
            b.find(By.cssSelector("[data-custom=zalo]")).click();
            var zaloTitle = b.find(By.id("zaloTitle"));
            zaloTitle.sendKeys(
                    " — tuyến buýt điện đầu tiên nối hai bờ sông Hồng, thêm chữ cho quá giới hạn tiêu đề của Zalo");
            b.waiting()
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview-zalo .pv-problems")));
            shot(b, "09-composer-limits");
            var item = jdbc.sql("SELECT MIN(d.content_id) FROM delivery d WHERE d.status = 'SCHEDULED'")
                    .query(Long.class)
                    .single();
            b.go("/content/" + item);
            shot(b, "10-item");
            b.go("/import");
            var sheet = Files.createTempFile("ke-hoach-", ".csv");
            Files.writeString(
                    sheet,
                    "campaign,title,body,link,media,tags,rebuttal\n" + first
                            + ",Tin tốt tuần 1,Nội dung,https://hanoi.gov.vn/1,https://hanoi.gov.vn/a.jpg,,no\n" + first
                            + ",,Thiếu tiêu đề,không-phải-địa-chỉ,,,no\n" + first
                            + ",Tin tốt tuần 3,Nội dung,https://hanoi.gov.vn/3,https://hanoi.gov.vn/c.jpg,,no\n",
                    StandardCharsets.UTF_8);
            b.find(By.id("file")).sendKeys(sheet.toString());
            b.find(By.id("preview")).click();
            b.waitFor(By.id("import-rows"));
            shot(b, "11-import");
        }
        try (var b = Browser.open(port).signIn("approver", PASSWORD)) {
            b.go("/review");
            shot(b, "12-review");
        }
        try (var b = Browser.open(port).signIn("admin", PASSWORD)) {
            b.go("/channels");
            shot(b, "13-channels");
            b.go("/admin");
            shot(b, "14-admin");
        }
        try (var b = Browser.open(port).signIn("leader", PASSWORD)) {
            b.go("/dashboard");
            b.waitFor(By.cssSelector("#chart-themes[data-rendered='true']"));
            shot(b, "15-dashboard");
        }
        try (var b = Browser.open(port, 375, 812).signIn("planner", PASSWORD)) {
            b.go("/calendar");
            b.waitFor(By.cssSelector(".fc-list, .fc-event"));
            shotViewport(b, "16-calendar-phone");
        }
        packsForThePartner();
        try (var b = Browser.open(port, 375, 812).signIn("partner", PASSWORD)) {
            b.go("/partner");
            b.waitFor(By.cssSelector(".pack"));
            shotViewport(b, "17-partner-phone");
            shot(b, "18-partner-phone-full");
        }
    }

    /** The demo partner's organisation with its Facebook page selected, and packs of two approved items for it. */
    private void packsForThePartner() {
        var admin = Api.as(port, "admin", PASSWORD);
        var planner = Api.as(port, "planner", PASSWORD);
        long org = -1;
        for (var o : admin.get("/api/partners/organisations").body()) {
            if ("Thành đoàn Hà Nội".equals(o.path("name").asString())) {
                org = o.path("id").asLong();
            }
        }
        if (org < 0) {
            org = planner.post("/api/partners/organisations", Map.of("name", "Thành đoàn Hà Nội", "kind", "CITY"))
                    .id();
        }
        // The demo's partner network has the page already; a database from before it does not.
        var known = admin.get("/api/partners/pages?platform=FACEBOOK")
                .body()
                .valueStream()
                .filter(p -> "100000000000002".equals(p.path("externalId").asString()))
                .findFirst();
        var page = known.isPresent()
                ? known.get().path("id").asLong()
                : planner.post(
                                "/api/partners/pages",
                                Map.of(
                                        "organisationId", org,
                                        "platform", "FACEBOOK",
                                        "externalId", "100000000000002",
                                        "url", "https://www.facebook.com/100000000000002",
                                        "displayName", "Tuổi trẻ Thủ đô",
                                        "followerCount", 128_000))
                        .id();
        planner.post("/api/partners/pages/" + page + "/status", Map.of("status", "SELECTED", "reason", "đạt tiêu chí"));
        var items = jdbc.sql("SELECT id FROM content_item WHERE status IN ('APPROVED', 'SCHEDULED') ORDER BY id")
                .query(Long.class)
                .list();
        for (var item : items.subList(0, Math.min(3, items.size()))) {
            planner.post("/api/content/" + item + "/packs", Map.of("pageIds", List.of(page)));
        }
    }

    /** Three weeks of engagement on the demo's first posts, so the dashboard and campaign report draw. */
    private void engagement() {
        var zone = ZoneId.of("Asia/Ho_Chi_Minh");
        var today = LocalDate.now(zone);
        var channels = jdbc.sql("SELECT id, platform FROM channel ORDER BY id")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .list();
        var items = jdbc.sql("SELECT i.id, i.campaign_id, c.theme_id FROM content_item i JOIN campaign c ON"
                        + " c.id = i.campaign_id ORDER BY i.id")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .list();
        var seen = new HashSet<String>();
        int k = -1;
        for (int n = 0; n < items.size() * channels.size() && k < 17; n++) {
            var item = items.get(n % items.size());
            var channel = channels.get((n / items.size()) % channels.size());
            var live = jdbc.sql("SELECT COUNT(*) FROM delivery WHERE content_id = ? AND channel_id = ?")
                    .params(item[0], channel[0])
                    .query(Long.class)
                    .single();
            if (live > 0) {
                continue; // one live delivery per item and channel
            }
            k++;
            var day = today.minusDays(20 - k);
            var at = day.atTime(7 + k % 12, 0).atZone(zone).toInstant().truncatedTo(ChronoUnit.MINUTES);
            jdbc.sql("INSERT INTO delivery (content_id, channel_id, scheduled_at, status, external_ref,"
                            + " published_at, created_at, updated_at) VALUES (?, ?, ?, 'PUBLISHED', ?, ?, ?, ?)")
                    .params(item[0], channel[0], utc(at), "shot-" + k, utc(at), utc(at), utc(at))
                    .update();
            long reactions = 400 + 97L * ((k * 7) % 13);
            long comments = 30 + 11L * (k % 5);
            long shares = 20 + 9L * (k % 7);
            long views = 4000 + 650L * ((k * 3) % 11);
            var deliveryId = jdbc.sql("SELECT id FROM delivery WHERE external_ref = ?")
                    .param("shot-" + k)
                    .query(Long.class)
                    .single();
            jdbc.sql("INSERT INTO engagement_latest (delivery_id, read_at, reactions, comments, shares, views, reach,"
                            + " interactions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            deliveryId,
                            utc(at.plusSeconds(3600)),
                            reactions,
                            comments,
                            shares,
                            views,
                            views * 2,
                            reactions + comments + shares)
                    .update();
            for (int d = 0; d < 4; d++) {
                var statDay = day.plusDays(d);
                var key = statDay + "/" + channel[0] + "/" + item[1];
                if (statDay.isAfter(today) || !seen.add(key)) {
                    continue;
                }
                var share = d == 0 ? 0.6 : d == 1 ? 0.25 : 0.1;
                jdbc.sql("INSERT INTO engagement_daily (stat_day, channel_id, campaign_id, theme_id, platform,"
                                + " reactions, comments, shares, views, reach, interactions)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                statDay,
                                channel[0],
                                item[1],
                                item[2],
                                channel[1],
                                (long) (reactions * share),
                                (long) (comments * share),
                                (long) (shares * share),
                                (long) (views * share),
                                (long) (views * 2 * share),
                                (long) ((reactions + comments + shares) * share))
                        .update();
            }
        }
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The whole page: the window grows to the page's height first (up to a limit). */
    private static void shot(Browser b, String name) {
        var height = ((Number) ((JavascriptExecutor) b.driver())
                        .executeScript(
                                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)"))
                .intValue();
        var width = b.driver().manage().window().getSize().getWidth();
        b.driver().manage().window().setSize(new Dimension(width, Math.min(Math.max(height + 120, 700), 2600)));
        b.screenshot(OUT.resolve(name + ".png"));
        b.driver().manage().window().setSize(new Dimension(width, 900));
    }

    private static void shotViewport(Browser b, String name) {
        b.screenshot(OUT.resolve(name + ".png"));
    }
}
