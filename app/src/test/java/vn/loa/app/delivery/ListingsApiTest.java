package vn.loa.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.PostgresApiTest;

/** Paging and filtering of listings, and what a partner admin may see. */
class ListingsApiTest extends PostgresApiTest {

    @Test
    void deliveriesFilterByChannelStatusCampaignThemeAndTimeAndPage() {
        var facebook = channel("FACEBOOK", "UBND");
        var zalo = channel("ZALO", "UBND");
        var campaign = campaign("economy", List.of(facebook, zalo));
        for (int day = 24; day <= 28; day++) {
            var id = content("planner", campaign, "Tin ngày " + day);
            as("planner").post("/api/content/" + id + "/submit", null);
            as("approver").post("/api/content/" + id + "/approve", null);
            assertCreated(as("planner")
                    .post(
                            "/api/content/" + id + "/schedule",
                            Map.of("channelIds", List.of(facebook, zalo), "at", "2026-11-" + day + "T07:00:00+07:00")));
        }

        var all = as("leader").get("/api/deliveries?campaignId=" + campaign + "&size=4");
        assertThat(all.body().path("totalItems").asLong()).isEqualTo(10);
        assertThat(all.body().path("totalPages").asLong()).isEqualTo(3);
        assertThat(all.body().path("items").size()).isEqualTo(4);
        var lastPage = as("leader").get("/api/deliveries?campaignId=" + campaign + "&size=4&page=2");
        assertThat(lastPage.body().path("items").size()).isEqualTo(2);
        assertThat(lastPage.body().path("items").get(1).path("scheduledAt").asString())
                .isEqualTo("2026-11-28T07:00:00+07:00");

        var zaloOnly = as("leader").get("/api/deliveries?channelId=" + zalo);
        assertThat(zaloOnly.body().path("totalItems").asLong()).isEqualTo(5);
        assertThat(zaloOnly.body()
                        .path("items")
                        .valueStream()
                        .map(d -> d.path("platform").asString()))
                .containsOnly("ZALO");

        // [25th 00:00, 27th 00:00) in Hanoi holds the 25th and the 26th.
        var window = as("leader")
                .get("/api/deliveries?campaignId=" + campaign
                        + "&from=2026-11-25T00:00:00%2B07:00&to=2026-11-27T00:00:00%2B07:00");
        assertThat(window.body().path("totalItems").asLong()).isEqualTo(4);
        var sameWindowInUtc = as("leader")
                .get("/api/deliveries?campaignId=" + campaign + "&from=2026-11-24T17:00:00Z&to=2026-11-26T17:00:00Z");
        assertThat(sameWindowInUtc.body().path("totalItems").asLong()).isEqualTo(4);

        var byTheme = as("leader").get("/api/deliveries?themeId=" + themeId("economy") + "&status=SCHEDULED&size=200");
        assertThat(byTheme.body()
                        .path("items")
                        .valueStream()
                        .filter(d -> d.path("channelId").asLong() == zalo))
                .hasSize(5);
        assertThat(as("leader")
                        .get("/api/deliveries?campaignId=" + campaign + "&status=PUBLISHED")
                        .body()
                        .path("totalItems")
                        .asLong())
                .isZero();

        var contentByStatus = as("leader").get("/api/content?campaignId=" + campaign + "&status=SCHEDULED");
        assertThat(contentByStatus.body().path("totalItems").asLong()).isEqualTo(5);
        var contentByTheme = as("leader").get("/api/content?themeId=" + themeId("economy") + "&channelId=" + zalo);
        assertThat(contentByTheme.body().path("totalItems").asLong()).isEqualTo(5);
    }

    @Test
    void campaignsFilterByThemeAndPeriod() {
        var facebook = channel("FACEBOOK", "UBND");
        var culture = campaign("culture", List.of(facebook));
        var byTheme = as("leader").get("/api/campaigns?themeId=" + themeId("culture") + "&channelId=" + facebook);
        assertThat(byTheme.body()
                        .path("items")
                        .valueStream()
                        .map(c -> c.path("id").asLong()))
                .containsExactly(culture);
        assertThat(as("leader")
                        .get("/api/campaigns?channelId=" + facebook + "&from=2027-01-01")
                        .body()
                        .path("totalItems")
                        .asLong())
                .isZero();
        assertThat(as("leader")
                        .get("/api/campaigns?channelId=" + facebook + "&from=2026-12-31&to=2027-01-31")
                        .body()
                        .path("totalItems")
                        .asLong())
                .isEqualTo(1);
        assertThat(as("leader").get("/api/campaigns?from=2026-13-01").error("from"))
                .contains("ISO-8601 date");
    }

    @Test
    void aPartnerAdminSeesOnlyTheirOwnOrganisation() {
        var own = channel("FACEBOOK", PARTNER_ORG);
        var other = channel("FACEBOOK", "Báo Hà Nội Mới");
        var campaign = campaign("society", List.of(own, other));
        var id = content("planner", campaign, "Tin chia sẻ");
        as("planner").post("/api/content/" + id + "/submit", null);
        as("approver").post("/api/content/" + id + "/approve", null);
        var deliveries = as("planner")
                .post(
                        "/api/content/" + id + "/schedule",
                        Map.of("channelIds", List.of(own, other), "at", "2026-11-24T07:00:00+07:00"))
                .body();
        var otherDelivery = deliveries
                .valueStream()
                .filter(d -> d.path("channelId").asLong() == other)
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();

        var channels = as("partner").get("/api/channels").body();
        assertThat(channels.valueStream().map(c -> c.path("organisation").asString()))
                .containsOnly(PARTNER_ORG);
        assertThat(as("partner").get("/api/channels/" + other).status()).isEqualTo(404);
        var mine = as("partner").get("/api/deliveries?contentId=" + id).body();
        assertThat(mine.path("items").valueStream().map(d -> d.path("channelId").asLong()))
                .containsExactly(own);
        assertThat(as("partner").get("/api/deliveries/" + otherDelivery).status())
                .isEqualTo(404);
        assertThat(as("partner").get("/api/content/" + id).status()).isEqualTo(403);
        assertThat(as("partner").get("/api/me").field("organisation")).isEqualTo(PARTNER_ORG);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        var docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/content/{id}/approve")).isTrue();
        assertThat(docs.body().path("paths").has("/api/deliveries")).isTrue();
    }
}
