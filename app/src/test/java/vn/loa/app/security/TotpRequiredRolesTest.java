package vn.loa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.support.Api;
import vn.loa.app.support.FormSignIn;
import vn.loa.app.support.PostgresApiTest;
import vn.loa.app.support.PostgresDatabase;

/**
 * The operator requires TOTP of approvers ({@code loa.security.totp.required-roles}): an approver
 * without it can do nothing but enrol, on the API (a clear 403) and the web (sent to the enrolment
 * page after the password); other roles go on as before. A database of its own, since the setting
 * changes what every approver may do.
 */
class TotpRequiredRolesTest extends PostgresApiTest {

    private static final String OWN = "tieng-chuong-chua-tran-quoc";

    @DynamicPropertySource
    static void required(DynamicPropertyRegistry registry) {
        var url = PostgresDatabase.ownDatabase("totp_required");
        registry.add("loa.test.database-url", () -> url);
        registry.add("loa.test.quartz-name", () -> "loa-totp-required");
        registry.add("loa.security.totp.required-roles", () -> "APPROVER");
    }

    private Api signedIn(String username) {
        return Api.as(port, username, OWN).header("X-Forwarded-For", freshAddress());
    }

    @Test
    void anApproverWithoutTotpMayOnlyEnrolThroughTheApi() {
        var who = person(OWN, "APPROVER");
        var blocked = signedIn(who).get("/api/deliveries");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.contentType()).startsWith("application/problem+json");
        assertThat(blocked.text()).contains("requires two-step sign-in").contains("POST /api/me/totp");
        assertThat(signedIn(who).get("/api/content").status()).isEqualTo(403);
        assertThat(signedIn(who).get("/api/me/totp").body().path("required").asBoolean())
                .isTrue();
        assertThat(signedIn(who).get("/api/me").status()).isEqualTo(200);
        var planner = person(OWN, "PLANNER");
        assertThat(signedIn(planner).get("/api/content").status())
                .as("other roles")
                .isEqualTo(200);

        var start = signedIn(who).post("/api/me/totp", null);
        assertThat(start.status()).isEqualTo(201);
        var secret = Totp.fromBase32(start.field("secret"));
        var confirmed = signedIn(who)
                .post("/api/me/totp/confirm", Map.of("code", Totp.code(secret, Totp.step(clock.instant()), 6)));
        assertThat(confirmed.status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(30));
        var made = signedIn(who)
                .header(AccountGate.CODE_HEADER, Totp.code(secret, Totp.step(clock.instant()), 6))
                .post("/api/me/tokens", Map.of("name", "kịch bản duyệt"));
        assertThat(made.status()).isEqualTo(201);
        assertThat(Api.bearer(port, made.field("token")).get("/api/content").status())
                .isEqualTo(200);

        // An administrator's reset puts the approver back where they started: enrol first.
        assertThat(as("admin").post("/api/users/" + who + "/reset-totp", null).status())
                .isEqualTo(204);
        assertThat(Api.bearer(port, made.field("token")).get("/api/content").status())
                .as("a token does not get round the requirement")
                .isEqualTo(403);
    }

    @Test
    void theSettingAsLoaStartedWithIsInTheAuditTrail() {
        var audit = as("admin").get("/api/audit?kind=SETTING&subject=" + TotpRequirement.SETTING);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.text()).contains("two-step sign-in required of: (none) → APPROVER");
    }

    @Test
    void onTheWebAnApproverWithoutTotpIsSentToEnrolAfterThePassword() {
        var who = person(OWN, "APPROVER");
        var browser = new FormSignIn(port, freshAddress());
        assertThat(browser.signIn(who, OWN)).endsWith("/");
        var home = browser.get("/review");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith(AccountGate.ENROL_PAGE);
        assertThat(browser.get(AccountGate.ENROL_PAGE).statusCode()).isEqualTo(200);

        var planner = new FormSignIn(port, freshAddress());
        assertThat(planner.signIn(person(OWN, "PLANNER"), OWN)).endsWith("/");
        assertThat(planner.get("/calendar").statusCode()).isEqualTo(200);
    }
}
