package vn.loa.app.amplify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.loa.app.partner.PartnerApiTest;
import vn.loa.app.publishing.PublishEngine;
import vn.loa.connectors.Platform;
import vn.loa.connectors.sandbox.PlatformSandbox;

/** Content packs over HTTP: built and downloaded, tracked links, shares confirmed, auto-publish, rapid push. */
class AmplifyApiTest extends PartnerApiTest {

    private static final HttpClient RAW = HttpClient.newHttpClient();

    @Autowired
    private LinkClicks clicks;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PublishEngine engine;

    @Autowired
    private PlatformSandbox sandbox;

    @Autowired
    private ShareEngagementReader shareReader;

    private long approvedItem(long campaign, boolean withMedia) {
        var body = new LinkedHashMap<String, Object>();
        body.put("campaignId", campaign);
        body.put("title", "Hà Nội mở thêm 10 vườn hoa");
        body.put("body", "Mười vườn hoa mới đón người dân từ hôm nay.");
        body.put("link", "https://hanoi.gov.vn/tin/vuon-hoa?id=7");
        body.put("tags", List.of("vùng xanh", "Hà Nội"));
        body.put("media", withMedia ? List.of("http://localhost:" + port + "/css/loa.css") : List.of());
        var res = as("planner").post("/api/content", body);
        assertCreated(res);
        assertThat(as("planner")
                        .post("/api/content/" + res.id() + "/submit", null)
                        .status())
                .isEqualTo(200);
        assertThat(as("approver")
                        .post("/api/content/" + res.id() + "/approve", null)
                        .status())
                .isEqualTo(200);
        return res.id();
    }

    private long campaign() {
        return campaign("society", List.of(channel("FACEBOOK", "UBND Hà Nội")));
    }

    private List<Long> build(long item, List<Long> pages) {
        var res = as("planner").post("/api/content/" + item + "/packs", Map.of("pageIds", pages));
        assertCreated(res);
        var ids = new ArrayList<Long>();
        res.body().path("packs").forEach(p -> ids.add(p.path("id").asLong()));
        return ids;
    }

