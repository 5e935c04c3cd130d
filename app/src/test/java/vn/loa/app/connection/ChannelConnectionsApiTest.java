package vn.loa.app.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.app.support.PostgresApiTest;
import vn.loa.connectors.Platform;
import vn.loa.connectors.sandbox.Fault;
import vn.loa.connectors.sandbox.PlatformSandbox;

/** Connecting channels: credentials are checked with the platform, sealed at rest, and never shown again. */
class ChannelConnectionsApiTest extends PostgresApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformSandbox sandbox;

    @Test
    void anAdministratorConnectsAPageAndTheTokenIsStoredSealedAndNeverReturned() {
        var page = channel("FACEBOOK", "UBND");
        var token = "EAAB-page-token-" + unique();

        var connected = as("admin").put("/api/channels/" + page + "/credentials", Map.of("pageToken", token));

        assertThat(connected.status()).isEqualTo(200);
        assertThat(connected.body().path("connected").asBoolean()).isTrue();
        assertThat(connected.body().path("verified").asBoolean()).isTrue();
        assertThat(connected.text()).doesNotContain(token);
        assertThat(as("planner").get("/api/channels/" + page + "/credentials").text())
                .doesNotContain(token)
                .contains("\"connected\":true");
        // The follower count was read from the platform while checking.
        assertThat(as("planner")
                        .get("/api/channels/" + page)
                        .body()
                        .path("followerCount")
                        .asLong())
                .isGreaterThanOrEqualTo(50_000);
        var sealed = jdbc.sql("SELECT sealed FROM channel_credential WHERE channel_id = ?")
                .param(page)
                .query(String.class)
                .single();
        assertThat(sealed).startsWith("v2:").doesNotContain(token).doesNotContain("EAAB");
    }

    @Test
    void credentialsThePlatformRefusesAreNotStored() {
        var page = channel("FACEBOOK", "UBND");
        sandbox.inject(Platform.FACEBOOK, Fault.TOKEN_EXPIRED, 1);
        var refused = as("admin").put("/api/channels/" + page + "/credentials", Map.of("pageToken", "expired"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error("credentials"))
                .contains("refused these credentials")
                .contains("190/463");
        assertThat(as("admin")
                        .get("/api/channels/" + page + "/credentials")
                        .body()
                        .path("connected")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void eachPlatformNeedsItsOwnFieldsAndOnlyAdministratorsConnect() {
        var zalo = channel("ZALO", "UBND");
        var missing = as("admin").put("/api/channels/" + zalo + "/credentials", Map.of("appId", "1"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error("secretKey")).isEqualTo("is required");
        assertThat(missing.error("accessToken")).isEqualTo("is required");
        assertThat(missing.error("refreshToken")).isEqualTo("is required");
        assertThat(as("planner")
                        .put("/api/channels/" + zalo + "/credentials", Map.of("appId", "1"))
                        .status())
                .isEqualTo(403);
        assertThat(as("admin").put("/api/channels/987654/credentials", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void aZaloConnectionIsRotatedAtOnceWhenItsAccessTokenIsStale() {
        var oa = channel("ZALO", "UBND");
        var externalId = as("admin").get("/api/channels/" + oa).field("externalId");
        var tokens = new String[] {"zalo-at." + externalId + ".0", "zalo-rt." + externalId + ".0"};
        var res = as("admin")
                .put(
                        "/api/channels/" + oa + "/credentials",
                        Map.of(
                                "appId",
                                "app",
                                "secretKey",
                                "s",
                                "accessToken",
                                tokens[0],
                                "refreshToken",
                                tokens[1],
                                "accessExpiresAt",
                                "2026-11-01T00:00:00+07:00"));
        assertThat(res.body().path("verified").asBoolean()).isTrue();
        // The stale pair was refreshed during the check: what is stored is the new pair, not the spent one.
        var sealed = jdbc.sql("SELECT sealed FROM channel_credential WHERE channel_id = ?")
                .param(oa)
                .query(String.class)
                .single();
        assertThat(sealed).doesNotContain(tokens[1]);
    }

    @Test
    void variantsThatBreakPlatformLimitsCannotBeSubmitted() {
        var zalo = channel("ZALO", "UBND");
        var youtube = channel("YOUTUBE", "UBND");
        var campaign = campaign("culture", List.of(zalo, youtube));
        var written = as("planner")
                .post(
                        "/api/content",
                        Map.of(
                                "campaignId",
                                campaign,
                                "title",
                                "Lễ hội",
                                "body",
                                "Lễ hội mùa thu",
                                "variants",
                                List.of(
                                        Map.of(
                                                "platform",
                                                "YOUTUBE",
                                                "title",
                                                "Lễ hội",
                                                "body",
                                                "Đường phố Hà Nội ".repeat(300),
                                                "media",
                                                List.of("https://cdn.hanoi.gov.vn/phim.mp4")),
                                        Map.of("platform", "ZALO", "title", "Lễ hội", "body", "Nội dung"))));
        assertCreated(written);
        var id = written.id();

        var checks = as("planner").get("/api/content/" + id + "/checks");
        assertThat(checks.body().valueStream().map(p -> p.path("field").asString()))
                .containsExactlyInAnyOrder("variants[YOUTUBE].body", "variants[ZALO].coverUrl");
        var submit = as("planner").post("/api/content/" + id + "/submit", null);
        assertThat(submit.status()).isEqualTo(400);
        assertThat(submit.error("variants[YOUTUBE].body")).contains("5000 bytes");
        assertThat(submit.error("variants[ZALO].coverUrl")).isEqualTo("a Zalo article needs a cover photo");
        assertThat(as("planner").get("/api/content/" + id).field("status")).isEqualTo("DRAFT");
    }
}
