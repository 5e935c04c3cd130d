package vn.loa.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.loa.app.publishing.PublishEngine;
import vn.loa.app.publishing.PublishLedger;
import vn.loa.campaigns.workflow.DeliveryProgress;
import vn.loa.connectors.Platform;
import vn.loa.connectors.credentials.YouTubeOAuth;
import vn.loa.connectors.credentials.ZaloOAuth;
import vn.loa.connectors.sandbox.PlatformSandbox;
import vn.loa.connectors.sandbox.SandboxCredentials;

/** Shared set-up of the engine tests: only the test's own deliveries are due; connected channels; helpers. */
public abstract class EngineTestBase extends PostgresApiTest {

    @Autowired
    protected PublishEngine engine;

    @Autowired
    protected PlatformSandbox sandbox;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected PublishLedger ledger;

    @Autowired
    protected TransactionTemplate tx;

    @Autowired
    protected MeterRegistry meters;

    @Autowired
    protected DeliveryProgress progress;

    /**
     * Each engine test class has a database of its own (call from its {@code @DynamicPropertySource}),
     * so that moving the clock and resetting the engine's rows below touches no other class's rows,
     * and the classes may run in parallel.
     */
    protected static void ownDatabase(DynamicPropertyRegistry registry, String name) {
        var url = PostgresDatabase.ownDatabase(name);
        registry.add("loa.test.database-url", () -> url);
        // Quartz registers its data source JVM-wide under the scheduler's name: one name per database.
        registry.add("loa.test.quartz-name", () -> "loa-" + name);
    }

    @BeforeEach
    void onlyThisTestsDeliveriesAreDue() {
        // Earlier tests of this class share its database; their waiting deliveries would otherwise
        // become due as this test moves the clock. No other class uses this database.
        jdbc.sql("UPDATE delivery SET status = 'CANCELLED' WHERE status IN ('SCHEDULED', 'HELD', 'PUBLISHING')")
                .update();
        jdbc.sql("UPDATE publish_attempt SET outcome = 'ABANDONED' WHERE outcome IN ('PENDING', 'UNKNOWN', 'SETTLING')")
                .update();
        jdbc.sql("UPDATE channel SET paused_at = NULL, cooldown_until = NULL").update();
    }

    @AfterEach
    void noFaultsLeft() {
        sandbox.clearFaults();
    }

    // --- helpers -------------------------------------------------------------------------------

