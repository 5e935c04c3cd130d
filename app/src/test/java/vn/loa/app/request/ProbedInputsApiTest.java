package vn.loa.app.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.PostgresApiTest;

/**
 * What probing the API turned up: other organisations' cadences, dates without bounds, and text
 * holding control characters or text-direction overrides. Every refusal is a 400 naming the field
 * (never a 500), and nothing is stored.
 */
class ProbedInputsApiTest extends PostgresApiTest {

    @Test
    void aPartnerAdminSeesOnlyTheirOwnOrganisationsCadences() {
        var city = channel("FACEBOOK", "UBND Thành phố Hà Nội");
        var own = channel("FACEBOOK", PARTNER_ORG);
        var campaign = campaign("society", List.of(city, own));
        for (var channel : List.of(city, own)) {
            assertCreated(as("planner")
                    .post(
                            "/api/cadences",
                            Map.of(
                                    "channelId",
                                    channel,
                                    "campaignId",
                                    campaign,
                                    "name",
                                    "Mỗi sáng " + unique(),
                                    "days",
                                    List.of("MONDAY"),
                                    "time",
                                    "07:00")));
        }
        assertThat(as("partner").get("/api/channels/" + city).status()).isEqualTo(404);
        var other = as("partner").get("/api/cadences?channelId=" + city);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).isEqualTo("application/problem+json");
        assertThat(as("partner").get("/api/cadences?channelId=" + own).body()).hasSize(1);
        for (var c : as("partner").get("/api/cadences").body()) {
            assertThat(c.path("channelId").asLong()).isNotEqualTo(city);
        }
        assertThat(as("planner").get("/api/cadences?channelId=" + city).body()).hasSize(1);
    }

    @Test
    void schedulingIsAtMostTwoYearsAhead() {
        var channel = channel("FACEBOOK", "UBND Thành phố Hà Nội");
        var item = approved(campaign("society", List.of(channel)));
        for (var at : List.of("+99999-01-01T00:00:00Z", "2029-01-01T08:00:00+07:00")) {
            var res = as("planner")
                    .post("/api/content/" + item + "/schedule", Map.of("channelIds", List.of(channel), "at", at));
            assertThat(res.status()).as(at).isEqualTo(400);
            assertThat(res.error("at")).as(at).startsWith("is more than two years ahead");
        }
        assertThat(as("planner").get("/api/deliveries?contentId=" + item).body().path("items"))
                .isEmpty();
        var fine = as("planner")
                .post(
                        "/api/content/" + item + "/schedule",
                        Map.of("channelIds", List.of(channel), "at", "2028-11-01T08:00:00+07:00"));
        assertCreated(fine);
        var delivery = fine.body().get(0).path("id").asLong();
        var moved = as("planner")
                .post("/api/deliveries/" + delivery + "/reschedule", Map.of("at", "+99999-01-01T00:00:00Z"));
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.error("at")).startsWith("is more than two years ahead");
    }

    @Test
    void campaignDatesReportYearsAndRangesHaveBoundsAndAnswer400NotA500() {
        var body = new LinkedHashMap<String, Object>();
        body.put("planId", plan());
        body.put("themeId", themeId("society"));
        body.put("name", "Chiến dịch dài " + unique());
        body.put("startDate", "2026-11-01");
        body.put("endDate", "+99999-12-31");
        var campaign = as("planner").post("/api/campaigns", body);
        assertThat(campaign.status()).isEqualTo(400);
        assertThat(campaign.error("endDate")).isEqualTo("must be between 2000-01-01 and 2100-12-31");

        for (var path : List.of(
                "/api/reports/year?year=999999999",
                "/api/reports/year?year=1000000000",
                "/api/reports/year?year=-5",
                "/api/reports/half-year?year=999999999&half=1",
                "/api/reports/period?from=2026-01-01&to=%2B999999999-12-31",
                "/api/content?from=%2B99999-01-01T00:00:00Z",
                "/api/deliveries?to=%2B99999-01-01T00:00:00Z")) {
            var res = as("leader").get(path);
            if (path.startsWith("/api/content") || path.startsWith("/api/deliveries")) {
                res = as("planner").get(path);
            }
            assertThat(res.status()).as(path).isEqualTo(400);
            assertThat(res.body().path("errors")).as(path).isNotEmpty();
        }
        assertThat(as("leader").get("/api/reports/year?year=2026").status()).isEqualTo(200);
    }

    @Test
    void textWithControlCharactersOrDirectionOverridesIsRefusedFieldByField() {
        var campaign = campaign("society", List.of(channel("FACEBOOK", "UBND Thành phố Hà Nội")));
        var res = as("planner")
                .post(
                        "/api/content",
                        Map.of(
                                "campaignId",
                                campaign,
                                "title",
                                "Tin tốt\u0000",
                                "body",
                                "Xem tại \u202Egpj.exe",
                                "tags",
                                List.of("Hà\u001bNội"),
                                "variants",
                                List.of(Map.of("platform", "FACEBOOK", "body", "Chuông\u0007 " + "\uD800" + " hỏng"))));
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.error("title")).isEqualTo("contains a control character (U+0000) at position 8; remove it");
        assertThat(res.error("body")).isEqualTo("contains a text-direction override (U+202E) at position 9; remove it");
        assertThat(res.error("tags[0]")).startsWith("contains a control character (U+001B)");
        assertThat(res.text()).contains("U+0007");
        assertThat(as("planner")
                        .get("/api/content?campaignId=" + campaign)
                        .body()
                        .path("items"))
                .isEmpty();

        var name = as("planner").post("/api/campaigns", campaignBody("Chiến dịch \u2066ẩn\u2069"));
        assertThat(name.error("name")).startsWith("contains a text-direction override (U+2066)");

        var fine = as("planner")
                .post(
                        "/api/content",
                        Map.of(
                                "campaignId", campaign,
                                "title", "Tin tốt 👍",
                                "body", "Dòng một\nDòng hai\r\n\tthụt vào"));
        assertCreated(fine);
        assertThat(fine.field("body")).isEqualTo("Dòng một\nDòng hai\r\n\tthụt vào");
    }

    private Map<String, Object> campaignBody(String name) {
        var body = new LinkedHashMap<String, Object>();
        body.put("planId", plan());
        body.put("themeId", themeId("society"));
        body.put("name", name);
        body.put("startDate", "2026-11-01");
        body.put("endDate", "2026-12-31");
        return body;
    }

    private long approved(long campaign) {
        var item = content("planner", campaign, "Tin đã duyệt " + unique());
        as("planner").post("/api/content/" + item + "/submit", null);
        var approved = as("approver").post("/api/content/" + item + "/approve", null);
        assertThat(approved.field("status")).as(approved.text()).isEqualTo("APPROVED");
        return item;
    }
}
