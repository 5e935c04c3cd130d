package vn.loa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.Api;
import vn.loa.app.support.PostgresApiTest;

class UserAccountsApiTest extends PostgresApiTest {

    @Test
    void anAdministratorAddsAUserWhoCanThenSignIn() {
        var username = "bientap" + unique();
        var created = as("admin")
                .post(
                        "/api/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                "mat-khau-dai-1",
                                "displayName",
                                "Biên tập viên",
                                "roles",
                                List.of("PLANNER")));
        assertCreated(created);
        assertThat(created.text()).doesNotContain("mat-khau-dai-1").doesNotContain("password");
        assertThat(Api.as(port, username, "mat-khau-dai-1").get("/api/me").field("username"))
                .isEqualTo(username);
        assertThat(as("admin").get("/api/users").text())
                .doesNotContain("{bcrypt}")
                .contains(username);
    }

    @Test
    void badUsersAreRefusedAndOnlyAdministratorsManageUsers() {
        var res = as("admin")
                .post(
                        "/api/users",
                        Map.of(
                                "username",
                                "A",
                                "password",
                                "short",
                                "displayName",
                                "x",
                                "roles",
                                List.of("PARTNER_ADMIN")));
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.error("username")).isNotNull();
        assertThat(res.error("password")).isEqualTo("must be at least 12 characters");
        assertThat(res.error("organisation")).isEqualTo("a partner admin must be bound to their organisation");
        assertThat(as("admin")
                        .post(
                                "/api/users",
                                Map.of(
                                        "username",
                                        "planner",
                                        "password",
                                        "mat-khau-dai-1",
                                        "displayName",
                                        "x",
                                        "roles",
                                        List.of("PLANNER")))
                        .error("username"))
                .isEqualTo("is already taken");
        assertThat(as("planner").get("/api/users").status()).isEqualTo(403);
        assertThat(as("planner").post("/api/users", Map.of()).status()).isEqualTo(403);
    }
}
