package vn.loa.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.loa.app.support.Api;
import vn.loa.app.support.PostgresApiTest;

/**
 * Changes to the keys are in the audit trail with who, when, from where and what changed (never a
 * secret); GET /api/audit lists them for administrators and leadership, with filters and pages.
 */
class AuditApiTest extends PostgresApiTest {

    private static final String FROM = "203.0.113.7";

    private Api admin() {
        return as("admin").header("X-Forwarded-For", FROM);
    }

    private List<JsonNode> entries(String query) {
        var res = as("leader").get("/api/audit?" + query);
        assertThat(res.status()).isEqualTo(200);
        var out = new ArrayList<JsonNode>();
        res.body().path("items").forEach(out::add);
        return out;
    }

    @Test
    void userChangesAreAuditedWithWhoWhenWhereAndWhatButNoPassword() {
        var username = "kiemtra" + unique();
        var password = "bao-mat-la-tren-het";
        assertCreated(admin().post(
                        "/api/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                password,
                                "displayName",
                                "K",
                                "roles",
                                List.of("PLANNER"))));
        admin().put("/api/users/" + username + "/roles", Map.of("roles", List.of("PLANNER", "APPROVER")));
        admin().post("/api/users/" + username + "/disable", null);
        admin().post("/api/users/" + username + "/enable", null);
        var reset = admin().post("/api/users/" + username + "/reset-password", null);
        var oneTime = reset.field("oneTimePassword");
        Api.as(port, username, oneTime)
                .header("X-Forwarded-For", "198.51.100.4")
                .put("/api/me/password", Map.of("currentPassword", oneTime, "newPassword", "song-hong-chay-mai"));

        var trail = entries("kind=USER&subject=" + username + "&size=50");
        assertThat(trail)
                .extracting(e -> e.path("action").asString())
                .containsExactly(
                        "PASSWORD_CHANGED", "PASSWORD_RESET", "ENABLED", "DISABLED", "ROLES_CHANGED", "CREATED");
        var created = trail.get(trail.size() - 1);
        assertThat(created.path("actor").asString()).isEqualTo("admin");
        assertThat(created.path("address").asString()).isNotBlank();
        assertThat(trail.get(4).path("address").asString()).isEqualTo(FROM);
        assertThat(created.path("detail").asString()).isEqualTo("roles PLANNER");
        assertThat(created.path("at").asString()).isNotBlank();
        assertThat(trail.get(4).path("detail").asString()).isEqualTo("roles PLANNER → APPROVER, PLANNER");
        assertThat(trail.get(0).path("actor").asString()).isEqualTo(username);
        assertThat(trail.get(0).path("address").asString()).isEqualTo("198.51.100.4");
        var all = as("admin").get("/api/audit?subject=" + username + "&size=50").text();
        assertThat(all).doesNotContain(password).doesNotContain(oneTime).doesNotContain("song-hong-chay-mai");
    }

    @Test
    void channelAndCredentialChangesAreAuditedWithoutTheTokens() {
        var channel = channel("FACEBOOK", "UBND");
        var token = "EAAB-audit-token-" + unique();
        admin().put(
                        "/api/channels/" + channel,
                        Map.of(
                                "platform",
                                "FACEBOOK",
                                "externalId",
                                as("admin").get("/api/channels/" + channel).field("externalId"),
                                "displayName",
                                "Trang mới " + channel,
                                "role",
                                "AGENCY",
                                "organisation",
                                "UBND",
                                "followerCount",
                                60_000,
                                "active",
                                false));
        assertThat(admin().put("/api/channels/" + channel + "/credentials", Map.of("pageToken", token))
                        .status())
                .isEqualTo(200);
        assertThat(admin().delete("/api/channels/" + channel + "/credentials").status())
                .isEqualTo(204);

        var channelTrail = entries("kind=CHANNEL&subject=" + channel);
        assertThat(channelTrail).extracting(e -> e.path("action").asString()).containsExactly("CHANGED", "REGISTERED");
        assertThat(channelTrail.get(0).path("detail").asString())
                .contains("displayName: FACEBOOK page")
                .contains("→ Trang mới " + channel)
                .contains("role: PARTNER → AGENCY")
                .contains("active: true → false");
        var credentialTrail = entries("kind=CREDENTIAL&subject=" + channel);
        assertThat(credentialTrail)
                .extracting(e -> e.path("action").asString())
                .containsExactly("DISCONNECTED", "CONNECTED");
        assertThat(credentialTrail.get(1).path("detail").asString()).startsWith("verified");
        assertThat(credentialTrail.get(1).path("address").asString()).isEqualTo(FROM);
        assertThat(as("admin").get("/api/audit?size=200").text()).doesNotContain(token);
    }

    @Test
    void onlyAdministratorsAndLeadershipReadTheTrailWithFiltersAndPages() {
        assertThat(as("planner").get("/api/audit").status()).isEqualTo(403);
        assertThat(as("approver").get("/api/audit").status()).isEqualTo(403);
        assertThat(as("partner").get("/api/audit").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/audit").status()).isEqualTo(401);
        assertThat(as("admin").get("/api/audit").status()).isEqualTo(200);

        var marker = "trang" + unique();
        for (int i = 0; i < 3; i++) {
            admin().post(
                            "/api/channels",
                            Map.of(
                                    "platform",
                                    "ZALO",
                                    "externalId",
                                    marker + "-" + i,
                                    "displayName",
                                    marker,
                                    "role",
                                    "PARTNER",
                                    "organisation",
                                    "UBND"));
        }
        var first = as("leader").get("/api/audit?kind=CHANNEL&action=REGISTERED&actor=admin&size=2&page=0");
        assertThat(first.body().path("items").size()).isEqualTo(2);
        assertThat(first.body().path("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        var ids = new ArrayList<Long>();
        first.body().path("items").forEach(e -> ids.add(e.path("id").asLong()));
        assertThat(ids.get(0)).isGreaterThan(ids.get(1));

        var from = START.atOffset(ZoneOffset.UTC).minusMinutes(1).toString();
        var to = START.atOffset(ZoneOffset.UTC).plusMinutes(1).toString();
        assertThat(entries("kind=CHANNEL&from=" + from + "&to=" + to + "&size=200"))
                .anySatisfy(e -> assertThat(e.path("detail").asString()).contains(marker));
        var later = START.atOffset(ZoneOffset.UTC).plusDays(3650).toString();
        assertThat(entries("kind=CHANNEL&from=" + later)).isEmpty();

        var bad = as("leader").get("/api/audit?size=0&from=" + to + "&to=" + from);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(as("leader").get("/api/audit?kind=NOPE").status()).isEqualTo(400);
    }
}
