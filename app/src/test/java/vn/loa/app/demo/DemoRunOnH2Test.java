package vn.loa.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.config.LoaProperties;
import vn.loa.app.engagement.EngagementRuns;
import vn.loa.app.support.Api;
import vn.loa.connectors.Platform;
import vn.loa.connectors.sandbox.PlatformSandbox;

/**
 * The embedded default run, as README's first command starts it: H2 in file mode, the demo
 * profile, demo data on first start, and a person signing in on the web page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DemoRunOnH2Test {

    private static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("loa-h2-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("loa"));
        // The base demo data only; the web pages' extra demo content is checked by the web tests.
        registry.add("loa.web.demo-content", () -> "false");
        // The engagement test starts its run by hand; the wall-clock cron, firing in the same minute,
        // would take that minute's run before the test's post exists.
        registry.add("loa.engagement.run-every", () -> "0 0 0 1 1 ? 2099");
    }

    @LocalServerPort
    int port;

    @Autowired
    DemoData demoData;

    @Autowired
    LoaProperties loa;

    @Test
    void healthIsUpWithoutSigningIn() {
        var health = Api.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.field("status")).isEqualTo("UP");
        assertThat(DATA.resolve("loa.mv.db")).exists();
    }

    @Test
    void demoDataHasAPlanSixThemesTwoCampaignsFourChannelsAndContentInSeveralStates() {
        var planner = Api.as(port, "planner", DemoData.PASSWORD);
        assertThat(planner.get("/api/plans").body().size()).isEqualTo(1);
        assertThat(planner.get("/api/themes")
                        .body()
                        .valueStream()
                        .map(t -> t.path("code").asString()))
                .containsExactly("politics", "economy", "culture", "society", "security", "defence");
        assertThat(planner.get("/api/campaigns").body().path("totalItems").asLong())
                .isEqualTo(2);
        var channels = planner.get("/api/channels").body();
        assertThat(channels.valueStream().map(c -> c.path("role").asString()))
                .containsExactlyInAnyOrder("OFFICIAL", "PARTNER", "PARTNER", "PARTNER");
        assertThat(planner.get("/api/content?size=50")
                        .body()
                        .path("items")
                        .valueStream()
                        .map(c -> c.path("status").asString()))
                .containsExactlyInAnyOrder(
                        "DRAFT",
                        "IN_REVIEW",
                        "APPROVED",
                        "SCHEDULED",
                        "SCHEDULED",
                        "REJECTED",
                        "PUBLISHED",
                        "PUBLISHED");
        assertThat(planner.get("/api/deliveries?size=50")
                        .body()
                        .path("items")
                        .valueStream()
                        .map(d -> d.path("scheduledAt").asString()))
                .anyMatch(at -> at.endsWith("T07:00:00+07:00"));
        // The partner network: three pages selected (the ward's below the threshold, with its reason), packs offered.
        var selection = planner.get("/api/partners/selection").body();
        assertThat(selection.path("selected").asLong()).isEqualTo(3);
        var partner = Api.as(port, "partner", DemoData.PASSWORD);
        assertThat(partner.get("/api/packs").body().path("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(partner.get("/api/partners/results")
                        .body()
                        .path("total")
                        .path("shared")
                        .asLong())
                .isEqualTo(1);
        for (var user : new String[] {"admin", "approver", "partner", "leader"}) {
            assertThat(Api.as(port, user, DemoData.PASSWORD).get("/api/me").status())
                    .isEqualTo(200);
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformSandbox sandbox;

    @Autowired
    EngagementRuns runs;

    @Test
    void engagementComesBackAndReportsExportOnH2() {
        var official = jdbc.sql("SELECT id, external_id FROM channel WHERE channel_role = 'OFFICIAL'")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        var item =
                jdbc.sql("SELECT MIN(id) FROM content_item").query(Long.class).single();
        var out = Instant.now().minus(Duration.ofHours(2));
        var ref = sandbox.state().seedPost(Platform.FACEBOOK, (String) official[1], null, "Tin đã đăng", out);
        jdbc.sql(
                        "INSERT INTO delivery (content_id, channel_id, scheduled_at, status, external_ref, published_at, created_at,"
                                + " updated_at) VALUES (?, ?, ?, 'PUBLISHED', ?, ?, ?, ?)")
                .params(
                        item,
                        official[0],
                        out.atOffset(ZoneOffset.UTC),
                        ref,
                        out.atOffset(ZoneOffset.UTC),
                        out.atOffset(ZoneOffset.UTC),
                        out.atOffset(ZoneOffset.UTC))
                .update();

        assertThat(runs.runNow()).as("this minute's collection run").isPresent();

        var interactions = jdbc.sql(
                        "SELECT l.interactions FROM engagement_latest l JOIN delivery d ON d.id = l.delivery_id"
                                + " WHERE d.external_ref = ?")
                .param(ref)
                .query(Long.class)
                .single();
        assertThat(interactions).isPositive();
        var campaign = jdbc.sql("SELECT campaign_id FROM content_item WHERE id = ?")
                .param(item)
                .query(Long.class)
                .single();
        // The listening demo's posts (another campaign) are read too.
        assertThat(jdbc.sql("SELECT SUM(interactions) FROM engagement_daily WHERE campaign_id = ?")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isEqualTo(interactions);
        var leader = Api.as(port, "leader", DemoData.PASSWORD);
        assertThat(leader.get("/api/reports/campaigns/" + campaign)
                        .body()
                        .path("totals")
                        .path("interactions")
                        .asLong())
                .isEqualTo(interactions);
    }

    @Test
    void listeningHasWatchlistsAndCommentsReadFromTheSandboxOnFirstStart() {
        var leader = Api.as(port, "leader", DemoData.PASSWORD);
        var topics = leader.get("/api/listening/topics").body();
        assertThat(topics.valueStream().map(t -> t.path("name").asString()))
                .contains(ListeningDemoData.RUMOUR, "Lừa đảo qua mạng");
        // Read through the sandbox's Facebook comment endpoint, as from the platform.
        assertThat(sandbox.requestsServedEndingWith("/comments")).isPositive();
        var posts = jdbc.sql("SELECT d.external_ref FROM post_comment c JOIN delivery d ON d.id = c.delivery_id"
                        + " GROUP BY d.external_ref")
                .query(String.class)
                .list();
        assertThat(posts).hasSize(2);
        for (var post : posts) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM post_comment c JOIN delivery d ON d.id = c.delivery_id"
                                    + " WHERE d.external_ref = ?")
                            .param(post)
                            .query(Long.class)
                            .single())
                    .isEqualTo(sandbox.state().commentsOf(post).size());
        }
        var bodies =
                jdbc.sql("SELECT body FROM post_comment").query(String.class).list();
        assertThat(bodies)
                .contains("nghe noi sap thu phi dich vu cong truc tuyen, ai biet ko")
                .contains("Bạn tôi bảo làm trên cổng bị mất phí 50 nghìn");
        var rumour = topics.valueStream()
                .filter(t -> t.path("name").asString().equals(ListeningDemoData.RUMOUR))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();
        assertThat(leader.get("/api/listening/topics/" + rumour + "/trend")
                        .body()
                        .path("total")
                        .asLong())
                .as("the rumour's mentions, with and without diacritics")
                .isEqualTo(17);
        assertThat(leader.get("/api/listening/comments/flagged").body().size()).isGreaterThan(17);
        assertThat(leader.get("/api/listening/signals").body().valueStream()).anySatisfy(s -> {
            assertThat(s.path("kind").asString()).isEqualTo("SPIKE");
            assertThat(s.path("topicId").asLong()).isEqualTo(rumour);
        });
        // Report periods are days in the city's zone: after 17:00 UTC the city is already on tomorrow.
        var today = LocalDate.now(loa.cityZone());
        assertThat(leader.get("/api/reports/period?from=" + today.minusDays(3) + "&to=" + today)
                        .body()
                        .path("listening")
                        .path("topics")
                        .valueStream())
                .anySatisfy(t -> {
                    assertThat(t.path("topicId").asLong()).isEqualTo(rumour);
                    assertThat(t.path("comments").asLong()).isEqualTo(17);
                });
    }

    @Test
    void demoDataIsLoadedOnlyOnce() throws Exception {
        demoData.run(null);
        var planner = Api.as(port, "planner", DemoData.PASSWORD);
        assertThat(planner.get("/api/plans").body().size()).isEqualTo(1);
        assertThat(planner.get("/api/campaigns").body().path("totalItems").asLong())
                .isEqualTo(2);
    }

    @Test
    void aPersonSignsInOnTheWebPageAndSeesWhatGoesOutThisWeek() throws Exception {
        var http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        var base = "http://localhost:" + port;

        var start =
                http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.uri().getPath()).isEqualTo("/login");
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(start.body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();

        var form = "username=planner&password=" + URLEncoder.encode(DemoData.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var home = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body())
                .contains("Sắp đăng trong 7 ngày tới")
                .contains("Nguyễn Thu Hà")
                .contains("Hà Nội - Thông tin chính thức")
                .contains("+07:00");

        var wrong = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        var page = wrong.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        var refused = wrong.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=planner&password=nope&_csrf="
                                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.body()).contains("Sai tên đăng nhập hoặc mật khẩu");
    }
}
