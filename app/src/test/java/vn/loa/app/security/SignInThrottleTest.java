package vn.loa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.Api;
import vn.loa.app.support.FormSignIn;
import vn.loa.app.support.PostgresApiTest;

/**
 * Failed sign-ins are throttled per account and per address, on the API and the web sign-in alike:
 * 5 failures bring a growing wait, 20 a lock (audited) until it runs out or an administrator lifts
 * it; an address is throttled at 10 and locked at 50. Every refusal is the same 401.
 */
class SignInThrottleTest extends PostgresApiTest {

    private static final String OWN = "den-long-pho-hang-ma";
    /** Longer than the longest wait between attempts, shorter than the lock. */
    private static final Duration PAST_ANY_WAIT = Duration.ofSeconds(301);

    /** A client address of its own for each call, so only the account's count matters. */
    private static String fresh() {
        return freshAddress();
    }

    private int call(String username, String password, String address) {
        return Api.as(port, username, password)
                .header("X-Forwarded-For", address)
                .get("/api/me")
                .status();
    }

    @Test
    void fiveFailuresMakeTheAccountWaitAndTwentyLockItUntilAnAdministratorUnlocks() {
        var who = person(OWN, "PLANNER");
        for (int i = 0; i < 5; i++) {
            assertThat(call(who, "sai-mat-khau-" + i, fresh())).isEqualTo(401);
        }
        assertThat(call(who, OWN, fresh()))
                .as("the right password must wait too")
                .isEqualTo(401);
        clock.advance(Duration.ofSeconds(2));
        assertThat(call(who, OWN, fresh())).isEqualTo(200);

        for (int i = 0; i < 20; i++) {
            assertThat(call(who, "doan-mo-" + i, fresh())).isEqualTo(401);
            clock.advance(PAST_ANY_WAIT);
        }
        assertThat(call(who, OWN, fresh())).as("locked").isEqualTo(401);
        var locked = as("admin").get("/api/audit?kind=USER&subject=" + who + "&action=LOCKED");
        assertThat(locked.body().path("totalItems").asLong()).isEqualTo(1);
        assertThat(locked.body().path("items").get(0).path("detail").asString()).startsWith("20 failed sign-ins");
        assertThat(as("admin").get("/api/users").text()).contains(who);
        assertThat(as("admin").get("/api/sign-in-locks").text()).contains("\"key\":\"" + who + "\"");
        var adminPage = new FormSignIn(port, fresh());
        adminPage.signIn("admin", PASSWORD);
        assertThat(adminPage.get("/admin").body()).contains("unlock-" + who);

        assertThat(as("planner").post("/api/users/" + who + "/unlock", null).status())
                .isEqualTo(403);
        assertThat(as("admin").post("/api/users/" + who + "/unlock", null).status())
                .isEqualTo(204);
        assertThat(call(who, OWN, fresh())).isEqualTo(200);
        assertThat(as("admin")
                        .get("/api/audit?kind=USER&subject=" + who + "&action=UNLOCKED")
                        .body()
                        .path("items")
                        .get(0)
                        .path("actor")
                        .asString())
                .isEqualTo("admin");
    }

    @Test
    void aLockRunsOutByItselfAfterFifteenMinutes() {
        var who = person(OWN, "APPROVER");
        for (int i = 0; i < 20; i++) {
            call(who, "doan-mo-" + i, fresh());
            clock.advance(PAST_ANY_WAIT);
        }
        assertThat(call(who, OWN, fresh())).isEqualTo(401);
        clock.advance(Duration.ofMinutes(15));
        assertThat(call(who, OWN, fresh())).isEqualTo(200);
    }

    @Test
    void unknownUsernamesAreThrottledAlikeSoTheAnswerSaysNothing() {
        var nobody = "khongco" + unique();
        var address = fresh();
        var first = Api.as(port, nobody, "x").header("X-Forwarded-For", address).get("/api/me");
        for (int i = 0; i < 6; i++) {
            call(nobody, "doan-" + i, fresh());
        }
        var later = Api.as(port, nobody, "x").header("X-Forwarded-For", fresh()).get("/api/me");
        assertThat(later.status()).isEqualTo(first.status()).isEqualTo(401);
        assertThat(later.text()).isEqualTo(first.text());
    }

    @Test
    void oneAddressGuessingManyAccountsIsSlowedThenLocked() {
        var who = person(OWN, "PLANNER");
        var guesser = fresh();
        for (int i = 0; i < 10; i++) {
            assertThat(call("ten" + unique(), "doan-" + i, guesser)).isEqualTo(401);
        }
        assertThat(call(who, OWN, guesser)).as("the address must wait").isEqualTo(401);
        assertThat(call(who, OWN, fresh())).as("another address need not").isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        assertThat(call(who, OWN, guesser)).isEqualTo(200);

        for (int i = 10; i < 50; i++) {
            call("ten" + unique(), "doan-" + i, guesser);
            clock.advance(PAST_ANY_WAIT);
        }
        assertThat(call(who, OWN, guesser)).as("address locked").isEqualTo(401);
        assertThat(as("admin")
                        .get("/api/audit?kind=ADDRESS&subject=" + guesser + "&action=LOCKED")
                        .body()
                        .path("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(as("admin")
                        .post("/api/sign-in-locks/unlock-address", Map.of("address", guesser))
                        .status())
                .isEqualTo(204);
        assertThat(call(who, OWN, guesser)).isEqualTo(200);
    }

    @Test
    void theWebSignInIsThrottledLikeTheApi() {
        var who = person(OWN, "PLANNER");
        for (int i = 0; i < 5; i++) {
            assertThat(new FormSignIn(port, fresh()).signIn(who, "sai-" + i)).endsWith("/login?error");
        }
        assertThat(new FormSignIn(port, fresh()).signIn(who, OWN)).endsWith("/login?error");
        assertThat(call(who, OWN, fresh())).as("the API shares the count").isEqualTo(401);
        clock.advance(Duration.ofSeconds(2));
        var browser = new FormSignIn(port, fresh());
        assertThat(browser.signIn(who, OWN)).doesNotContain("error");
        assertThat(browser.get("/calendar").statusCode()).isEqualTo(200);
    }
}
