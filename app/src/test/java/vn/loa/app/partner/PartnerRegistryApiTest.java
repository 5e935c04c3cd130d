package vn.loa.app.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry over HTTP: the hierarchy, pages, evaluations, the selection rule and partner isolation. */
class PartnerRegistryApiTest extends PartnerApiTest {

    @Test
    void selectingBelowTheThresholdNeedsAReasonAndIsAudited() {
        var org = organisation("Quận đoàn " + unique(), "DISTRICT", partnerOrg());
        var small = page(org, "FACEBOOK", 12_000);
        var before = as("planner").get("/api/partners/pages/" + small).text();

        var refused = as("planner").post("/api/partners/pages/" + small + "/status", Map.of("status", "SELECTED"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error("reason")).contains("12000 followers, below the 50000");
        assertThat(as("planner").get("/api/partners/pages/" + small).text()).isEqualTo(before);

        var selected = as("planner")
                .post(
                        "/api/partners/pages/" + small + "/status",
                        Map.of("status", "SELECTED", "reason", "trang duy nhất của phường"));
        assertThat(selected.status()).isEqualTo(200);
        assertThat(selected.field("status")).isEqualTo("SELECTED");
        var history =
                as("planner").get("/api/partners/pages/" + small + "/history").body();
        assertThat(history.get(history.size() - 1).path("reason").asString())
                .contains("selected below the threshold (12000 < 50000)")
                .contains("trang duy nhất của phường");
        assertThat(history.get(history.size() - 1).path("actor").asString()).isEqualTo("planner");

        var big = page(org, "FACEBOOK", 80_000);
        var plain = as("planner").post("/api/partners/pages/" + big + "/status", Map.of("status", "SELECTED"));
        assertThat(plain.status()).isEqualTo(200);

        var selection = as("leader").get("/api/partners/selection").body();
        assertThat(selection.path("rule").path("minFollowers").asLong()).isEqualTo(50_000);
        assertThat(selection.path("rule").path("targetMin").asInt()).isEqualTo(10);
        assertThat(selection.path("rule").path("targetMax").asInt()).isEqualTo(20);
        assertThat(selection.path("selected").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(selection.path("target").asString()).isIn("BELOW_TARGET", "ON_TARGET", "ABOVE_TARGET");
        assertThat(selection.path("selectedBelowThreshold").findValuesAsString("id"))
                .contains(String.valueOf(small))
                .doesNotContain(String.valueOf(big));
    }

    @Test
    void refusalsNameEveryBadFieldAndStoreNothing() {
        var count = as("planner").get("/api/partners/pages").body().size();
        var body = new LinkedHashMap<String, Object>();
        body.put("organisationId", 999_999);
        body.put("platform", "YOUTUBE");
        body.put("externalId", "");
        body.put("url", "https://www.facebook.com/not-youtube");
        body.put("followerCount", -1);
        var res = as("planner").post("/api/partners/pages", body);
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.error("organisationId")).contains("no organisation");
        assertThat(res.error("externalId")).isEqualTo("is required");
        assertThat(res.error("displayName")).isEqualTo("is required");
        assertThat(res.error("url")).contains("not a YOUTUBE address");
        assertThat(res.error("followerCount")).contains("0 or more");
        assertThat(as("planner").get("/api/partners/pages").body().size()).isEqualTo(count);

        var org = organisation("Đoàn trường " + unique(), "UNIT", null);
        var page = page(org, "ZALO", 70_000);
        var evaluation = as("planner")
                .post(
                        "/api/partners/pages/" + page + "/evaluations",
                        Map.of("scores", Map.of("ENGAGEMENT", 9, "CONTENT_FIT", 4)));
        assertThat(evaluation.status()).isEqualTo(400);
        assertThat(evaluation.error("scores.ENGAGEMENT")).contains("from 1 to 5");
        assertThat(as("planner")
                        .get("/api/partners/pages/" + page + "/evaluations")
                        .body()
                        .size())
                .isZero();
        var unknown = as("planner")
                .post("/api/partners/pages/" + page + "/evaluations", Map.of("scores", Map.of("CHARM", 3)));
        assertThat(unknown.status()).isEqualTo(400);

        var cycle = as("planner")
                .put(
                        "/api/partners/organisations/" + org,
                        Map.of("name", "x" + unique(), "kind", "UNIT", "parentId", org));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.error("parentId")).contains("itself");
    }