    private HttpResponse<String> click(String code, String userAgent) throws IOException, InterruptedException {
        return RAW.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/l/" + code))
                        .header("User-Agent", userAgent)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPackIsBuiltPerSelectedPageAndDownloadedAsAZip() throws IOException {
        var district = organisation("Quận đoàn " + unique(), "DISTRICT", partnerOrg());
        var facebook = selectedPage(district, "FACEBOOK", 60_000);
        var zalo = selectedPage(district, "ZALO", 70_000);
        var item = approvedItem(campaign(), true);

        var packs = build(item, List.of(facebook, zalo));
        assertThat(packs).hasSize(2);
        var again = as("planner").post("/api/content/" + item + "/packs", Map.of("pageIds", List.of(facebook)));
        assertThat(again.body().path("packs").size()).isZero();
        assertThat(again.body().path("alreadyPacked").get(0).asLong()).isEqualTo(facebook);

        var pack = as("partner").get("/api/packs/" + packs.get(0)).body();
        assertThat(pack.path("status").asString()).isEqualTo("OFFERED");
        var link = pack.path("trackedLink").asString();
        assertThat(link).matches("http://localhost:8080/l/[A-Za-z0-9]{8}");
        var fbText = pack.path("texts").get(0);
        assertThat(fbText.path("platform").asString()).isEqualTo("FACEBOOK");
        assertThat(fbText.path("body").asString()).contains("Mười vườn hoa", link, "#vùngxanh #HàNội");
        assertThat(pack.path("trackedUrl").asString())
                .startsWith("https://hanoi.gov.vn/tin/vuon-hoa?id=7&utm_source=trang-p")
                .contains("&utm_medium=facebook&utm_campaign=chien-dich-");

        var zip = RAW.sendAsync(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/packs/" + packs.get(0) + "/download"))
                                .header("Authorization", basic("partner"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .join();
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        var entries = new HashMap<String, String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsKeys("manifest.json", "texts/facebook.txt", "media/01-loa.css");
        assertThat(entries.get("texts/facebook.txt")).contains(link);
        assertThat(entries.get("manifest.json")).contains("\"file\" : \"media/01-loa.css\"", link);
        assertThat(entries.get("media/01-loa.css")).isNotBlank();

        // Another organisation's admin sees none of it.
        var otherName = "Huyện đoàn " + unique();
        organisation(otherName, "DISTRICT", null);
        var stranger = "stranger-" + unique();
        partnerAdmin(stranger, otherName);
        assertThat(as(stranger).get("/api/packs/" + packs.get(0)).status()).isEqualTo(404);
        assertThat(as(stranger).get("/api/packs/" + packs.get(0) + "/download").status())
                .isEqualTo(404);
        assertThat(as(stranger)
                        .get("/api/packs?contentId=" + item)
                        .body()
                        .path("totalItems")
                        .asLong())
                .isZero();
        assertThat(as("partner")
                        .get("/api/packs?contentId=" + item)
                        .body()
                        .path("totalItems")
                        .asLong())
                .isEqualTo(2);
        // The partner admin was told.
        assertThat(as("partner").get("/api/notifications").body().path("items").findValuesAsString("packId"))
                .contains(String.valueOf(packs.get(0)));
    }

    @Test
    void trackedLinksRedirectWithUtmAndCountHumansAndBotsApart() throws Exception {
        var page = selectedPage(organisation("Đoàn phường " + unique(), "WARD", partnerOrg()), "FACEBOOK", 60_000);
        var pack = build(approvedItem(campaign(), false), List.of(page)).get(0);
        var code = as("planner").get("/api/packs/" + pack).field("trackedLink").replaceAll(".*/l/", "");

        var res = click(code, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)");
        assertThat(res.statusCode()).isEqualTo(302);
        assertThat(res.headers().firstValue("Location").orElseThrow())
                .startsWith("https://hanoi.gov.vn/tin/vuon-hoa?id=7&utm_source=")
                .contains("&utm_medium=facebook&utm_campaign=chien-dich-");
        click(code, "Mozilla/5.0 (Linux; Android 14)");
        click(code, "Mozilla/5.0 (Windows NT 10.0)");
        click(code, "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)");

        var unknown = click("zzzzzzzz", "Mozilla/5.0");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(unknown.body()).contains("Không tìm thấy liên kết");
        assertThat(click("bad", "Mozilla/5.0").statusCode()).isEqualTo(404);

        clicks.flush();
        var counts = jdbc.sql("SELECT SUM(clicks), SUM(bot_clicks) FROM link_click_daily WHERE pack_id = ?")
                .param(pack)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        assertThat(counts).containsExactly(3, 1);
        // No address and no user agent is stored anywhere: the table has counts only.
        var columns = jdbc.sql(
                        "SELECT LOWER(column_name) FROM information_schema.columns WHERE LOWER(table_name) = 'link_click_daily'")
                .query(String.class)
                .list();
        assertThat(columns).containsExactlyInAnyOrder("pack_id", "stat_day", "clicks", "bot_clicks");
    }

    @Test
    void aShareIsConfirmedByItsAddressOnceAndForeignOrMalformedAddressesAreRefused() {
        var ward = organisation("Đoàn phường " + unique(), "WARD", partnerOrg());
        var page = selectedPage(ward, "FACEBOOK", 60_000);
        var external = as("planner").get("/api/partners/pages/" + page).field("externalId");
        var item = approvedItem(campaign(), false);
        var pack = build(item, List.of(page)).get(0);

        var foreign = as("partner")
                .post(
                        "/api/packs/" + pack + "/shares",
                        Map.of("url", "https://www.facebook.com/someoneelse/posts/1234567"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.error("url")).contains("'someoneelse'", "not of");
        var malformed = as("partner").post("/api/packs/" + pack + "/shares", Map.of("url", "facebook bài của tôi"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error("url")).contains("not a web address");
        var notAPost = as("partner")
                .post("/api/packs/" + pack + "/shares", Map.of("url", "https://www.facebook.com/" + external));
        assertThat(notAPost.error("url")).contains("not the address of a Facebook post");
        var youtube =
                as("partner").post("/api/packs/" + pack + "/shares", Map.of("url", "https://youtu.be/dQw4w9WgXcQ"));
        assertThat(youtube.error("url")).contains("YOUTUBE address");
        assertThat(as("partner").get("/api/packs/" + pack + "/shares").body().size())
                .isZero();
        assertThat(as("partner").get("/api/packs/" + pack).field("status")).isEqualTo("OFFERED");

        var url = "https://www.facebook.com/" + external + "/posts/987654321";
        var first = as("partner").post("/api/packs/" + pack + "/shares", Map.of("url", url));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("ownerVerified").asBoolean()).isTrue();
        var second = as("partner").post("/api/packs/" + pack + "/shares", Map.of("url", url));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(as("partner").get("/api/packs/" + pack + "/shares").body().size())
                .isEqualTo(1);
        assertThat(as("partner").get("/api/packs/" + pack).field("status")).isEqualTo("SHARED");
        var permalink = as("partner")
                .post(
                        "/api/packs/" + pack + "/shares",
                        Map.of("url", "https://m.facebook.com/story.php?story_fbid=55501&id=" + external));
        assertThat(permalink.status()).isEqualTo(201);

        // A withdrawn pack cannot be shared.
        var other = build(approvedItem(campaign(), false), List.of(page)).get(0);
        assertThat(as("planner")
                        .post("/api/packs/" + other + "/withdraw", Map.of("reason", "số liệu sai"))
                        .status())
                .isEqualTo(200);
        var late = as("partner")
                .post(
                        "/api/packs/" + other + "/shares",
                        Map.of("url", "https://www.facebook.com/" + external + "/posts/42"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(as("partner").get("/api/packs/" + other + "/shares").body().size())
                .isZero();
    }

    @Test
    void aConnectedPartnerWithAutoAcceptGetsThePackPublishedExactlyOnce() {
        var channel = channel("FACEBOOK", PARTNER_ORG);
        var external = as("admin").get("/api/channels/" + channel).field("externalId");
        assertThat(as("admin")
                        .put("/api/channels/" + channel + "/credentials", Map.of("pageToken", "sandbox-page-token"))
                        .status())
                .isEqualTo(200);
        var page = as("planner")
                .post(
                        "/api/partners/pages",
                        Map.of(
                                "organisationId",
                                partnerOrg(),
                                "platform",
                                "FACEBOOK",
                                "externalId",
                                external,
                                "url",
                                "https://www.facebook.com/" + external,
                                "displayName",
                                "Trang kết nối",
                                "followerCount",
                                90_000));
        assertCreated(page);
        assertThat(page.body().path("channelId").asLong()).isEqualTo(channel);
        as("planner").post("/api/partners/pages/" + page.id() + "/status", Map.of("status", "SELECTED"));
        assertThat(as("partner")
                        .put("/api/partners/pages/" + page.id() + "/auto-accept", Map.of("autoAccept", true))
                        .status())
                .isEqualTo(200);

        var item = approvedItem(campaign("society", List.of(channel)), false);
        var pack = build(item, List.of(page.id())).get(0);
        var view = as("partner").get("/api/packs/" + pack).body();
        assertThat(view.path("status").asString()).isEqualTo("ACCEPTED");
        var delivery = view.path("deliveryId").asLong();

        engine.publishDueNow();
        engine.publishDueNow();
        assertThat(as("planner").get("/api/deliveries/" + delivery).field("status"))
                .isEqualTo("PUBLISHED");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        "SHARED".equals(as("partner").get("/api/packs/" + pack).field("status")));
        var shares = as("partner").get("/api/packs/" + pack + "/shares").body();
        assertThat(shares.size()).isEqualTo(1);
        assertThat(shares.get(0).path("method").asString()).isEqualTo("PUBLISHED_BY_LOA");
        var posts = sandbox.state().postsOf(Platform.FACEBOOK, external);
        assertThat(posts).hasSize(1);
    }

    @Test
    void aRebuttalOnTheOfficialChannelIsPushedToEverySelectedPartnerAtOnce() {
        var official = officialFacebookPage("Hà Nội chính thức " + unique());
        var ward = organisation("Đoàn phường " + unique(), "WARD", partnerOrg());
        var a = selectedPage(ward, "FACEBOOK", 60_000);
        var b = selectedPage(ward, "ZALO", 60_000);
        var campaign = campaign("security", List.of(official));
        var body = new LinkedHashMap<String, Object>();
        body.put("campaignId", campaign);
        body.put("title", "Cải chính: tin đồn cấm đường là sai sự thật");
        body.put("body", "Thành phố không cấm đường như tin đồn trên mạng.");
        body.put("link", "https://hanoi.gov.vn/cai-chinh/" + unique());
        body.put("rebuttal", true);
        var item = as("planner").post("/api/content", body);
        assertCreated(item);
        as("planner").post("/api/content/" + item.id() + "/submit", null);
        as("approver").put("/api/me/on-duty", Map.of("onDuty", true));
        assertThat(as("approver")
                        .post("/api/content/" + item.id() + "/approve", null)
                        .status())
                .isEqualTo(200);
        as("approver").put("/api/me/on-duty", Map.of("onDuty", false));

        engine.publishDueNow();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> as("planner")
                                .get("/api/packs?contentId=" + item.id() + "&size=200")
                                .body()
                                .path("totalItems")
                                .asLong()
                        >= 2);
        var packs = as("planner")
                .get("/api/packs?contentId=" + item.id() + "&size=200")
                .body()
                .path("items");
        var ours = new HashMap<Long, JsonNode>();
        for (var p : packs) {
            ours.put(p.path("page").path("id").asLong(), p);
        }
        assertThat(ours).containsKeys(a, b);
        var pack = ours.get(a);
        assertThat(pack.path("rapid").asBoolean()).isTrue();
        assertThat(Duration.between(
                        OffsetDateTime.parse(pack.path("windowFrom").asString()),
                        OffsetDateTime.parse(pack.path("windowTo").asString())))
                .isEqualTo(Duration.ofMinutes(60));
        assertThat(pack.path("officialPublishedAt").isMissingNode()).isFalse();
        var kinds = as("partner").get("/api/notifications?unread=true").body().path("items");
        assertThat(kinds.findValuesAsString("kind")).contains("RAPID_PACK");

        // Pushed once: a second look (the sweep) finds nothing more to do.
        engine.publishDueNow();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM content_pack WHERE content_id = ? AND page_id = ?")
                        .params(item.id(), a)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        retire(official);
    }

    @Test
    void resultsPerPartnerCountSharesDelayClicksAndReachWithinTheAdminsOwnOrganisations() throws Exception {
        var districtName = "Quận đoàn " + unique();
        var district = organisation(districtName, "DISTRICT", partnerOrg());
        var ward = organisation("Đoàn phường " + unique(), "WARD", district);
        var otherName = "Huyện đoàn " + unique();
        var other = organisation(otherName, "DISTRICT", null);
        var pd = selectedPage(district, "FACEBOOK", 60_000);
        var pw = selectedPage(ward, "FACEBOOK", 60_000);
        var po = selectedPage(other, "FACEBOOK", 60_000);
        var campaign = campaign();
        var packs = build(approvedItem(campaign, false), List.of(pd, pw, po));
        var byPage = new HashMap<Long, JsonNode>();
        for (var id : packs) {
            var p = as("planner").get("/api/packs/" + id).body();
            byPage.put(p.path("page").path("id").asLong(), p);
        }

        // The district shares after 30 minutes, the ward after 90: the median delay is 60 minutes.
        clock.advance(Duration.ofMinutes(30));
        share(byPage.get(pd), "111");
        clock.advance(Duration.ofMinutes(60));
        share(byPage.get(pw), "222");
        var code = byPage.get(pd).path("trackedLink").asString().replaceAll(".*/l/", "");
        click(code, "Mozilla/5.0 (iPhone)");
        click(code, "Mozilla/5.0 (Android)");
        click(code, "facebookexternalhit/1.1");
        clicks.flush();
        // What the engagement job read of the district's share.
        jdbc.sql("UPDATE share_engagement SET reach = 500, views = 800, interactions = 40, read_at = CURRENT_TIMESTAMP"
                        + " WHERE share_id IN (SELECT id FROM partner_share WHERE pack_id = ?)")
                .param(byPage.get(pd).path("id").asLong())
                .update();

        var all = as("planner")
                .get("/api/partners/results?campaignId=" + campaign)
                .body();
        var total = all.path("total");
        assertThat(total.path("packs").asLong()).isEqualTo(3);
        assertThat(total.path("shared").asLong()).isEqualTo(2);
        assertThat(total.path("medianShareDelayMinutes").asDouble()).isEqualTo(60.0);
        assertThat(total.path("clicks").asLong()).isEqualTo(2);
        assertThat(total.path("botClicks").asLong()).isEqualTo(1);
        assertThat(total.path("reach").asLong()).isEqualTo(500);
        assertThat(total.path("interactions").asLong()).isEqualTo(40);
        assertThat(all.path("organisations").findValuesAsString("name")).contains(districtName, otherName);
        assertThat(all.path("pages").size()).isEqualTo(3);
        assertThat(all.path("pages").get(0).path("pageId").asLong())
                .as("the page whose share gathered most comes first")
                .isEqualTo(pd);

        // The district's admin sees the district and its ward, never the other district.
        var districtAdmin = "qd-" + unique();
        partnerAdmin(districtAdmin, districtName);
        var own = as(districtAdmin)
                .get("/api/partners/results?campaignId=" + campaign)
                .body();
        assertThat(own.path("total").path("packs").asLong()).isEqualTo(2);
        assertThat(own.path("organisations").findValuesAsString("name")).doesNotContain(otherName);
        assertThat(as(districtAdmin)
                        .get("/api/partners/results?organisationId=" + other)
                        .status())
                .isEqualTo(404);
        var wardOnly = as(districtAdmin)
                .get("/api/partners/results?organisationId=" + ward)
                .body();
        assertThat(wardOnly.path("total").path("packs").asLong()).isEqualTo(1);
        assertThat(wardOnly.path("total").path("medianShareDelayMinutes").asDouble())
                .isEqualTo(90.0);
        var otherAdmin = "hd-" + unique();
        partnerAdmin(otherAdmin, otherName);
        assertThat(as(otherAdmin)
                        .get("/api/partners/results?campaignId=" + campaign)
                        .body()
                        .path("total")
                        .path("packs")
                        .asLong())
                .isEqualTo(1);
        var backwards = as("planner").get("/api/partners/results?from=2026-12-10&to=2026-12-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.error("to")).contains("before");

        // The campaign report and its exports carry the partner section.
        var report = as("leader").get("/api/reports/campaigns/" + campaign).body();
        assertThat(report.path("amplification").path("total").path("shared").asLong())
                .isEqualTo(2);
        var csv = as("leader").get("/api/reports/campaigns/" + campaign + "/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains("Đối tác chia sẻ: theo đơn vị", districtName, "60,0");
        for (var format : List.of("xlsx", "pdf")) {
            var file = RAW.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/campaigns/" + campaign
                                    + "/export?format=" + format))
                            .header("Authorization", basic("leader"))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body().length).isGreaterThan(1000);
        }
        var period = as("leader")
                .get("/api/reports/period?from=2026-01-01&to=2026-12-31")
                .body();
        assertThat(period.path("amplification").path("total").path("packs").asLong())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void theEngagementJobReadsSharesWhereThePlatformAllowsAndRefreshesFollowerCounts() {
        // A partner page Loa holds the token of (linked to a connected channel), and one it does not.
        var external = String.valueOf(7_000_000_000L + unique());
        var channel = as("admin")
                .post(
                        "/api/channels",
                        Map.of(
                                "platform",
                                "FACEBOOK",
                                "externalId",
                                external,
                                "displayName",
                                "Tuổi trẻ " + external,
                                "role",
                                "PARTNER",
                                "followerCount",
                                1,
                                "organisation",
                                PARTNER_ORG));
        assertCreated(channel);
        as("admin").put("/api/channels/" + channel.id() + "/credentials", Map.of("pageToken", "sandbox-page-token"));
        var linked = as("planner")
                .post(
                        "/api/partners/pages",
                        Map.of(
                                "organisationId",
                                partnerOrg(),
                                "platform",
                                "FACEBOOK",
                                "externalId",
                                external,
                                "url",
                                "https://www.facebook.com/" + external,
                                "displayName",
                                "Tuổi trẻ " + external,
                                "followerCount",
                                1));
        assertCreated(linked);
        as("planner")
                .post("/api/partners/pages/" + linked.id() + "/status", Map.of("status", "SELECTED", "reason", "thử"));
        var unlinked = selectedPage(organisation("Đoàn phường " + unique(), "WARD", partnerOrg()), "FACEBOOK", 60_000);
        var campaign = campaign();
        var packs = build(approvedItem(campaign, false), List.of(linked.id(), unlinked));
        var byPage = new HashMap<Long, JsonNode>();
        for (var id : packs) {
            var p = as("planner").get("/api/packs/" + id).body();
            byPage.put(p.path("page").path("id").asLong(), p);
        }
        // The partner posted by hand on its own page: the post is on the platform.
        var post = sandbox.state().seedPost(Platform.FACEBOOK, external, null, "Chia sẻ", clock.instant());
        share(byPage.get(linked.id()), post.substring(post.indexOf('_') + 1));
        share(byPage.get(unlinked), "4242");

        clock.advance(Duration.ofMinutes(45));
        var tally = shareReader.run(10_000);
        assertThat(tally.read()).isGreaterThanOrEqualTo(1);
        var counts = sandbox.state().counts(sandbox.state().find(post).orElseThrow());
        var read = jdbc.sql(
                        "SELECT e.interactions, e.views, e.reads_done, e.next_read_at, e.note FROM share_engagement e"
                                + " JOIN partner_share s ON s.id = e.share_id WHERE s.pack_id = ?")
                .param(byPage.get(linked.id()).path("id").asLong())
                .query((rs, n) -> List.of(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getObject(4) != null,
                        String.valueOf(rs.getString(5))))
                .single();
        assertThat(read.get(0)).isEqualTo(counts.reactions() + counts.comments() + counts.shares());
        assertThat((Long) read.get(0)).isPositive();
        assertThat(read.get(2)).isEqualTo(1L);
        assertThat(read.get(3)).as("a next read is planned").isEqualTo(true);
        var note = jdbc.sql("SELECT e.note FROM share_engagement e JOIN partner_share s ON s.id = e.share_id"
                        + " WHERE s.pack_id = ? AND e.next_read_at IS NULL AND e.read_at IS NULL")
                .param(byPage.get(unlinked).path("id").asLong())
                .query(String.class)
                .single();
        assertThat(note).contains("Page Public Content Access");

        var results = as("planner")
                .get("/api/partners/results?campaignId=" + campaign)
                .body();
        assertThat(results.path("total").path("interactions").asLong()).isEqualTo(read.get(0));
        // The linked page's follower count now comes from the platform, kept per day.
        var page = as("planner").get("/api/partners/pages/" + linked.id()).body();
        assertThat(page.path("followerCount").asLong())
                .isEqualTo(sandbox.state().followers(external));
        assertThat(as("planner")
                        .get("/api/partners/pages/" + linked.id() + "/followers")
                        .body()
                        .size())
                .isEqualTo(1);
        // Read on the cadence: nothing more is due right away.
        assertThat(shareReader.run(10_000).read()).isZero();
    }

    @Test
    void youTubeSharesAndSubscriberCountsAreReadWithAnyConnectedYouTubeChannelsCredentials() {
        var officialId = "UCoff" + unique();
        var official = as("admin")
                .post(
                        "/api/channels",
                        Map.of(
                                "platform",
                                "YOUTUBE",
                                "externalId",
                                officialId,
                                "displayName",
                                "Hà Nội TV " + unique(),
                                "role",
                                "OFFICIAL",
                                "followerCount",
                                300_000,
                                "organisation",
                                "UBND Hà Nội"));
        assertCreated(official);
        assertThat(as("admin")
                        .put(
                                "/api/channels/" + official.id() + "/credentials",
                                Map.of(
                                        "clientId",
                                        "sandbox-client",
                                        "clientSecret",
                                        "sandbox-secret",
                                        "refreshToken",
                                        "sandbox-refresh." + officialId,
                                        "projectId",
                                        "sandbox-project"))
                        .status())
                .isEqualTo(200);
        try {
            // A partner's YouTube channel Loa holds no token for, and a video it posted.
            var page = selectedPage(organisation("Đoàn trường " + unique(), "UNIT", partnerOrg()), "YOUTUBE", 60_000);
            var external = as("planner").get("/api/partners/pages/" + page).field("externalId");
            var pack = build(approvedItem(campaign(), false), List.of(page)).get(0);
            var video = sandbox.state().seedPost(Platform.YOUTUBE, external, "Vườn hoa", "Chia sẻ", clock.instant());
            jdbc.sql("INSERT INTO partner_share (pack_id, page_id, url, post_id, method, owner_verified,"
                            + " shared_at, recorded_by) VALUES (?, ?, ?, ?, 'CONFIRMED_URL', FALSE, ?, 'partner')")
                    .params(
                            pack,
                            page,
                            "https://www.youtube.com/watch?v=" + video,
                            video,
                            clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            jdbc.sql("INSERT INTO share_engagement (share_id, next_read_at)"
                            + " SELECT id, shared_at FROM partner_share WHERE pack_id = ?")
                    .param(pack)
                    .update();

            clock.advance(Duration.ofMinutes(45));
            shareReader.run(10_000);
            var counts = sandbox.state().counts(sandbox.state().find(video).orElseThrow());
            var read = jdbc.sql("SELECT e.views FROM share_engagement e JOIN partner_share s ON s.id = e.share_id"
                            + " WHERE s.pack_id = ? AND e.read_at IS NOT NULL")
                    .param(pack)
                    .query(Long.class)
                    .single();
            assertThat(read).isEqualTo(counts.views()).isPositive();
            assertThat(as("planner")
                            .get("/api/partners/pages/" + page)
                            .body()
                            .path("followerCount")
                            .asLong())
                    .isEqualTo(sandbox.state().followers(external));
        } finally {
            retire(official.id());
        }
    }

    private void share(JsonNode pack, String post) {
        var external = as("planner")
                .get("/api/partners/pages/" + pack.path("page").path("id").asLong())
                .field("externalId");
        var res = as("planner")
                .post(
                        "/api/packs/" + pack.path("id").asLong() + "/shares",
                        Map.of("url", "https://www.facebook.com/" + external + "/posts/" + post));
        assertThat(res.status()).isEqualTo(201);
    }

    /** Other tests' rebuttals go to every active official channel: this one must not be among them. */
    private void retire(long channel) {
        jdbc.sql("UPDATE channel SET active = FALSE WHERE id = ?")
                .param(channel)
                .update();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
