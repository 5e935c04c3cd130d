package vn.loa.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import vn.loa.app.security.Totp;
import vn.loa.app.support.PostgresApiTest;

/**
 * Two-step sign-in in a real browser: a planner turns TOTP on from the account page (htmx swaps
 * the section: secret, then recovery codes), signs out, signs in again with password and code, and
 * lands where a signed-in person does.
 */
class TotpBrowserTest extends PostgresApiTest {

    private static final String OWN = "sen-no-dam-lang-sen";

    @BeforeEach
    void browserInstalled() {
        assumeTrue(Browser.available(), "chromium and chromedriver are installed by .ci/run");
    }

    private String now(byte[] secret) {
        return Totp.code(secret, Totp.step(clock.instant()), 6);
    }

    @Test
    void enrolOnTheAccountPageSignOutAndSignInWithTheCode() {
        var who = person(OWN, "PLANNER");
        try (var browser = Browser.open(port).signIn(who, OWN)) {
            browser.go("/account/password");
            browser.find(By.id("security-link")).click();
            browser.waitFor(By.id("totp-start")).click();
            var secret = Totp.fromBase32(browser.waitFor(By.id("totp-secret")).getText());
            assertThat(browser.find(By.id("totp-uri")).getText()).startsWith("otpauth://totp/Loa:" + who);

            browser.find(By.id("confirm-code")).sendKeys(now(secret));
            browser.find(By.id("totp-confirm-button")).click();
            var codes = browser.waitFor(By.id("recovery-codes")).getText().split("\n");
            assertThat(codes).hasSize(10);
            assertThat(browser.find(By.id("totp-enabled")).getText()).isEqualTo("Đã bật xác thực hai bước.");

            browser.find(By.cssSelector("form[action$='/logout'] button")).click();
            browser.waitFor(By.id("username")).sendKeys(who);
            browser.find(By.id("password")).sendKeys(OWN);
            browser.find(By.cssSelector("form.login button[type=submit]")).click();
            browser.waitFor(By.id("code"));
            assertThat(browser.driver().getCurrentUrl()).endsWith("/login/code");
            browser.go("/calendar");
            assertThat(browser.driver().getCurrentUrl())
                    .as("nothing else meanwhile")
                    .endsWith("/login/code");

            clock.advance(Duration.ofSeconds(30));
            browser.waitFor(By.id("code")).sendKeys(now(secret));
            browser.find(By.id("verify-code")).click();
            browser.waitFor(By.cssSelector("header.top nav"));
            browser.go("/calendar");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/calendar");
            browser.go("/account/security");
            assertThat(browser.find(By.id("totp-status")).getText())
                    .isEqualTo("Đang bật. Còn 10 mã khôi phục chưa dùng.");
            assertThat(browser.driver().getPageSource()).doesNotContain(codes[0]);
            assertThat(browser.console())
                    .as("the console shows nothing refused by the Content-Security-Policy")
                    .noneMatch(line -> line.contains("Refused to"));
        }
    }
}
