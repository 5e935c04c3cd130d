package vn.loa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.Api;
import vn.loa.app.support.PostgresApiTest;

/** Accounts through the API: password policy, disable and enable, reset, own password, roles. */
class AccountsApiTest extends PostgresApiTest {

    private static final String OWN = "cau-tho-ve-song-hong";

    private String person(String role) {
        return person(OWN, role);
    }

    private Api signedIn(String username, String password) {
        return Api.as(port, username, password).header("X-Forwarded-For", freshAddress());
    }

    @Test
    void thePasswordPolicyRefusesShortCommonAndUsernamePasswordsAndStoresNothing() {
        var username = "chinhsach" + unique();
        var tooShort = create(username, "ngan-qua-1");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.error("password")).isEqualTo("must be at least 12 characters");
        assertThat(create(username, "matkhau123456").error("password"))
                .isEqualTo("is too common; choose a longer phrase of your own");
        assertThat(create(username, "Password1234").error("password"))
                .isEqualTo("is too common; choose a longer phrase of your own");
        assertThat(create(username, "123456789012").error("password"))
                .isEqualTo("is too common; choose a longer phrase of your own");
        assertThat(create(username, "toi-la-" + username.toUpperCase() + "-day").error("password"))
                .isEqualTo("must not contain the username");
        assertThat(as("admin").get("/api/users").text()).doesNotContain(username);
        assertCreated(create(username, "mua-thu-ha-noi-dep"));
    }

    private Api.Response create(String username, String password) {
        return createUser(username, password, "PLANNER");
    }

    @Test
    void aDisabledPersonGetsTheSame401AsAWrongPasswordUntilEnabledAgain() {
        var who = person("PLANNER");
        assertThat(signedIn(who, OWN).get("/api/plans").status()).isEqualTo(200);

        var disabled = as("admin").post("/api/users/" + who + "/disable", null);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body().path("enabled").asBoolean()).isFalse();

        var refused = signedIn(who, OWN).get("/api/plans");
        var wrong = signedIn("planner2", "not-the-password").get("/api/plans");
        var nobody = signedIn("nobody" + unique(), OWN).get("/api/plans");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text()).isEqualTo(wrong.text()).isEqualTo(nobody.text());
        assertThat(refused.text()).doesNotContainIgnoringCase("disabled");

        assertThat(as("admin").post("/api/users/" + who + "/enable", null).status())
                .isEqualTo(200);
        assertThat(signedIn(who, OWN).get("/api/plans").status()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsManageAccountsAndNobodyDisablesThemselves() {
        var who = person("PLANNER");
        assertThat(as("planner").post("/api/users/" + who + "/disable", null).status())
                .isEqualTo(403);
        assertThat(as("leader")
                        .post("/api/users/" + who + "/reset-password", null)
                        .status())
                .isEqualTo(403);
        assertThat(as("planner")
                        .put("/api/users/" + who + "/roles", Map.of("roles", List.of("ADMIN")))
                        .status())
                .isEqualTo(403);
        var self = as("admin").post("/api/users/admin/disable", null);
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.error("username")).isEqualTo("you cannot disable your own account");
        assertThat(as("admin")
                        .post("/api/users/nobody" + unique() + "/disable", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aResetPasswordWorksOnlyToChooseANewOne() {
        var who = person("APPROVER");
        var reset = as("admin").post("/api/users/" + who + "/reset-password", null);
        assertThat(reset.status()).isEqualTo(200);
        var oneTime = reset.field("oneTimePassword");
        assertThat(oneTime).hasSize(19);
        assertThat(reset.body().path("mustChangeAtNextSignIn").asBoolean()).isTrue();

        assertThat(signedIn(who, OWN).get("/api/me").status()).isEqualTo(401);
        var withOneTime = signedIn(who, oneTime);
        assertThat(withOneTime.get("/api/me").body().path("mustChangePassword").asBoolean())
                .isTrue();
        var blocked = withOneTime.get("/api/content");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.text()).contains("PUT /api/me/password");

        var weak =
                withOneTime.put("/api/me/password", Map.of("currentPassword", oneTime, "newPassword", "qwerty123456"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.error("newPassword")).isEqualTo("is too common; choose a longer phrase of your own");
        var changed = withOneTime.put(
                "/api/me/password", Map.of("currentPassword", oneTime, "newPassword", "hoa-sua-nong-nan-pho"));
        assertThat(changed.status()).isEqualTo(204);
        assertThat(signedIn(who, oneTime).get("/api/me").status()).isEqualTo(401);
        var mine = signedIn(who, "hoa-sua-nong-nan-pho");
        assertThat(mine.get("/api/content").status()).isEqualTo(200);
        assertThat(mine.get("/api/me").body().path("mustChangePassword").asBoolean())
                .isFalse();
    }

    @Test
    void everyoneChangesTheirOwnPasswordKnowingTheCurrentOne() {
        var who = person("LEADERSHIP");
        var me = signedIn(who, OWN);
        var wrong = me.put("/api/me/password", Map.of("currentPassword", "doan-sai-roi-nhe", "newPassword", "x"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.error("currentPassword")).isEqualTo("is not your current password");
        assertThat(wrong.error("newPassword")).isEqualTo("must be at least 12 characters");
        assertThat(me.put("/api/me/password", Map.of("currentPassword", OWN, "newPassword", OWN))
                        .error("newPassword"))
                .isEqualTo("must differ from the current password");
        assertThat(signedIn(who, OWN).get("/api/me").status()).isEqualTo(200);

        assertThat(me.put("/api/me/password", Map.of("currentPassword", OWN, "newPassword", "gio-mua-dong-bac-ve"))
                        .status())
                .isEqualTo(204);
        assertThat(signedIn(who, OWN).get("/api/me").status()).isEqualTo(401);
        assertThat(signedIn(who, "gio-mua-dong-bac-ve").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void anAdministratorChangesRolesAndAPartnerAdminStaysBoundToTheirOrganisation() {
        var who = person("PLANNER");
        var unbound = as("admin").put("/api/users/" + who + "/roles", Map.of("roles", List.of("PARTNER_ADMIN")));
        assertThat(unbound.status()).isEqualTo(400);
        assertThat(unbound.error("organisation")).isEqualTo("a partner admin must be bound to their organisation");
        var changed = as("admin").put("/api/users/" + who + "/roles", Map.of("roles", List.of("PLANNER", "APPROVER")));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("roles").toString()).contains("APPROVER").contains("PLANNER");
        assertThat(as("admin")
                        .put("/api/users/admin/roles", Map.of("roles", List.of("PLANNER")))
                        .error("roles"))
                .isEqualTo("you cannot take the administrator role from yourself");
        assertThat(signedIn(who, OWN)
                        .put("/api/me/on-duty", Map.of("onDuty", true))
                        .status())
                .isEqualTo(200);
    }
}
