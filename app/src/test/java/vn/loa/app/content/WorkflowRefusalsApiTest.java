package vn.loa.app.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.Api;
import vn.loa.app.support.PostgresApiTest;

/** Every refusal answers with the right status and a clear reason, and leaves stored data as it was. */
class WorkflowRefusalsApiTest extends PostgresApiTest {

    @Test
    void anonymousCallersGet401WithAProblem() {
        var res = anonymous().get("/api/content");
        assertThat(res.status()).isEqualTo(401);
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(anonymous().get("/api/plans").status()).isEqualTo(401);
        assertThat(Api.as(port, "planner", "wrong-password").get("/api/plans").status())
                .isEqualTo(401);
    }

    @Test
    void wrongRoleIsRefusedWith403AndNothingChanges() {
        var campaign = campaign("society", List.of(channel("FACEBOOK", "UBND")));
        var id = content("planner", campaign, "Bài viết");
        as("planner").post("/api/content/" + id + "/submit", null);
        var before = as("planner").get("/api/content/" + id).text();

        assertThat(as("planner").post("/api/content/" + id + "/approve", null).status())
                .isEqualTo(403);
        assertThat(as("leader")
                        .post("/api/content/" + id + "/reject", Map.of("reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(as("partner").post("/api/content/" + id + "/approve", null).status())
                .isEqualTo(403);
        var leaderWrites = as("leader").post("/api/content", Map.of("campaignId", campaign, "title", "x"));
        assertThat(leaderWrites.status()).isEqualTo(403);
        assertThat(leaderWrites.field("detail")).contains("PLANNER");
        assertThat(as("approver").post("/api/channels", Map.of()).status()).isEqualTo(403);

        assertThat(as("planner").get("/api/content/" + id).text()).isEqualTo(before);
        assertThat(as("planner")
                        .get("/api/content?campaignId=" + campaign)
                        .body()
                        .path("totalItems")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void anAuthorCannotApproveTheirOwnItem() {
        var campaign = campaign("society", List.of(channel("FACEBOOK", "UBND")));
        var id = content("editor-in-chief", campaign, "Bài của tổng biên tập");
        as("editor-in-chief").post("/api/content/" + id + "/submit", null);
        var before = as("planner").get("/api/content/" + id).text();

        var own = as("editor-in-chief").post("/api/content/" + id + "/approve", null);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.field("detail")).contains("another approver");
        assertThat(as("planner").get("/api/content/" + id).text()).isEqualTo(before);
        assertThat(as("planner").get("/api/content/" + id + "/history").body().size())
                .isEqualTo(2);

        assertThat(as("approver").post("/api/content/" + id + "/approve", null).field("status"))
                .isEqualTo("APPROVED");
    }

    @Test
    void illegalTransitionsAre409WithTheReason() {
        var campaign = campaign("society", List.of(channel("FACEBOOK", "UBND")));
        var id = content("planner", campaign, "Bản nháp");
        var before = as("planner").get("/api/content/" + id).text();

        var approveDraft = as("approver").post("/api/content/" + id + "/approve", null);
        assertThat(approveDraft.status()).isEqualTo(409);
        assertThat(approveDraft.field("detail")).contains("submitted for review first");
        assertThat(approveDraft.field("from")).isEqualTo("DRAFT");
        var scheduleDraft = as("planner")
                .post(
                        "/api/content/" + id + "/schedule",
                        Map.of("channelIds", List.of(1), "at", "2026-12-01T07:00:00+07:00"));
        assertThat(scheduleDraft.status()).isEqualTo(409);
        as("planner").post("/api/content/" + id + "/submit", null);
        assertThat(as("planner").post("/api/content/" + id + "/submit", null).status())
                .isEqualTo(409);

        assertThat(as("planner").get("/api/content/" + id + "/history").body().size())
                .isEqualTo(2);
        assertThat(before).contains("\"status\":\"DRAFT\"");
    }

    @Test
    void badContentFieldsAre400WithOneMessagePerFieldAndNothingIsStored() {
        var campaign = campaign("society", List.of(channel("FACEBOOK", "UBND")));
        var body = new LinkedHashMap<String, Object>();
        body.put("campaignId", 999_999);
        body.put("title", "x".repeat(301));
        body.put("link", "not a link");
        body.put("tags", List.of("ok", ""));
        body.put("variants", List.of(Map.of("platform", "FACEBOOK"), Map.of("platform", "FACEBOOK", "body", "a")));

        var res = as("planner").post("/api/content", body);
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.contentType()).startsWith("application/problem+json");
        assertThat(res.error("campaignId")).isEqualTo("no campaign has id 999999");
        assertThat(res.error("title")).isEqualTo("must be at most 300 characters (is 301)");
        assertThat(res.error("link")).isEqualTo("must be a web address starting with http:// or https://");
        assertThat(res.error("tags[1]")).isEqualTo("is required");
        assertThat(res.error("variants[0].body")).isEqualTo("needs a title or a body");
        assertThat(res.error("variants[1].platform")).contains("already a FACEBOOK variant");

        var missing = as("planner").post("/api/content", Map.of("campaignId", campaign));
        assertThat(missing.error("title")).isEqualTo("is required");
        assertThat(as("planner")
                        .get("/api/content?campaignId=" + campaign)
                        .body()
                        .path("totalItems")
                        .asLong())
                .isZero();
    }

    @Test
    void badCampaignFieldsAre400WithOneMessagePerField() {
        var body = new LinkedHashMap<String, Object>();
        body.put("planId", plan());
        body.put("themeId", 424_242);
        body.put("name", "");
        body.put("startDate", "2026-12-31");
        body.put("endDate", "2026-01-01");
        body.put("channelIds", List.of(777_777));
        var res = as("planner").post("/api/campaigns", body);
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.error("themeId")).isEqualTo("no theme has id 424242");
        assertThat(res.error("name")).isEqualTo("is required");
        assertThat(res.error("endDate")).isEqualTo("must not be before startDate");
        assertThat(res.error("channelIds")).isEqualTo("no channel has id 777777");

        body.put("startDate", "31/12/2026");
        var notIso = as("planner").post("/api/campaigns", body);
        assertThat(notIso.status()).isEqualTo(400);
        assertThat(notIso.error("startDate")).isEqualTo("must be an ISO-8601 date such as 2026-12-31");

        var tooLong = as("planner")
                .post(
                        "/api/campaigns",
                        Map.of(
                                "planId",
                                plan(),
                                "themeId",
                                themeId("economy"),
                                "name",
                                "n".repeat(201),
                                "startDate",
                                "2026-01-01",
                                "endDate",
                                "2026-01-02"));
        assertThat(tooLong.error("name")).isEqualTo("must be at most 200 characters (is 201)");
        var notJson = as("planner").post("/api/campaigns", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.field("code")).isEqualTo("unreadable-body");
    }

    @Test
    void schedulingRefusesThePastTimesWithoutOffsetAndUnknownChannels() {
        var facebook = channel("FACEBOOK", "UBND");
        var youtube = channel("YOUTUBE", "UBND");
        var campaign = campaign("society", List.of(facebook));
        var id = content("planner", campaign, "Tin");
        as("planner").post("/api/content/" + id + "/submit", null);
        as("approver").post("/api/content/" + id + "/approve", null);

        var past = as("planner")
                .post(
                        "/api/content/" + id + "/schedule",
                        Map.of("channelIds", List.of(facebook), "at", "2026-11-23T07:59:00+07:00"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.error("at")).startsWith("is in the past");

        var noOffset = as("planner")
                .post(
                        "/api/content/" + id + "/schedule",
                        Map.of("channelIds", List.of(facebook), "at", "2026-11-24T07:00:00"));
        assertThat(noOffset.error("at")).contains("with an offset");

        var unknown = as("planner")
                .post(
                        "/api/content/" + id + "/schedule",
                        Map.of("channelIds", List.of(facebook, 987_654, youtube), "at", "2026-11-24T07:00:00+07:00"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("no channel has id 987654").contains("has no YOUTUBE variant");

        assertThat(as("planner")
                        .get("/api/deliveries?contentId=" + id)
                        .body()
                        .path("totalItems")
                        .asLong())
                .isZero();
        assertThat(as("planner").get("/api/content/" + id).field("status")).isEqualTo("APPROVED");

        assertCreated(as("planner")
                .post(
                        "/api/content/" + id + "/schedule",
                        Map.of("channelIds", List.of(facebook), "at", "2026-11-24T07:00:00+07:00")));
        var twice = as("planner")
                .post(
                        "/api/content/" + id + "/schedule",
                        Map.of("channelIds", List.of(facebook), "at", "2026-11-25T07:00:00+07:00"));
        assertThat(twice.error("channelIds")).contains("already scheduled");
    }

    @Test
    void rejectionNeedsAReason() {
        var id = content("planner", campaign("society", List.of(channel("FACEBOOK", "UBND"))), "Tin");
        as("planner").post("/api/content/" + id + "/submit", null);
        var res = as("approver").post("/api/content/" + id + "/reject", Map.of("reason", " "));
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.error("reason")).isEqualTo("is required");
        assertThat(as("planner").get("/api/content/" + id).field("status")).isEqualTo("IN_REVIEW");
    }

    @Test
    void unknownIdsAre404() {
        assertThat(as("planner").get("/api/content/987654321").status()).isEqualTo(404);
        assertThat(as("planner").post("/api/content/987654321/submit", null).status())
                .isEqualTo(404);
        assertThat(as("planner").get("/api/campaigns/987654321").status()).isEqualTo(404);
        assertThat(as("planner").get("/api/deliveries/987654321").status()).isEqualTo(404);
        assertThat(as("planner").get("/api/plans/987654321").status()).isEqualTo(404);
        var res = as("planner").get("/api/channels/987654321");
        assertThat(res.status()).isEqualTo(404);
        assertThat(res.field("detail")).isEqualTo("channel 987654321 does not exist");
    }

    @Test
    void aStaleEditIsRefusedRatherThanLost() {
        var id = content("planner", campaign("society", List.of(channel("FACEBOOK", "UBND"))), "Tin");
        var first = as("planner").put("/api/content/" + id, Map.of("version", 0, "title", "Sửa lần 1"));
        assertThat(first.status()).isEqualTo(200);
        var stale = as("planner2").put("/api/content/" + id, Map.of("version", 0, "title", "Sửa đè"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(as("planner").get("/api/content/" + id).field("title")).isEqualTo("Sửa lần 1");
        assertThat(as("planner").put("/api/content/" + id, Map.of("title", "x")).error("version"))
                .isNotNull();
    }

    @Test
    void badQueryParametersAre400() {
        var res = as("planner").get("/api/deliveries?status=LOST&from=yesterday");
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.text()).contains("must be one of").contains("SCHEDULED");
        assertThat(as("planner").get("/api/content?size=0").error("size")).isEqualTo("must be between 1 and 200");
        assertThat(as("planner")
                        .get("/api/deliveries?from=2026-12-02T00:00:00%2B07:00&to=2026-12-01T00:00:00%2B07:00")
                        .error("to"))
                .isEqualTo("must not be before 'from'");
    }
}
