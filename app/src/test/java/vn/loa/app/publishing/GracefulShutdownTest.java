package vn.loa.app.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.Api;
import vn.loa.app.support.ClusterFixture;

/**
 * SIGTERM during a burst, on the embedded H2 database as a default install runs it: the engine
 * stops taking work, the attempts in flight finish and record their outcomes, then Quartz stops
 * and only then the database closes. Every post the platform received is recorded as published,
 * none is left in flight, and no "Database is already closed" appears.
 */
class GracefulShutdownTest {

    private static final String PASSWORD = "term-password-123";

    @Test
    void aTermDuringABurstLosesNoOutcome() throws Exception {
        try (var cluster = new ClusterFixture("loa_term", Duration.ofMillis(700))) {
            var work = Files.createDirectories(Path.of("target", "term-" + System.nanoTime()))
                    .toAbsolutePath();
            var log = ClusterFixture.logFile("term-node").toAbsolutePath();
            var process = cluster.startProcess(
                    "term",
                    log,
                    Map.of(
                            "loa.bootstrap-admin.username", "admin",
                            "loa.bootstrap-admin.password", PASSWORD,
                            "loa.engine.threads-per-platform", "4",
                            "logging.level.vn.loa.app.publishing", "INFO"),
                    // The default embedded H2 database in the node's working directory.
                    Set.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password"),
                    work);
            ClusterFixture.awaitStarted(process, log, Duration.ofSeconds(90));
            var port = port(Files.readString(log));
            var items = seed(port, 24);

            var sandbox = cluster.sandbox();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(120))
                    .until(() -> sandbox.state().allPosts().size() >= 2);
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(90, TimeUnit.SECONDS))
                    .as("the node exits after TERM")
                    .isTrue();

            var output = Files.readString(log);
            assertThat(output)
                    .contains("Publishing engine stopped; attempts in flight finished")
                    .doesNotContain("Database is already closed")
                    .doesNotContain("The database has been closed");
            try (var db = DriverManager.getConnection(
                    "jdbc:h2:file:" + work.resolve("data/loa") + ";AUTO_SERVER=FALSE", "sa", "")) {
                var published = count(
                        db, "SELECT COUNT(*) FROM delivery WHERE status = 'PUBLISHED' AND external_ref IS NOT NULL");
                var inFlight = count(db, "SELECT COUNT(*) FROM delivery WHERE status = 'PUBLISHING'");
                var total = count(db, "SELECT COUNT(*) FROM delivery");
                assertThat(total).isEqualTo(items);
                assertThat(inFlight).as("no attempt left in flight").isZero();
                assertThat(published)
                        .as("every post the platform received is recorded")
                        .isEqualTo(sandbox.state().allPosts().size());
                assertThat(published).as("TERM came during the burst").isLessThan(items);
            }
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int port(String log) {
        var m = Pattern.compile("open http://localhost:(\\d+)/").matcher(log);
        assertThat(m.find()).as(log).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Two connected pages and {@code n} approved items, all due at one instant shortly after. */
    private static int seed(int port, int n) {
        var admin = Api.as(port, "admin", PASSWORD);
        for (var user : List.of("planner", "approver")) {
            var res = admin.post(
                    "/api/users",
                    Map.of(
                            "username", user,
                            "password", PASSWORD,
                            "displayName", user,
                            "roles", List.of(user.toUpperCase())));
            assertThat(res.status()).as(res.text()).isEqualTo(201);
        }
        var planner = Api.as(port, "planner", PASSWORD);
        var approver = Api.as(port, "approver", PASSWORD);
        var channels = new ArrayList<Long>();
        for (int i = 0; i < 2; i++) {
            var channel = admin.post(
                    "/api/channels",
                    Map.of(
                            "platform",
                            "FACEBOOK",
                            "externalId",
                            "93000" + i,
                            "displayName",
                            "Trang " + i,
                            "role",
                            "PARTNER",
                            "followerCount",
                            60_000,
                            "organisation",
                            "Đối tác " + i));
            assertThat(channel.status()).as(channel.text()).isEqualTo(201);
            var connected = admin.put(
                    "/api/channels/" + channel.id() + "/credentials", Map.of("pageToken", "sandbox-page-token"));
            assertThat(connected.status()).as(connected.text()).isEqualTo(200);
            channels.add(channel.id());
        }
        var year = LocalDate.now(ZoneOffset.UTC).getYear();
        var plan = planner.post("/api/plans", Map.of("year", year, "title", "Kế hoạch"));
        long theme = 0;
        for (var t : planner.get("/api/themes").body()) {
            if ("society".equals(t.path("code").asString())) {
                theme = t.path("id").asLong();
            }
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("planId", plan.id());
        body.put("themeId", theme);
        body.put("name", "Tải thử");
        body.put("startDate", year + "-01-01");
        body.put("endDate", year + "-12-31");
        body.put("channelIds", channels);
        var campaign = planner.post("/api/campaigns", body);
        assertThat(campaign.status()).as(campaign.text()).isEqualTo(201);
        var items = new ArrayList<Long>();
        for (int i = 0; i < n; i++) {
            var item = planner.post(
                    "/api/content",
                    Map.of("campaignId", campaign.id(), "title", "Tin số " + i, "body", "Nội dung tin số " + i));
            planner.post("/api/content/" + item.id() + "/submit", null);
            var approved = approver.post("/api/content/" + item.id() + "/approve", null);
            assertThat(approved.field("status")).as(approved.text()).isEqualTo("APPROVED");
            items.add(item.id());
        }
        // Far enough ahead for the scheduling calls to finish on a busy machine.
        var at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(40).withNano(0).toString();
        for (int i = 0; i < n; i++) {
            var scheduled = planner.post(
                    "/api/content/" + items.get(i) + "/schedule",
                    Map.of("channelIds", List.of(channels.get(i % 2)), "at", at));
            assertThat(scheduled.status()).as(scheduled.text()).isEqualTo(201);
        }
        return n;
    }
}
