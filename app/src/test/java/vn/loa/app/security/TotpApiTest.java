package vn.loa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.Api;
import vn.loa.app.support.PostgresApiTest;
import vn.loa.testsupport.MutableClock;

/**
 * TOTP through the API, with the test clock: enrolment in two steps, the password alone no longer
 * opening the API, codes accepted one step either side and never twice, recovery codes once,
 * wrong codes throttled, turning it off, and an administrator's reset, all audited without secrets.
 */
class TotpApiTest extends PostgresApiTest {

    private static final String OWN = "con-ca-vang-boi-ho-guom";

    /** A person who has turned TOTP on. */
    record Enrolled(String username, byte[] secret, String secretText, List<String> recoveryCodes) {}

    private Api signedIn(String username) {
        return Api.as(port, username, OWN).header("X-Forwarded-For", freshAddress());
    }

    /** What GET /api/plans answers to a password call carrying {@code code} as the one-time code. */
    private int plansWith(String username, String code) {
        return signedIn(username)
                .header(AccountGate.CODE_HEADER, code)
                .get("/api/plans")
                .status();
    }

    private boolean totpEnabled(String username) {
        return signedIn(username).get("/api/me").body().path("totpEnabled").asBoolean();
    }

    private String code(byte[] secret, int stepsFromNow) {
        return Totp.code(secret, Totp.step(clock.instant()) + stepsFromNow, 6);
    }

    private Enrolled enrolled(String role) {
        var who = person(OWN, role);
        return enrol(who, Api.as(port, who, OWN).header("X-Forwarded-For", freshAddress()), clock);
    }

    /** Turns TOTP on for {@code who} through the API, with the current code of the test clock. */
    static Enrolled enrol(String who, Api api, MutableClock clock) {
        var start = api.post("/api/me/totp", null);
        assertThat(start.status()).isEqualTo(201);
        var secretText = start.field("secret");
        var secret = Totp.fromBase32(secretText);
        var confirmed =
                api.post("/api/me/totp/confirm", Map.of("code", Totp.code(secret, Totp.step(clock.instant()), 6)));
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        var codes = new ArrayList<String>();
        confirmed.body().path("recoveryCodes").forEach(c -> codes.add(c.asString()));
        return new Enrolled(who, secret, secretText, codes);
    }

    @Test
    void enrolmentNeedsAFirstRightCodeAndAnswersTenRecoveryCodesOnce() {
        var who = person(OWN, "PLANNER");
        assertThat(signedIn(who)
                        .post("/api/me/totp/confirm", Map.of("code", "123456"))
                        .error("code"))
                .isEqualTo("start enrolment first");

        var start = signedIn(who).post("/api/me/totp", null);
        assertThat(start.status()).isEqualTo(201);
        var secretText = start.field("secret");
        assertThat(secretText).matches("[A-Z2-7]{32}");
        assertThat(start.field("otpauthUri"))
                .isEqualTo("otpauth://totp/Loa:" + who + "?secret=" + secretText
                        + "&issuer=Loa&algorithm=SHA1&digits=6&period=30");
        var secret = Totp.fromBase32(secretText);

        var wrong = signedIn(who).post("/api/me/totp/confirm", Map.of("code", code(secret, 5)));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.error("code")).startsWith("is not the current code of your authenticator app");
        assertThat(signedIn(who).post("/api/me/totp/confirm", Map.of()).error("code"))
                .isEqualTo("is required");
        assertThat(totpEnabled(who)).isFalse();
        assertThat(signedIn(who).get("/api/plans").status())
                .as("not on until confirmed")
                .isEqualTo(200);

        var confirmed = signedIn(who).post("/api/me/totp/confirm", Map.of("code", code(secret, 0)));
        assertThat(confirmed.status()).isEqualTo(200);
        var codes = confirmed.body().path("recoveryCodes");
        assertThat(codes.size()).isEqualTo(10);
        codes.forEach(c -> assertThat(c.asString()).matches("[a-z2-9]{5}-[a-z2-9]{5}"));