    /**
     * For tests of the engagement collection: no other test's post is due, and collection runs
     * (identified by their minute, which tests reuse) start afresh.
     */
    protected void onlyThisTestsPostsAreReadAndRunsAreOwn() {
        jdbc.sql("UPDATE engagement_schedule SET next_read_at = NULL").update();
        for (var table : new String[] {
            "batch_step_execution_context",
            "batch_step_execution",
            "batch_job_execution_context",
            "batch_job_execution_params",
            "batch_job_execution",
            "batch_job_instance"
        }) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    protected long connected(String platform) {
        return connected(platform, "UBND Hà Nội");
    }

    /** A channel of the organisation, connected to its platform (the sandbox). */
    protected long connected(String platform, String organisation) {
        var id = channel(platform, organisation);
        var credentials = SandboxCredentials.forChannel(Platform.valueOf(platform), externalId(id), clock.instant());
        var body = switch (platform) {
            case "FACEBOOK" -> Map.<String, Object>of("pageToken", "sandbox-page-token");
            case "ZALO" -> {
                var z = (ZaloOAuth) credentials;
                yield Map.<String, Object>of(
                        "appId",
                        z.appId(),
                        "secretKey",
                        z.secretKey(),
                        "accessToken",
                        z.accessToken(),
                        "refreshToken",
                        z.refreshToken(),
                        "accessExpiresAt",
                        "2026-12-01T00:00:00Z");
            }
            case "YOUTUBE" -> {
                var y = (YouTubeOAuth) credentials;
                yield Map.<String, Object>of(
                        "clientId",
                        y.clientId(),
                        "clientSecret",
                        y.clientSecret(),
                        "refreshToken",
                        y.refreshToken(),
                        "projectId",
                        y.projectId());
            }
            default -> throw new IllegalArgumentException(platform);
        };
        assertThat(as("admin").put("/api/channels/" + id + "/credentials", body).status())
                .isEqualTo(200);
        return id;
    }

    protected long scheduled(long channel, String at) {
        var campaign = campaign("society", List.of(channel));
        var item = content("planner", campaign, "Tin " + unique());
        as("planner").post("/api/content/" + item + "/submit", null);
        as("approver").post("/api/content/" + item + "/approve", null);
        return schedule(item, channel, at);
    }

    /** An approved item with one variant (its fields as the API takes them), scheduled on {@code channel}. */
    protected long scheduledVariant(long channel, String at, Map<String, Object> variant) {
        var campaign = campaign("society", List.of(channel));
        var res = as("planner")
                .post(
                        "/api/content",
                        Map.of("campaignId", campaign, "title", "Tin " + unique(), "variants", List.of(variant)));
        assertCreated(res);
        assertThat(as("planner")
                        .post("/api/content/" + res.id() + "/submit", null)
                        .status())
                .as("submitted: the variant passes the platform's checks")
                .isEqualTo(200);
        as("approver").post("/api/content/" + res.id() + "/approve", null);
        return schedule(res.id(), channel, at);
    }

    /** An approved YouTube video (the sandbox's 300,000-byte film) scheduled on {@code channel}; a cover if given. */
    protected long videoScheduled(long channel, String at, String coverUrl) {
        var variant = new LinkedHashMap<String, Object>();
        variant.put("platform", "YOUTUBE");
        variant.put("title", "Phim " + unique());
        variant.put("body", "Mô tả");
        variant.put("media", List.of(sandboxMedia("film.mp4")));
        if (coverUrl != null) {
            variant.put("coverUrl", coverUrl);
        }
        return scheduledVariant(channel, at, variant);
    }

    /** A file the sandbox serves, by an address Loa's media checks let through. */
    protected String sandboxMedia(String name) {
        return sandbox.baseUrl().replace("127.0.0.1", "localhost") + "/media/" + name;
    }

    protected long schedule(long item, long channel, String at) {
        var res = as("planner")
                .post("/api/content/" + item + "/schedule", Map.of("channelIds", List.of(channel), "at", at));
        assertCreated(res);
        return res.body().get(0).path("id").asLong();
    }

    protected long approvedWithFacebookText(long campaign, String text) {
        var res = as("planner")
                .post(
                        "/api/content",
                        Map.of(
                                "campaignId",
                                campaign,
                                "title",
                                "Tiêu đề",
                                "variants",
                                List.of(Map.of("platform", "FACEBOOK", "body", text))));
        assertCreated(res);
        as("planner").post("/api/content/" + res.id() + "/submit", null);
        as("approver").post("/api/content/" + res.id() + "/approve", null);
        return res.id();
    }

    protected String status(long delivery) {
        return as("planner").get("/api/deliveries/" + delivery).field("status");
    }

    protected long contentOf(long delivery) {
        return as("planner")
                .get("/api/deliveries/" + delivery)
                .body()
                .path("contentId")
                .asLong();
    }

    protected String externalId(long channel) {
        return as("planner").get("/api/channels/" + channel).field("externalId");
    }

    protected long postsOn(long channel) {
        var platform =
                Platform.valueOf(as("planner").get("/api/channels/" + channel).field("platform"));
        return sandbox.state().allPosts().stream()
                .filter(p -> p.platform() == platform && p.channelId().equals(externalId(channel)))
                .count();
    }

    protected List<String> attempts(long delivery) {
        return jdbc.sql("SELECT outcome FROM publish_attempt WHERE delivery_id = ? ORDER BY attempt_no")
                .param(delivery)
                .query(String.class)
                .list();
    }

    /** A connected Facebook page that opted in to native scheduling. */
    protected long nativePage() {
        var page = connected("FACEBOOK");
        assertThat(changeChannel(page, "nativeScheduling", true)
                        .path("nativeScheduling")
                        .asBoolean())
                .isTrue();
        return page;
    }

    /** Changes one setting of a channel, keeping the rest; returns the channel as the API answers. */
    protected JsonNode changeChannel(long page, String setting, Object value) {
        var current = as("admin").get("/api/channels/" + page).body();
        return as("admin")
                .put(
                        "/api/channels/" + page,
                        Map.of(
                                "platform",
                                current.path("platform").asString(),
                                "externalId",
                                current.path("externalId").asString(),
                                "displayName",
                                current.path("displayName").asString(),
                                "role",
                                "PARTNER",
                                "organisation",
                                current.path("organisation").asString(),
                                setting,
                                value))
                .body();
    }
}
