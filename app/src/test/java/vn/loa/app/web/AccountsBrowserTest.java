package vn.loa.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.loa.app.support.PostgresApiTest;

/**
 * Accounts in a real browser: an administrator disables someone who is signed in (their next page
 * is the sign-in page), enables them again, and resets a password; the person signs in with the
 * one-time password and must choose their own before anything else.
 */
class AccountsBrowserTest extends PostgresApiTest {

    private static final String OWN = "ngoi-nha-ben-ho-tay";

    @BeforeEach
    void browserInstalled() {
        assumeTrue(Browser.available(), "chromium and chromedriver are installed by .ci/run");
    }

    private String person() {
        return person(OWN, "PLANNER");
    }

    @Test
    void aDisabledPersonsSessionEndsAtOnceAndTheyCannotSignInUntilEnabled() {
        var who = person();
        try (var person = Browser.open(port).signIn(who, OWN);
                var admin = Browser.open(port).signIn("admin", PASSWORD)) {
            person.go("/calendar");
            assertThat(person.driver().getCurrentUrl()).endsWith("/calendar");

            admin.go("/admin");
            admin.find(By.id("disable-" + who)).click();
            admin.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), who));
            assertThat(admin.find(By.id("enable-" + who)).isDisplayed()).isTrue();

            person.go("/calendar");
            person.waitFor(By.id("username"));
            assertThat(person.driver().getCurrentUrl()).contains("/login");
            person.find(By.id("username")).sendKeys(who);
            person.find(By.id("password")).sendKeys(OWN);
            person.find(By.cssSelector("form.login button[type=submit]")).click();
            var error = person.waitFor(By.cssSelector(".flash.bad"));
            assertThat(error.getText()).isEqualTo("Sai tên đăng nhập hoặc mật khẩu.");

            admin.go("/admin");
            admin.find(By.id("enable-" + who)).click();
            admin.waitFor(By.id("disable-" + who));
            person.signIn(who, OWN).go("/calendar");
            assertThat(person.driver().getCurrentUrl()).endsWith("/calendar");
        }
    }

    @Test
    void aResetPasswordIsShownOnceAndMustBeChangedAtTheNextSignIn() {
        var who = person();
        String oneTime;
        try (var admin = Browser.open(port).signIn("admin", PASSWORD)) {
            admin.go("/admin");
            admin.find(By.id("reset-" + who)).click();
            oneTime = admin.waitFor(By.id("one-time-password")).getText();
            assertThat(oneTime).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
            admin.go("/admin");
            assertThat(admin.driver().getPageSource()).doesNotContain(oneTime);
        }
        try (var person = Browser.open(port).signIn(who, oneTime)) {
            assertThat(person.driver().getCurrentUrl()).endsWith("/account/password");
            person.go("/calendar");
            assertThat(person.driver().getCurrentUrl()).endsWith("/account/password");
            assertThat(person.find(By.cssSelector("#change-password .flash.bad"))
                            .getText())
                    .contains("đặt lại");

            person.find(By.id("currentPassword")).sendKeys(oneTime);
            person.find(By.id("newPassword")).sendKeys("matkhau2026!!");
            person.find(By.id("save-password")).click();
            assertThat(person.waitFor(By.cssSelector(".field-errors")).getText())
                    .isEqualTo("quá phổ biến; hãy chọn một câu dài của riêng bạn");

            person.find(By.id("currentPassword")).sendKeys(oneTime);
            person.find(By.id("newPassword")).sendKeys("chieu-thu-tren-pho-co");
            person.find(By.id("save-password")).click();
            person.waiting()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector(".flash.ok"), "Đã đổi mật khẩu"));
            person.go("/calendar");
            assertThat(person.driver().getCurrentUrl()).endsWith("/calendar");
        }
        assertThat(as("admin").get("/api/users").text()).contains(who);
    }
}