    @Test
    void evaluationsAndFollowerHistoryAreKept() {
        var org = organisation("Quận đoàn " + unique(), "DISTRICT", null);
        var page = page(org, "FACEBOOK", 55_000);
        var res = as("approver")
                .post(
                        "/api/partners/pages/" + page + "/evaluations",
                        Map.of("scores", Map.of("ENGAGEMENT", 4, "CONTENT_FIT", 5), "notes", "Tương tác tốt"));
        assertThat(res.status()).isEqualTo(201);
        assertThat(res.body().path("average").asDouble()).isEqualTo(4.5);
        assertThat(res.field("reviewer")).isEqualTo("approver");

        var changed = new LinkedHashMap<String, Object>();
        var current = as("planner").get("/api/partners/pages/" + page).body();
        changed.put("organisationId", org);
        changed.put("platform", "FACEBOOK");
        changed.put("externalId", current.path("externalId").asString());
        changed.put("url", current.path("url").asString());
        changed.put("displayName", "Tên mới");
        changed.put("followerCount", 56_500);
        assertThat(as("planner").put("/api/partners/pages/" + page, changed).status())
                .isEqualTo(200);
        var followers =
                as("planner").get("/api/partners/pages/" + page + "/followers").body();
        assertThat(followers.get(followers.size() - 1).path("followers").asLong())
                .isEqualTo(56_500);
    }

    @Test
    void partnerAdminsSeeTheirOrganisationAndThoseUnderItOnly() {
        var city = partnerOrg();
        var district = organisation("Quận đoàn " + unique(), "DISTRICT", city);
        var ward = organisation("Đoàn phường " + unique(), "WARD", district);
        var otherName = "Huyện đoàn " + unique();
        var other = organisation(otherName, "DISTRICT", null);
        var wardPage = page(ward, "FACEBOOK", 60_000);
        var otherPage = page(other, "FACEBOOK", 60_000);
        // A root has no parent (not parent 0); a ward names its district.
        assertThat(as("planner")
                        .get("/api/partners/organisations/" + other)
                        .body()
                        .path("parentId")
                        .isNumber())
                .isFalse();
        assertThat(as("planner")
                        .get("/api/partners/organisations/" + ward)
                        .body()
                        .path("parentId")
                        .asLong())
                .isEqualTo(district);

        // The city-level admin sees the ward's page, two levels down.
        assertThat(as("partner").get("/api/partners/pages/" + wardPage).status())
                .isEqualTo(200);
        assertThat(as("partner").get("/api/partners/pages/" + otherPage).status())
                .isEqualTo(404);
        assertThat(as("partner").get("/api/partners/organisations/" + other).status())
                .isEqualTo(404);
        assertThat(as("partner")
                        .get("/api/partners/pages?organisationId=" + other)
                        .body()
                        .size())
                .isZero();
        var names = as("partner").get("/api/partners/organisations").body().findValuesAsString("name");
        assertThat(names).doesNotContain(otherName);

        // The other organisation's admin sees nothing of the city's tree.
        var username = "other-admin-" + unique();
        partnerAdmin(username, otherName);
        assertThat(as(username).get("/api/partners/pages/" + wardPage).status()).isEqualTo(404);
        assertThat(as(username).get("/api/partners/pages").body().findValuesAsString("id"))
                .containsExactly(String.valueOf(otherPage));
        // Partner admins change nothing in the registry.
        assertThat(as("partner")
                        .post("/api/partners/pages/" + wardPage + "/status", Map.of("status", "SELECTED"))
                        .status())
                .isEqualTo(403);

        // Moving the district under another root takes its ward along, out of the city admin's sight.
        var moved = as("planner")
                .put(
                        "/api/partners/organisations/" + district,
                        Map.of("name", "Quận đoàn " + unique(), "kind", "DISTRICT", "parentId", other));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(as("partner").get("/api/partners/pages/" + wardPage).status())
                .isEqualTo(404);
        assertThat(as(username).get("/api/partners/pages/" + wardPage).status()).isEqualTo(200);
    }
}
