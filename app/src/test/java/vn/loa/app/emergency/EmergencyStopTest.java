package vn.loa.app.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.persistence.Timestamps;
import vn.loa.app.publishing.NativeHandoff;
import vn.loa.app.support.EngineTestBase;
import vn.loa.app.support.WebSession;
import vn.loa.connectors.Platform;

/**
 * Emergency stops through the API and the engine: nothing goes out while stopped, due deliveries
 * wait HELD, resuming releases them, long-late ones wait for a planner; platform-scheduled posts are
 * taken back; credentials are revoked at once. Each refusal names its field and stores nothing.
 */
class EmergencyStopTest extends EngineTestBase {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ownDatabase(registry, "emergency_stop");
    }

    @Autowired
    EmergencyStops stops;

    @Autowired
    NativeHandoff handoff;

    @BeforeEach
    void noStopInForce() {
        // This class's own database: earlier tests' stops must not cover this test's channels.
        jdbc.sql("DELETE FROM emergency_hold").update();
        jdbc.sql("UPDATE emergency_stop SET resumed_at = stopped_at, resumed_by = 'test' WHERE resumed_at IS NULL")
                .update();
        stops.fresh();
        clock.set(START);
    }

    @Test
    void aCityWideStopHoldsWhatFallsDueAndResumingReleasesIt() {
        var page = connected("FACEBOOK");
        var delivery = scheduled(page, "2026-11-23T08:30:00+07:00");

        assertThat(as("planner")
                        .post("/api/emergency-stops", stop("CITY", "tài khoản bị chiếm"))
                        .status())
                .as("only administrators stop publishing")
                .isEqualTo(403);
        var stopped = as("admin").post("/api/emergency-stops", stop("CITY", "tài khoản bị chiếm"));
        assertCreated(stopped);
        var stopId = stopped.body().path("stop").path("id").asLong();
        assertThat(stopped.body().path("stop").path("active").asBoolean()).isTrue();
        assertThat(stopped.body().path("stop").path("stoppedBy").asString()).isEqualTo("admin");

        clock.set(START.plus(Duration.ofMinutes(31)));
        engine.publishDueNow();
        assertThat(status(delivery)).as("held, not failed").isEqualTo("HELD");
        assertThat(postsOn(page)).as("nothing was sent").isZero();
        assertThat(attempts(delivery)).as("no platform call was even attempted").isEmpty();
        assertThat(as("planner").get("/api/deliveries/" + delivery + "/history").text())
                .contains("emergency stop #" + stopId + ": tài khoản bị chiếm");
        assertThat(as("leader").get("/api/emergency-stops").text()).contains("\"id\":" + stopId);

        var resumed = as("admin").post("/api/emergency-stops/" + stopId + "/resume", null);
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.body().path("released").asInt()).isEqualTo(1);
        assertThat(resumed.body().path("awaitingConfirmation").asInt()).isZero();
        assertThat(resumed.body().path("stop").path("active").asBoolean()).isFalse();
        engine.publishDueNow();
        assertThat(status(delivery)).isEqualTo("PUBLISHED");
        assertThat(postsOn(page)).isEqualTo(1);

        var again = as("admin").post("/api/emergency-stops/" + stopId + "/resume", null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.error("stop")).contains("already ended");
        var audit = jdbc.sql("SELECT actor || ' ' || to_state FROM audit_entry WHERE subject = 'EMERGENCY_STOP'"
                        + " AND subject_id = ? ORDER BY id")
                .param(stopId)
                .query(String.class)
                .list();
        assertThat(audit).containsExactly("admin STOPPED", "admin RESUMED");
    }

    @Test
    void aStopMadeOnAnotherNodeIsHonouredAtTheNextClaim() {
        var page = connected("FACEBOOK");
        var delivery = scheduled(page, "2026-11-23T08:30:00+07:00");
        stops.fresh(); // this node has just read: no stop
        // Another node's stop: only the shared database knows of it.
        jdbc.sql("INSERT INTO emergency_stop (scope, reason, stopped_by, stopped_at) VALUES ('CITY', ?, 'admin', ?)")
                .params("dừng từ máy khác", Timestamps.utc(START))
                .update();

        clock.set(START.plus(Duration.ofMinutes(31)));
        engine.publishDueNow();
        assertThat(status(delivery)).isEqualTo("HELD");
        assertThat(postsOn(page)).isZero();
    }

    @Test
    void aDeliveryLeftLongLateWaitsForAPlannersConfirmation() {
        var page = connected("FACEBOOK");
        var late = scheduled(page, "2026-11-23T08:30:00+07:00");
        var recent = scheduled(page, "2026-11-23T11:00:00+07:00");
        var stopId = stopCity();

        clock.set(START.plus(Duration.ofHours(3).plusMinutes(10))); // 11:10: the first is 2 h 40 late
        engine.publishDueNow();
        assertThat(status(late)).isEqualTo("HELD");
        assertThat(status(recent)).isEqualTo("HELD");

        var resumed = as("admin").post("/api/emergency-stops/" + stopId + "/resume", null);
        assertThat(resumed.body().path("released").asInt()).isEqualTo(1);
        assertThat(resumed.body().path("awaitingConfirmation").asInt()).isEqualTo(1);
        engine.publishDueNow();
        assertThat(status(recent)).as("ten minutes late: goes out").isEqualTo("PUBLISHED");
        assertThat(status(late)).as("long late: not sent unannounced").isEqualTo("HELD");

        var waiting = as("planner").get("/api/emergency-stops/late");
        assertThat(waiting.body()).singleElement().satisfies(l -> {
            assertThat(l.path("deliveryId").asLong()).isEqualTo(late);
            assertThat(l.path("scheduledAt").asString()).isEqualTo("2026-11-23T08:30:00+07:00");
        });
        assertThat(as("leader")
                        .post("/api/emergency-stops/late/" + late + "/release", null)
                        .status())
                .isEqualTo(403);
        assertThat(as("planner")
                        .post("/api/emergency-stops/late/" + late + "/release", null)
                        .status())
                .isEqualTo(204);
        engine.publishDueNow();
        assertThat(status(late)).isEqualTo("PUBLISHED");
        assertThat(as("planner").get("/api/emergency-stops/late").body()).isEmpty();
        assertThat(as("planner").get("/api/deliveries/" + late + "/history").text())
                .contains("planner")
                .contains("LATE_CONFIRMED");
    }

    @Test
    void anOrganisationsOrAChannelsStopLeavesTheOthersPublishing() {
        var orgA = "Sở A " + unique();
        var a = connected("FACEBOOK", orgA);
        var b = connected("FACEBOOK", "Sở B " + unique());
        var c = connected("FACEBOOK", "Sở C " + unique());
        var onA = scheduled(a, "2026-11-23T08:30:00+07:00");
        var onB = scheduled(b, "2026-11-23T08:30:00+07:00");
        var onC = scheduled(c, "2026-11-23T08:30:00+07:00");

        var byOrg = stop("ORGANISATION", "trang bị tấn công");
        byOrg.put("organisation", orgA);
        assertCreated(as("admin").post("/api/emergency-stops", byOrg));
        var byChannel = stop("CHANNEL", "mật khẩu lộ");
        byChannel.put("channelId", c);
        assertCreated(as("admin").post("/api/emergency-stops", byChannel));

        clock.set(START.plus(Duration.ofMinutes(31)));
        engine.publishDueNow();
        assertThat(status(onA)).isEqualTo("HELD");
        assertThat(status(onB)).isEqualTo("PUBLISHED");
        assertThat(status(onC)).isEqualTo("HELD");
        assertThat(postsOn(a) + postsOn(c)).isZero();
    }

    @Test
    void aReconnectDuringAStopDoesNotReleaseWhatTheStopHolds() {
        var page = connected("FACEBOOK");
        var delivery = scheduled(page, "2026-11-23T08:30:00+07:00");
        stopCity();
        clock.set(START.plus(Duration.ofMinutes(31)));
        engine.publishDueNow();
        assertThat(status(delivery)).isEqualTo("HELD");

        assertThat(as("admin")
                        .put("/api/channels/" + page + "/credentials", Map.of("pageToken", "sandbox-page-token"))
                        .status())
                .isEqualTo(200);
        engine.publishDueNow();
        assertThat(status(delivery)).isEqualTo("HELD");
        assertThat(postsOn(page)).isZero();
    }

    @Test
    void aPostThePlatformsSchedulerHeldIsTakenBackAndNothingIsHandedOverWhileStopped() {
        var page = nativePage();
        var handed = scheduled(page, "2026-11-25T07:00:00+07:00");
        assertThat(handoff.handOffDue()).isEqualTo(1);
        assertThat(status(handed)).isEqualTo("HANDED_OFF");
        var later = scheduled(page, "2026-11-26T07:00:00+07:00");

        var body = stop("CHANNEL", "trang bị tấn công");
        body.put("channelId", page);
        var stopped = as("admin").post("/api/emergency-stops", body);
        assertCreated(stopped);
        assertThat(stopped.body().path("withdrawnFromPlatforms").asInt()).isEqualTo(1);
        assertThat(stopped.body().path("notWithdrawn")).isEmpty();
        assertThat(status(handed)).isEqualTo("HELD");
        assertThat(sandbox.state().postsOf(Platform.FACEBOOK, externalId(page)))
                .as("the platform no longer holds it")
                .isEmpty();
        assertThat(handoff.handOffDue()).as("nothing handed over while stopped").isZero();
        assertThat(status(later)).isEqualTo("SCHEDULED");
    }

    @Test
    void badStopsAreRefusedFieldByFieldAndNothingIsStored() {
        var before = jdbc.sql("SELECT COUNT(*) FROM emergency_stop")
                .query(Long.class)
                .single();

        var empty = as("admin").post("/api/emergency-stops", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.error("scope")).isEqualTo("is required");
        assertThat(empty.error("reason")).isEqualTo("is required");

        var noOrg = as("admin").post("/api/emergency-stops", stop("ORGANISATION", "x"));
        assertThat(noOrg.error("organisation")).isEqualTo("is required");
        var unknownOrg = stop("ORGANISATION", "x");
        unknownOrg.put("organisation", "Không có " + unique());
        assertThat(as("admin").post("/api/emergency-stops", unknownOrg).error("organisation"))
                .isEqualTo("no channel belongs to this organisation");
        var unknownChannel = stop("CHANNEL", "x");
        unknownChannel.put("channelId", 999_999);
        assertThat(as("admin").post("/api/emergency-stops", unknownChannel).error("channelId"))
                .isEqualTo("no such channel");
        assertThat(as("admin")
                        .post("/api/emergency-stops", Map.of("scope", "PLANET", "reason", "x"))
                        .status())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM emergency_stop")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);

        var first = stopCity();
        var twice = as("admin").post("/api/emergency-stops", stop("CITY", "lần nữa"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.error("scope")).contains("already stopped").contains("#" + first);
    }

    @Test
    void revokingCredentialsDisconnectsEveryChannelInTheScopeAtOnce() {
        var org = "Sở D " + unique();
        var one = connected("FACEBOOK", org);
        var two = connected("FACEBOOK", org);
        var other = connected("FACEBOOK", "Sở E " + unique());
        var delivery = scheduled(one, "2026-11-23T08:30:00+07:00");

        var body = stop("ORGANISATION", "nghi lộ mật khẩu quản trị");
        body.put("organisation", org);
        assertThat(as("planner").post("/api/credentials/revoke", body).status()).isEqualTo(403);
        var revoked = as("admin").post("/api/credentials/revoke", body);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().path("channelIds").valueStream().map(n -> n.asLong()))
                .containsExactlyInAnyOrder(one, two);
        assertThat(connected(one)).isFalse();
        assertThat(connected(two)).isFalse();
        assertThat(connected(other)).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject = 'CHANNEL' AND subject_id = ?"
                                + " AND to_state = 'CREDENTIALS_REVOKED' AND actor = 'admin'")
                        .param(one)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        clock.set(START.plus(Duration.ofMinutes(31)));
        engine.publishDueNow();
        assertThat(status(delivery)).as("waits for a reconnect").isEqualTo("HELD");
        assertThat(postsOn(one)).isZero();
    }

    @Test
    void anAdministratorStopsAndResumesFromTheChannelHealthPage() throws Exception {
        var page = connected("FACEBOOK");
        var delivery = scheduled(page, "2026-11-23T08:30:00+07:00");
        var admin = new WebSession(port).signIn("admin", PASSWORD);
        var health = admin.get("/channels").body();
        assertThat(health).contains("id=\"emergency\"").contains("/channels/emergency-stop");

        var stopped = admin.post(
                "/channels/emergency-stop",
                "scope=CITY&organisation=&reason=" + WebSession.encode("trang bị tấn công") + "&_csrf="
                        + admin.token("/channels"));
        assertThat(stopped.statusCode()).isEqualTo(302);
        var during = admin.get("/channels").body();
        assertThat(during).contains("id=\"active-stops\"").contains("trang bị tấn công");
        clock.set(START.plus(Duration.ofMinutes(31)));
        engine.publishDueNow();
        assertThat(status(delivery)).isEqualTo("HELD");

        var planner = new WebSession(port).signIn("planner", PASSWORD);
        assertThat(planner.get("/channels").body())
                .as("planners see the stop but get no controls for it")
                .contains("trang bị tấn công")
                .doesNotContain("/resume");
        var stopId = stops.fresh().stops().get(0).id();
        assertThat(planner.post("/channels/emergency-stop/" + stopId + "/resume", "_csrf=" + planner.token("/channels"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(stops.fresh().isEmpty()).as("a planner cannot resume").isFalse();

        var resumed = admin.post("/channels/emergency-stop/" + stopId + "/resume", "_csrf=" + admin.token("/channels"));
        assertThat(resumed.statusCode()).isEqualTo(302);
        assertThat(stops.fresh().isEmpty()).isTrue();
        engine.publishDueNow();
        assertThat(status(delivery)).isEqualTo("PUBLISHED");
    }

    private boolean connected(long channel) {
        return as("admin")
                .get("/api/channels/" + channel + "/credentials")
                .body()
                .path("connected")
                .asBoolean();
    }

    private long stopCity() {
        var res = as("admin").post("/api/emergency-stops", stop("CITY", "sự cố"));
        assertCreated(res);
        return res.body().path("stop").path("id").asLong();
    }

    /** A stop's body, to which a test adds the organisation or channel. */
    private static Map<String, Object> stop(String scope, String reason) {
        var body = new HashMap<String, Object>();
        body.put("scope", scope);
        body.put("reason", reason);
        return body;
    }
}
