package vn.loa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.Api;
import vn.loa.app.support.FormSignIn;
import vn.loa.app.support.PostgresApiTest;

/**
 * TOTP on the pages, as a browser posts the forms: the code page after a right password (nothing
 * else reachable meanwhile), wrong and replayed codes, a recovery code once, the step lapsing, and
 * enrolling and turning off on the account page, whose later pages never show the secret again.
 */
class TotpWebTest extends PostgresApiTest {

    private static final String OWN = "hoa-ban-trang-tay-bac";
    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");
    private static final Pattern CODES = Pattern.compile("id=\"recovery-codes\">([^<]+)<");

    private TotpApiTest.Enrolled enrolled() {
        var who = person(OWN, "APPROVER");
        return TotpApiTest.enrol(who, Api.as(port, who, OWN).header("X-Forwarded-For", freshAddress()), clock);
    }

    private String now(byte[] secret) {
        return Totp.code(secret, Totp.step(clock.instant()), 6);
    }

    private static String code(String code) {
        return "code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    @Test
    void afterTheRightPasswordTheCodePageIsAllThereIsUntilARightCode() {
        var me = enrolled();
        clock.advance(Duration.ofSeconds(30));
        var browser = new FormSignIn(port, freshAddress());
        assertThat(browser.signIn(me.username(), OWN)).endsWith(SecondStep.CODE_PAGE);
        var elsewhere = browser.get("/review");
        assertThat(elsewhere.statusCode()).isEqualTo(302);
        assertThat(elsewhere.headers().firstValue("Location").orElseThrow()).endsWith(SecondStep.CODE_PAGE);
        assertThat(browser.get("/actuator/metrics").statusCode()).isIn(401, 403);
        var page = browser.get(SecondStep.CODE_PAGE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("autocomplete=\"one-time-code\"").contains("name=\"recoveryCode\"");

        var wrong = browser.post(
                SecondStep.CODE_PAGE,
                SecondStep.CODE_PAGE,
                code("000000".equals(now(me.secret())) ? "111111" : "000000"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Mã không đúng hoặc đã được dùng.");
        assertThat(browser.get("/review").statusCode()).isEqualTo(302);

        var right = browser.post(SecondStep.CODE_PAGE, SecondStep.CODE_PAGE, code(now(me.secret())));
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
        assertThat(browser.get("/review").statusCode()).isEqualTo(200);

        // The same code in another browser, within its 30 seconds: refused.
        var other = new FormSignIn(port, freshAddress());
        assertThat(other.signIn(me.username(), OWN)).endsWith(SecondStep.CODE_PAGE);
        assertThat(other.post(SecondStep.CODE_PAGE, SecondStep.CODE_PAGE, code(now(me.secret())))
                        .body())
                .contains("Mã không đúng hoặc đã được dùng.");
        assertThat(other.get("/review").statusCode()).isEqualTo(302);
    }

    @Test
    void aRecoveryCodeSignsInOnceAndTheStepLapses() {
        var me = enrolled();
        var recovery = "recoveryCode=" + me.recoveryCodes().get(0) + "&code=";
        var browser = new FormSignIn(port, freshAddress());
        browser.signIn(me.username(), OWN);
        var used = browser.post(SecondStep.CODE_PAGE, SecondStep.CODE_PAGE, recovery);
        assertThat(used.statusCode()).isEqualTo(302);
        assertThat(used.headers().firstValue("Location").orElseThrow()).endsWith("/account/security");
        assertThat(browser.get("/account/security").body()).contains("Bạn vừa đăng nhập bằng mã khôi phục; còn 9 mã.");
        assertThat(browser.get("/review").statusCode()).isEqualTo(200);

        var again = new FormSignIn(port, freshAddress());
        again.signIn(me.username(), OWN);
        assertThat(again.post(SecondStep.CODE_PAGE, SecondStep.CODE_PAGE, recovery)
                        .body())
                .contains("Mã không đúng hoặc đã được dùng.");

        var late = new FormSignIn(port, freshAddress());
        late.signIn(me.username(), OWN);
        assertThat(late.get(SecondStep.CODE_PAGE).statusCode()).isEqualTo(200);
        clock.advance(PendingSecondFactor.LIFETIME);
        var lapsed = late.get(SecondStep.CODE_PAGE);
        assertThat(lapsed.statusCode()).isEqualTo(302);
        assertThat(lapsed.headers().firstValue("Location").orElseThrow()).contains("/login?expired");
        assertThat(late.get("/review").headers().firstValue("Location").orElseThrow())
                .endsWith("/login");
    }

    @Test
    void anAdministratorRemovesSomeonesTwoStepSignInFromTheAdministrationPage() {
        var me = enrolled();
        var person = new FormSignIn(port, freshAddress());
        person.signIn(me.username(), OWN);
        person.post(
                SecondStep.CODE_PAGE,
                SecondStep.CODE_PAGE,
                "recoveryCode=" + me.recoveryCodes().get(0));
        assertThat(person.get("/review").statusCode()).isEqualTo(200);
        var admin = new FormSignIn(port, freshAddress());
        admin.signIn("admin", PASSWORD);
        assertThat(admin.get("/admin").body())
                .contains("id=\"totp-" + me.username() + "\"")
                .contains("id=\"reset-totp-" + me.username() + "\"");
        var reset = admin.post("/admin", "/admin/users/" + me.username() + "/reset-totp", "x=1");
        assertThat(reset.statusCode()).isEqualTo(302);
        var page = admin.get("/admin").body();
        assertThat(page).contains("Đã gỡ xác thực hai bước của " + me.username() + ".");
        assertThat(page).doesNotContain("id=\"totp-" + me.username() + "\"");
        assertThat(person.get("/review").headers().firstValue("Location").orElseThrow())
                .as("the person's open session ended")
                .endsWith("/login");
        assertThat(new FormSignIn(port, freshAddress()).signIn(me.username(), OWN))
                .doesNotContain(SecondStep.CODE_PAGE);
    }

    @Test
    void theAccountPageEnrolsShowingTheSecretAndCodesOnceAndTurnsItOff() {
        var who = person(OWN, "PLANNER");
        var browser = new FormSignIn(port, freshAddress());
        browser.signIn(who, OWN);
        var page = "/account/security";
        assertThat(browser.get(page).body()).contains("id=\"totp-start\"").contains("Chưa bật.");

        var started = browser.post(page, page + "/start", "x=1");
        assertThat(started.statusCode()).isEqualTo(200);
        var secretText = SECRET.matcher(started.body());
        assertThat(secretText.find()).as(started.body()).isTrue();
        var secret = Totp.fromBase32(secretText.group(1));
        assertThat(started.body()).contains("otpauth://totp/Loa:" + who);

        var pending = browser.get(page).body();
        assertThat(pending).doesNotContain(secretText.group(1)).contains("id=\"totp-confirm\"");
        var wrong = browser.post(page, page + "/confirm", code(Totp.code(secret, Totp.step(clock.instant()) + 4, 6)));
        assertThat(wrong.body()).contains("không phải mã hiện tại của ứng dụng xác thực");

        var confirmed = browser.post(page, page + "/confirm", code(now(secret)));
        var codes = CODES.matcher(confirmed.body());
        assertThat(codes.find()).as(confirmed.body()).isTrue();
        var recoveryCodes = codes.group(1).strip().split("\n");
        assertThat(recoveryCodes).hasSize(10);
        var later = browser.get(page).body();
        assertThat(later).contains("Còn 10 mã khôi phục chưa dùng.").doesNotContain(secretText.group(1));
        for (var c : recoveryCodes) {
            assertThat(later).doesNotContain(c);
        }

        var renewed = browser.post(page, page + "/recovery-codes", "password=" + OWN + "&" + code(recoveryCodes[9]));
        assertThat(renewed.body()).contains("Đã tạo mã khôi phục mới");
        var fresh = CODES.matcher(renewed.body());
        assertThat(fresh.find()).isTrue();
        recoveryCodes = fresh.group(1).strip().split("\n");
        assertThat(recoveryCodes).hasSize(10);

        clock.advance(Duration.ofSeconds(30));
        var badPassword = browser.post(page, page + "/disable", "password=sai-mat-khau-roi&" + code(now(secret)));
        assertThat(badPassword.body()).contains("không phải mật khẩu của bạn");
        var off = browser.post(page, page + "/disable", "password=" + OWN + "&" + code(recoveryCodes[0]));
        assertThat(off.statusCode()).isEqualTo(302);
        assertThat(browser.get(page).body())
                .contains("Đã tắt xác thực hai bước.")
                .contains("id=\"totp-start\"");
        assertThat(new FormSignIn(port, freshAddress()).signIn(who, OWN)).doesNotContain(SecondStep.CODE_PAGE);
    }
}