        var status =
                signedIn(who).header(AccountGate.CODE_HEADER, code(secret, 1)).get("/api/me/totp");
        assertThat(status.body().path("enabled").asBoolean()).isTrue();
        assertThat(status.body().path("recoveryCodesLeft").asInt()).isEqualTo(10);
        assertThat(status.text()).doesNotContain(secretText);
        clock.advance(Duration.ofSeconds(60));
        var again =
                signedIn(who).header(AccountGate.CODE_HEADER, code(secret, 0)).post("/api/me/totp", null);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.error("totp")).startsWith("is already on");
        assertThat(as("admin").get("/api/users").text()).contains("\"totpEnabled\":true");
    }

    @Test
    void withTotpOnThePasswordAloneIsRefusedAndACodeOpensOneCallOnce() {
        var me = enrolled("PLANNER");
        var alone = signedIn(me.username()).get("/api/plans");
        assertThat(alone.status()).isEqualTo(401);
        assertThat(alone.contentType()).startsWith("application/problem+json");
        assertThat(alone.text()).contains("personal API token").contains(AccountGate.CODE_HEADER);

        // The code that confirmed the enrolment is spent already.
        var replayed = signedIn(me.username())
                .header(AccountGate.CODE_HEADER, code(me.secret(), 0))
                .get("/api/plans");
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.text()).contains("already used");

        clock.advance(Duration.ofSeconds(30));
        var fresh = code(me.secret(), 0);
        assertThat(plansWith(me.username(), fresh)).isEqualTo(200);
        assertThat(plansWith(me.username(), fresh)).as("the same code twice").isEqualTo(401);

        // One step either side of now is accepted (clocks a little apart), an older one not.
        clock.advance(Duration.ofSeconds(60));
        var previous = code(me.secret(), -1);
        assertThat(plansWith(me.username(), previous)).isEqualTo(200);
        assertThat(plansWith(me.username(), code(me.secret(), 1))).isEqualTo(200);
        clock.advance(Duration.ofSeconds(30));
        assertThat(plansWith(me.username(), code(me.secret(), 2)))
                .as("two steps ahead")
                .isEqualTo(401);
        assertThat(plansWith(me.username(), code(me.secret(), -1)))
                .as("a step at or before the last one accepted")
                .isEqualTo(401);
    }

    @Test
    void scriptsUseATokenMadeWithPasswordAndCodeAndATokenCannotChangeTheSecondFactor() {
        var me = enrolled("PLANNER");
        clock.advance(Duration.ofSeconds(30));
        var made = signedIn(me.username())
                .header(AccountGate.CODE_HEADER, code(me.secret(), 0))
                .post("/api/me/tokens", Map.of("name", "báo cáo tuần"));
        assertThat(made.status()).isEqualTo(201);
        var token = Api.bearer(port, made.field("token"));
        assertThat(token.get("/api/plans").status()).isEqualTo(200);
        assertThat(token.get("/api/plans").status())
                .as("a token is not a one-time code")
                .isEqualTo(200);

        var off = token.post(
                "/api/me/totp/disable",
                Map.of("password", OWN, "code", me.recoveryCodes().get(0)));
        assertThat(off.status()).isEqualTo(403);
        assertThat(off.text()).contains("sign in with your password");
        assertThat(token.post("/api/me/totp", null).status()).isEqualTo(403);
        assertThat(token.get("/api/me/totp").body().path("enabled").asBoolean()).isTrue();
    }

    @Test
    void aRecoveryCodeWorksOnceAndItsUseIsAuditedWithoutTheCode() {
        var me = enrolled("APPROVER");
        var recovery = me.recoveryCodes().get(3);
        var first = signedIn(me.username())
                .header(AccountGate.CODE_HEADER, recovery)
                .get("/api/me/totp");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("recoveryCodesLeft").asInt()).isEqualTo(9);
        assertThat(signedIn(me.username())
                        .header(AccountGate.CODE_HEADER, recovery)
                        .get("/api/me")
                        .status())
                .isEqualTo(401);
        // Typed from paper: upper case and without the hyphen is the same code.
        assertThat(signedIn(me.username())
                        .header(
                                AccountGate.CODE_HEADER,
                                me.recoveryCodes().get(4).replace("-", "").toUpperCase())
                        .get("/api/me")
                        .status())
                .isEqualTo(200);

        var audit = as("admin").get("/api/audit?kind=USER&subject=" + me.username() + "&size=50");
        assertThat(audit.text())
                .contains("TOTP_ENABLED")
                .contains("RECOVERY_CODE_USED")
                .contains("9 recovery codes left")
                .contains("8 recovery codes left");
        for (var c : me.recoveryCodes()) {
            assertThat(audit.text()).doesNotContain(c).doesNotContain(c.replace("-", ""));
        }
        assertThat(audit.text()).doesNotContain(me.secretText());
    }

    @Test
    void newRecoveryCodesReplaceTheOldOnesWithPasswordAndCode() {
        var me = enrolled("PLANNER");
        var api = signedIn(me.username());
        var refused = api.post("/api/me/totp/recovery-codes", Map.of("password", OWN, "code", "000000x"));
        assertThat(refused.error("code")).isEqualTo("is not a current code or an unused recovery code");
        var renewed = api.post(
                "/api/me/totp/recovery-codes",
                Map.of("password", OWN, "code", me.recoveryCodes().get(0)));
        assertThat(renewed.status()).as(renewed.text()).isEqualTo(200);
        var fresh = new ArrayList<String>();
        renewed.body().path("recoveryCodes").forEach(c -> fresh.add(c.asString()));
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(me.recoveryCodes());
        assertThat(plansWith(me.username(), me.recoveryCodes().get(1)))
                .as("an old one")
                .isEqualTo(401);
        assertThat(plansWith(me.username(), fresh.get(0))).as("a new one").isEqualTo(200);
        assertThat(as("admin")
                        .get("/api/audit?kind=USER&subject=" + me.username() + "&action=RECOVERY_CODES_RENEWED")
                        .text())
                .contains("10 new recovery codes");
    }

    @Test
    void wrongCodesCountTowardTheThrottleLikeWrongPasswords() {
        var me = enrolled("PLANNER");
        clock.advance(Duration.ofSeconds(30));
        var from = signedIn(me.username());
        var right = code(me.secret(), 0);
        var wrong = right.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(from.header(AccountGate.CODE_HEADER, wrong)
                            .get("/api/plans")
                            .status())
                    .isEqualTo(401);
        }
        assertThat(plansWith(me.username(), right))
                .as("must wait, even from another address and with the right code")
                .isEqualTo(401);
        clock.advance(Duration.ofSeconds(2));
        assertThat(plansWith(me.username(), right)).isEqualTo(200);
    }

    @Test
    void turningItOffNeedsThePasswordAndACurrentCode() {
        var me = enrolled("PLANNER");
        clock.advance(Duration.ofSeconds(30));
        // The password and the code go in the body; no code in the header is wanted here.
        var off = signedIn(me.username());
        var wrong = off.post("/api/me/totp/disable", Map.of("password", "khong-phai-mat-khau", "code", "123456"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.error("password")).isEqualTo("is not your password");
        assertThat(off.post("/api/me/totp/disable", Map.of("password", OWN)).error("code"))
                .isEqualTo("is required");
        for (int i = 0; i < 5; i++) {
            assertThat(off.post("/api/me/totp/disable", Map.of("password", OWN, "code", code(me.secret(), 5 + i)))
                            .error("code"))
                    .isEqualTo("is not a current code or an unused recovery code");
        }
        assertThat(off.post("/api/me/totp/disable", Map.of("password", OWN, "code", code(me.secret(), 0)))
                        .status())
                .as("wrong codes are throttled here too: the account must wait, as at sign-in")
                .isEqualTo(401);
        assertThat(signedIn(me.username()).get("/api/plans").status())
                .as("still on")
                .isEqualTo(401);
        clock.advance(Duration.ofSeconds(2));
        var done = off.post("/api/me/totp/disable", Map.of("password", OWN, "code", code(me.secret(), 0)));
        assertThat(done.status()).as(done.text()).isEqualTo(204);

        assertThat(signedIn(me.username()).get("/api/plans").status()).isEqualTo(200);
        assertThat(totpEnabled(me.username())).isFalse();
        assertThat(as("admin")
                        .get("/api/audit?kind=USER&subject=" + me.username() + "&action=TOTP_DISABLED")
                        .text())
                .contains("turned off by the person themselves");
    }

    @Test
    void anAdministratorResetsALostAuthenticatorAndOnlyAnAdministrator() {
        var me = enrolled("APPROVER");
        assertThat(as("planner")
                        .post("/api/users/" + me.username() + "/reset-totp", null)
                        .status())
                .isEqualTo(403);
        assertThat(as("admin")
                        .post("/api/users/nobody" + unique() + "/reset-totp", null)
                        .status())
                .isEqualTo(404);
        assertThat(as("admin")
                        .post("/api/users/" + me.username() + "/reset-totp", null)
                        .status())
                .isEqualTo(204);
        assertThat(totpEnabled(me.username())).isFalse();
        assertThat(as("admin")
                        .post("/api/users/" + me.username() + "/reset-totp", null)
                        .error("username"))
                .isEqualTo("has no TOTP to reset");
        var audit = as("admin").get("/api/audit?kind=USER&subject=" + me.username() + "&action=TOTP_RESET");
        assertThat(audit.text()).contains("\"actor\":\"admin\"").contains("removed by an administrator");
        // The old recovery codes went with it.
        var start = signedIn(me.username()).post("/api/me/totp", null);
        assertThat(start.status()).isEqualTo(201);
    }
}
