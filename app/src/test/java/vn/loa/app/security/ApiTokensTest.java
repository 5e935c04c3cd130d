package vn.loa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.app.support.Api;
import vn.loa.app.support.PostgresApiTest;

/** Personal API tokens: shown once, stored hashed, act as their owner, revocable, never breed. */
class ApiTokensTest extends PostgresApiTest {

    private static final String OWN = "kich-ban-nhap-lieu-dem";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenIsShownOnceStoredHashedAndActsAsItsOwnerUntilRevoked() {
        var who = person(OWN, "PLANNER");
        var me = Api.as(port, who, OWN);
        var made = me.post("/api/me/tokens", Map.of("name", "nhập lịch hằng tuần"));
        assertCreated(made);
        var token = made.field("token");
        assertThat(token).startsWith("loa_").hasSizeGreaterThan(40);
        assertThat(made.field("prefix")).isEqualTo(token.substring(0, 10));

        var listed = me.get("/api/me/tokens");
        assertThat(listed.text()).doesNotContain(token).contains("nhập lịch hằng tuần");
        assertThat(jdbc.sql("SELECT token_hash FROM api_token WHERE username = ?")
                        .param(who)
                        .query(String.class)
                        .single())
                .doesNotContain(token.substring(10))
                .hasSize(64);

        var script = Api.bearer(port, token);
        assertThat(script.get("/api/me").field("username")).isEqualTo(who);
        assertThat(script.post("/api/plans", Map.of("year", 2031, "title", "Kế hoạch qua token"))
                        .status())
                .isIn(201, 400);
        assertThat(me.get("/api/me/tokens").body().get(0).path("lastUsedAt").isMissingNode())
                .isFalse();

        var bred = script.post("/api/me/tokens", Map.of("name", "con"));
        assertThat(bred.status()).isEqualTo(403);
        assertThat(bred.field("detail")).contains("sign in with your password");

        assertThat(me.delete("/api/me/tokens/" + made.id()).status()).isEqualTo(204);
        assertThat(script.get("/api/me").status()).isEqualTo(401);
        assertThat(me.delete("/api/me/tokens/" + made.id()).status()).isEqualTo(404);

        var trail = as("admin").get("/api/audit?kind=USER&subject=" + who);
        assertThat(trail.text())
                .contains("TOKEN_CREATED")
                .contains("TOKEN_REVOKED")
                .doesNotContain(token);
    }

    @Test
    void aDisabledOwnersTokensStopAndStrangersTokensNeverWork() {
        var who = person(OWN, "LEADERSHIP");
        var token = Api.as(port, who, OWN)
                .post("/api/me/tokens", Map.of("name", "báo cáo"))
                .field("token");
        assertThat(Api.bearer(port, token).get("/api/reports/year?year=2026").status())
                .isEqualTo(200);
        as("admin").post("/api/users/" + who + "/disable", null);
        var refused = Api.bearer(port, token).get("/api/me");
        assertThat(refused.status()).isEqualTo(401);
        var forged = Api.bearer(port, "loa_" + "A".repeat(43)).get("/api/me");
        assertThat(forged.text()).isEqualTo(refused.text());
        assertThat(Api.bearer(port, "not-a-token").get("/api/me").status()).isEqualTo(401);
        assertThat(Api.as(port, who, OWN)
                        .post("/api/me/tokens", Map.of("name", ""))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aTokenNeedsAName() {
        var who = person(OWN, "APPROVER");
        var nameless = Api.as(port, who, OWN).post("/api/me/tokens", Map.of("name", " "));
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.error("name")).isEqualTo("is required");
        assertThat(Api.as(port, who, OWN).get("/api/me/tokens").body().size()).isZero();
    }
}
