package vn.loa.app.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.support.EngineTestBase;
import vn.loa.app.web.health.ChannelHealth;
import vn.loa.connectors.Platform;
import vn.loa.connectors.sandbox.Fault;
import vn.loa.connectors.sandbox.PlatformSandbox;

/**
 * The engine's rules, with the test clock and the platform sandbox: on time, exactly once, and what
 * each failure class leads to. No test sleeps; the clock is moved by hand.
 */
class PublishingEngineTest extends EngineTestBase {

    @Autowired
    ChannelHealth health;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ownDatabase(registry, "engine_publishing");
    }

    @Test
    void aDeliveryGoesOutAtItsInstantExactlyOnce() {
        var page = connected("FACEBOOK");
        var delivery = scheduled(page, "2026-11-23T09:00:00+07:00");

        assertThat(engine.publishDueNow()).isZero();
        clock.set(Instant.parse("2026-11-23T01:59:59Z"));
        assertThat(engine.publishDueNow()).as("one second early").isZero();
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        assertThat(engine.publishDueNow()).isEqualTo(1);
        assertThat(engine.publishDueNow()).isZero();

        var published = as("planner").get("/api/deliveries/" + delivery);
        assertThat(published.field("status")).isEqualTo("PUBLISHED");
        assertThat(published.field("publishedAt")).isEqualTo("2026-11-23T09:00:00+07:00");
        assertThat(postsOn(page)).isEqualTo(1);
        assertThat(published.field("externalRef")).startsWith(externalId(page) + "_");
        assertThat(attempts(delivery)).containsExactly("PUBLISHED");
        assertThat(meters.find("loa.dispatch.lateness").timer().count()).isPositive();
        assertThat(meters.find("loa.publishes")
                        .tag("outcome", "published")
                        .counter()
                        .count())
                .isPositive();
    }

    @Test
    void aPassingFailureIsRetriedWithBackoffAndPublishedOnce() {
        var page = connected("FACEBOOK");
        var delivery = scheduled(page, "2026-11-23T09:00:00+07:00");
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        sandbox.inject(Platform.FACEBOOK, Fault.SERVER_ERROR, 1);

        engine.publishDueNow();
        assertThat(status(delivery)).isEqualTo("SCHEDULED");
        assertThat(attempts(delivery)).containsExactly("RETRY");
        assertThat(engine.publishDueNow()).as("not before its backoff").isZero();

        clock.advance(Duration.ofSeconds(10));
        assertThat(engine.publishDueNow()).isEqualTo(1);
        assertThat(status(delivery)).isEqualTo("PUBLISHED");
        assertThat(attempts(delivery)).containsExactly("RETRY", "PUBLISHED");
        assertThat(postsOn(page)).isEqualTo(1);
    }

    @Test
    void retriesAreBoundedThenTheDeliveryFailsWithTheReason() {
        var page = connected("FACEBOOK");
        var delivery = scheduled(page, "2026-11-23T09:00:00+07:00");
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        sandbox.inject(Platform.FACEBOOK, Fault.SERVER_ERROR, 20);
        for (int i = 0; i < 8; i++) {
            engine.publishDueNow();
            clock.advance(Duration.ofMinutes(11));
        }
        var failed = as("planner").get("/api/deliveries/" + delivery);
        assertThat(failed.field("status")).isEqualTo("FAILED");
        assertThat(failed.field("failureReason")).contains("kept failing after 6 attempts");
        assertThat(attempts(delivery)).hasSize(6);
    }

    @Test
    void aRateLimitMakesTheChannelWaitAsToldWhileOtherPlatformsGoOn() {
        var page = connected("FACEBOOK");
        var oa = connected("ZALO");
        var first = scheduled(page, "2026-11-23T09:00:00+07:00");
        var second = scheduled(page, "2026-11-23T09:00:00+07:00");
        var zalo = scheduled(oa, "2026-11-23T09:00:00+07:00");
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        sandbox.inject(Platform.FACEBOOK, Fault.RATE_LIMIT, 1);

        engine.publishDueNow();

        assertThat(status(zalo)).isEqualTo("PUBLISHED");
        // Whichever Facebook delivery went first was told to wait 7 minutes (the usage header);
        // the page waits too, so the other is not sent into the limit either.
        assertThat(List.of(status(first), status(second))).containsOnly("SCHEDULED");
        clock.advance(Duration.ofMinutes(6));
        assertThat(engine.publishDueNow()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(engine.publishDueNow()).isEqualTo(2);
        assertThat(postsOn(page)).isEqualTo(2);
    }

    @Test
    void anExpiredTokenPausesTheChannelHoldsItsDeliveriesAndReconnectingReleasesThem() {
        var page = connected("FACEBOOK");
        var first = scheduled(page, "2026-11-23T09:00:00+07:00");
        var later = scheduled(page, "2026-11-23T10:00:00+07:00");
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        sandbox.inject(Platform.FACEBOOK, Fault.TOKEN_EXPIRED, 1);

        engine.publishDueNow();

        assertThat(status(first)).isEqualTo("HELD");
        assertThat(status(later)).isEqualTo("HELD");
        assertThat(as("planner").get("/api/content/" + contentOf(first)).field("status"))
                .isNotEqualTo("FAILED");
        var alerts = as("planner").get("/api/alerts").body();
        assertThat(alerts.valueStream().filter(a -> a.path("channelId").asLong() == page))
                .singleElement()
                .satisfies(a -> assertThat(a.path("kind").asString()).isEqualTo("CHANNEL_NEEDS_RECONNECT"));
        // The channel health page shows the same, read through the gate's and the ledger's stores.
        var paused = health.channels().get(page);
        assertThat(paused.pausedAt()).isNotNull();
        assertThat(paused.pausedReason()).isNotBlank();
        assertThat(paused.held()).isEqualTo(2);
        assertThat(paused.scheduled()).isZero();
        assertThat(paused.lastError()).isNotBlank();
        assertThat(health.openAlerts())
                .anySatisfy(a -> assertThat(a.channelId()).isEqualTo(page));
        assertThat(meters.get("loa.deliveries.held").gauge().value()).isGreaterThanOrEqualTo(2);
        clock.advance(Duration.ofHours(2));
        assertThat(engine.publishDueNow())
                .as("nothing goes to a paused channel")
                .isZero();

        var reconnected = as("admin").put("/api/channels/" + page + "/credentials", Map.of("pageToken", "fresh-token"));
        assertThat(reconnected.status()).isEqualTo(200);
        assertThat(status(first)).isEqualTo("SCHEDULED");
        assertThat(engine.publishDueNow()).isEqualTo(2);
        assertThat(status(first)).isEqualTo("PUBLISHED");
        assertThat(status(later)).isEqualTo("PUBLISHED");
        assertThat(as("planner")
                        .get("/api/alerts")
                        .body()
                        .valueStream()
                        .filter(a -> a.path("channelId").asLong() == page))
                .isEmpty();
        var released = health.channels().get(page);
        assertThat(released.pausedAt()).isNull();
        assertThat(released.held()).isZero();
        assertThat(released.lastPublishedAt()).isNotNull();
    }

    @Test
    void rejectedContentFailsWithThePlatformsOwnReason() {
        var page = connected("FACEBOOK");
        var campaign = campaign("society", List.of(page));
        var text = "Cùng một nội dung " + unique();
        var a = approvedWithFacebookText(campaign, text);
        var b = approvedWithFacebookText(campaign, text);
        var da = schedule(a, page, "2026-11-23T09:00:00+07:00");
        var db = schedule(b, page, "2026-11-23T09:05:00+07:00");
        clock.set(Instant.parse("2026-11-23T03:00:00Z"));

        engine.publishDueNow();

        assertThat(status(da)).isEqualTo("PUBLISHED");
        var refused = as("planner").get("/api/deliveries/" + db);
        assertThat(refused.field("status")).isEqualTo("FAILED");
        assertThat(refused.field("failureReason"))
                .contains("Duplicate status message")
                .contains("[506]");
        assertThat(as("planner").get("/api/content/" + b).field("status")).isEqualTo("FAILED");
    }

    @Test
    void anUnknownOutcomeIsSettledByReadingThePlatformBackNotByPublishingAgain() {
        PlatformSandbox.stallFor(Duration.ofMillis(1_500));
        var page = connected("FACEBOOK");
        var delivery = scheduled(page, "2026-11-23T09:00:00+07:00");
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        sandbox.inject(Platform.FACEBOOK, Fault.TIMEOUT_AFTER_WRITE, 1);

        engine.publishDueNow();
        assertThat(status(delivery)).isEqualTo("PUBLISHING");
        assertThat(attempts(delivery)).containsExactly("UNKNOWN");
        assertThat(engine.publishDueNow()).as("never retried blindly").isZero();

        assertThat(engine.settle()).isEqualTo(1);
        var settled = as("planner").get("/api/deliveries/" + delivery);
        assertThat(settled.field("status")).isEqualTo("PUBLISHED");
        assertThat(postsOn(page)).isEqualTo(1);
        assertThat(settled.field("externalRef"))
                .isEqualTo(sandbox.state()
                        .postsOf(Platform.FACEBOOK, externalId(page))
                        .get(0)
                        .id());
    }

    @Test
    void anAttemptCutOffBeforeReachingThePlatformIsFoundMissingAndPublishedOnce() {
        var page = connected("FACEBOOK");
        var delivery = scheduled(page, "2026-11-23T09:00:00+07:00");
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        // A node claims the delivery and dies before calling the platform.
        tx.executeWithoutResult(s -> {
            for (var id : ledger.lockDue(clock.instant(), 100)) {
                var started = progress.startPublishing(id);
                ledger.recordIntent(
                        started.delivery(),
                        "crashed-node",
                        clock.instant(),
                        clock.instant().plusSeconds(3));
            }
        });

        assertThat(engine.settle()).as("the lease has not run out yet").isZero();
        clock.advance(Duration.ofSeconds(4));
        assertThat(engine.settle()).isEqualTo(1);
        assertThat(status(delivery)).isEqualTo("SCHEDULED");
        assertThat(engine.publishDueNow()).isEqualTo(1);
        assertThat(status(delivery)).isEqualTo("PUBLISHED");
        assertThat(postsOn(page)).isEqualTo(1);
        assertThat(attempts(delivery)).containsExactly("MISSING", "PUBLISHED");
    }

    @Test
    void aCancelledDeliveryNeverGoesOutAndAChannelTakesNoMoreThanItsShareAtOnce() {
        var page = connected("FACEBOOK");
        var cancelled = scheduled(page, "2026-11-23T09:00:00+07:00");
        as("planner").post("/api/deliveries/" + cancelled + "/cancel", Map.of("reason", "hoãn"));
        var limited = changeChannel(page, "maxInFlight", 1);
        assertThat(limited.path("maxInFlight").asInt()).isEqualTo(1);
        var a = scheduled(page, "2026-11-23T09:00:00+07:00");
        var b = scheduled(page, "2026-11-23T09:00:00+07:00");
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));

        var firstClaim = tx.execute(s -> ledger.lockDue(clock.instant(), 100).stream()
                .map(d -> d.id())
                .filter(id -> id == a || id == b)
                .toList());
        assertThat(firstClaim).hasSize(1);

        engine.publishDueNow();
        assertThat(status(cancelled)).isEqualTo("CANCELLED");
        assertThat(List.of(status(a), status(b))).containsOnly("PUBLISHED");
        assertThat(postsOn(page)).isEqualTo(2);
    }

    @Test
    void aRebuttalApprovedByTheOnDutyApproverGoesToTheOfficialChannelFirstAndAtOnce() {
        var official = as("admin")
                .post(
                        "/api/channels",
                        Map.of(
                                "platform",
                                "FACEBOOK",
                                "externalId",
                                "off-" + unique(),
                                "displayName",
                                "Hà Nội chính thức",
                                "role",
                                "OFFICIAL",
                                "organisation",
                                "UBND"))
                .id();
        assertThat(as("admin")
                        .put("/api/channels/" + official + "/credentials", Map.of("pageToken", "t"))
                        .status())
                .isEqualTo(200);
        var partner = connected("FACEBOOK");
        jdbc.sql("UPDATE channel SET max_in_flight = 1 WHERE id = ?")
                .param(official)
                .update();
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        var routine = schedule(
                approvedWithFacebookText(campaign("society", List.of(official)), "Tin thường " + unique()),
                official,
                "2026-11-23T09:00:30+07:00");
        clock.set(Instant.parse("2026-11-23T02:01:00Z"));
        var campaign = campaign("security", List.of(official, partner));
        var rebuttal = as("planner")
                .post(
                        "/api/content",
                        Map.of(
                                "campaignId",
                                campaign,
                                "rebuttal",
                                true,
                                "title",
                                "Cải chính thông tin sai sự thật",
                                "body",
                                "Thông tin lan truyền về ... là sai sự thật."));
        assertCreated(rebuttal);
        as("planner").post("/api/content/" + rebuttal.id() + "/submit", null);

        var offDuty = as("approver").post("/api/content/" + rebuttal.id() + "/approve", null);
        assertThat(offDuty.status()).isEqualTo(403);
        assertThat(offDuty.field("detail")).contains("on-duty approver");
        assertThat(as("approver")
                        .put("/api/me/on-duty", Map.of("onDuty", true))
                        .body()
                        .path("onDuty")
                        .asBoolean())
                .isTrue();
        var approved = as("approver").post("/api/content/" + rebuttal.id() + "/approve", null);
        as("approver").put("/api/me/on-duty", Map.of("onDuty", false));

        assertThat(approved.field("status")).isEqualTo("SCHEDULED");
        var deliveries = as("planner")
                .get("/api/deliveries?contentId=" + rebuttal.id())
                .body()
                .path("items");
        assertThat(deliveries.valueStream().map(d -> d.path("channelId").asLong()))
                .containsExactly(official);
        assertThat(deliveries.get(0).path("scheduledAt").asString()).isEqualTo("2026-11-23T09:01:00+07:00");

        // With room for one call at a time on the official page, the rebuttal goes before the routine post.
        var first = tx.execute(s -> ledger.lockDue(clock.instant(), 100).stream()
                .filter(d -> d.channelId() == official)
                .map(d -> d.contentId())
                .toList());
        assertThat(first).containsExactly(rebuttal.id());
        engine.publishDueNow();
        assertThat(as("planner").get("/api/content/" + rebuttal.id()).field("status"))
                .isEqualTo("PUBLISHED");
        assertThat(status(routine)).isEqualTo("PUBLISHED");
    }
}
