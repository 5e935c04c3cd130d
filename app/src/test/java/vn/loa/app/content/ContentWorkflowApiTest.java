package vn.loa.app.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.loa.app.support.PostgresApiTest;
import vn.loa.campaigns.workflow.DeliveryProgress;

/** A content item walked through the whole workflow over HTTP, each step by the role that does it. */
class ContentWorkflowApiTest extends PostgresApiTest {

    @Autowired
    DeliveryProgress progress;

    @Test
    void itemGoesFromDraftToPublishedAndEveryStepIsAudited() {
        var facebook = channel("FACEBOOK", "UBND Thành phố Hà Nội");
        var zalo = channel("ZALO", "UBND quận Hoàn Kiếm");
        var campaign = campaign("society", List.of(facebook, zalo));

        var written = as("planner")
                .post(
                        "/api/content",
                        Map.of(
                                "campaignId",
                                campaign,
                                "title",
                                "Cầu Tứ Liên thông xe",
                                "body",
                                "Sáng nay cầu Tứ Liên chính thức thông xe.",
                                "link",
                                "https://hanoi.gov.vn/tin/cau",
                                "tags",
                                List.of("giao thông"),
                                "media",
                                List.of("https://cdn.hanoi.gov.vn/anh/cau.jpg")));
        assertCreated(written);
        var id = written.id();
        assertThat(written.field("status")).isEqualTo("DRAFT");
        assertThat(written.field("author")).isEqualTo("planner");
        // One variant drafted for each platform the campaign publishes to.
        assertThat(written.body()
                        .path("variants")
                        .valueStream()
                        .map(v -> v.path("platform").asString()))
                .containsExactlyInAnyOrder("FACEBOOK", "ZALO");

        assertThat(as("planner").post("/api/content/" + id + "/submit", null).field("status"))
                .isEqualTo("IN_REVIEW");
        var approved = as("approver").post("/api/content/" + id + "/approve", Map.of("note", "Đạt"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.field("status")).isEqualTo("APPROVED");

        var scheduled = as("planner")
                .post(
                        "/api/content/" + id + "/schedule",
                        Map.of("channelIds", List.of(facebook, zalo), "at", "2026-11-24T07:00:00+07:00"));
        assertCreated(scheduled);
        assertThat(scheduled.body().size()).isEqualTo(2);
        var delivery = scheduled.body().get(0);
        assertThat(delivery.path("scheduledAt").asString()).isEqualTo("2026-11-24T07:00:00+07:00");
        assertThat(delivery.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(as("planner").get("/api/content/" + id).field("status")).isEqualTo("SCHEDULED");

        clock.advance(Duration.ofHours(23));
        for (var d : scheduled.body()) {
            progress.startPublishing(d.path("id").asLong());
        }
        assertThat(as("planner").get("/api/content/" + id).field("status")).isEqualTo("PUBLISHING");
        progress.recordPublished(scheduled.body().get(0).path("id").asLong(), "100000000000001_42");
        assertThat(as("planner").get("/api/content/" + id).field("status")).isEqualTo("PUBLISHING");
        progress.recordPublished(scheduled.body().get(1).path("id").asLong(), "article-7");
        assertThat(as("planner").get("/api/content/" + id).field("status")).isEqualTo("PUBLISHED");

        var published = as("leader")
                .get("/api/deliveries/" + scheduled.body().get(0).path("id").asLong());
        assertThat(published.field("status")).isEqualTo("PUBLISHED");
        assertThat(published.field("externalRef")).isEqualTo("100000000000001_42");
        assertThat(published.field("publishedAt")).isEqualTo("2026-11-24T07:00:00+07:00");

        var history = as("leader").get("/api/content/" + id + "/history").body();
        assertThat(history.valueStream().map(h -> h.path("to").asString()))
                .containsExactly("DRAFT", "IN_REVIEW", "APPROVED", "SCHEDULED", "PUBLISHING", "PUBLISHED");
        assertThat(history.valueStream().map(h -> h.path("actor").asString()))
                .containsExactly("planner", "planner", "approver", "planner", "system", "system");
        assertThat(history.get(2).path("reason").asString()).isEqualTo("Đạt");
        assertThat(history.get(0).path("at").asString()).endsWith("+07:00");
    }

    @Test
    void rejectedItemKeepsTheReasonAndCanBeResubmittedAfterAnEdit() {
        var campaign = campaign("culture", List.of(channel("FACEBOOK", "Sở Văn hoá")));
        var id = content("planner", campaign, "Lễ hội mùa thu");
        as("planner").post("/api/content/" + id + "/submit", null);

        var rejected = as("approver").post("/api/content/" + id + "/reject", Map.of("reason", "Thiếu ảnh"));
        assertThat(rejected.field("status")).isEqualTo("REJECTED");
        assertThat(rejected.field("rejectionReason")).isEqualTo("Thiếu ảnh");

        var edited = as("planner")
                .put(
                        "/api/content/" + id,
                        Map.of(
                                "version",
                                rejected.body().path("version").asLong(),
                                "title",
                                "Lễ hội mùa thu (có ảnh)",
                                "media",
                                List.of("https://cdn.hanoi.gov.vn/a.jpg")));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.field("status")).isEqualTo("REJECTED");
        assertThat(as("planner").post("/api/content/" + id + "/submit", null).field("status"))
                .isEqualTo("IN_REVIEW");
        assertThat(as("approver").post("/api/content/" + id + "/approve", null).field("status"))
                .isEqualTo("APPROVED");
    }

    @Test
    void editingAScheduledItemSendsItBackToReviewAndHoldsItsDeliveriesUntilApproved() {
        var facebook = channel("FACEBOOK", "UBND Thành phố Hà Nội");
        var id = approvedItem(campaign("economy", List.of(facebook)));
        var deliveries = as("planner")
                .post(
                        "/api/content/" + id + "/schedule",
                        Map.of("channelIds", List.of(facebook), "at", "2026-11-25T19:00:00+07:00"));
        var deliveryId = deliveries.body().get(0).path("id").asLong();
        var version =
                as("planner").get("/api/content/" + id).body().path("version").asLong();

        var edited = as("planner").put("/api/content/" + id, Map.of("version", version, "title", "Tiêu đề mới"));
        assertThat(edited.field("status")).isEqualTo("IN_REVIEW");
        assertThat(as("planner").get("/api/deliveries/" + deliveryId).field("status"))
                .isEqualTo("HELD");

        var approved = as("approver").post("/api/content/" + id + "/approve", null);
        assertThat(approved.field("status")).isEqualTo("SCHEDULED");
        var released = as("planner").get("/api/deliveries/" + deliveryId);
        assertThat(released.field("status")).isEqualTo("SCHEDULED");
        assertThat(released.field("scheduledAt")).isEqualTo("2026-11-25T19:00:00+07:00");
    }

    @Test
    void cancellingAnItemCancelsItsWaitingDeliveries() {
        var facebook = channel("FACEBOOK", "UBND Thành phố Hà Nội");
        var id = approvedItem(campaign("security", List.of(facebook)));
        var deliveryId = as("planner")
                .post(
                        "/api/content/" + id + "/schedule",
                        Map.of("channelIds", List.of(facebook), "at", "2026-11-25T19:00:00+07:00"))
                .body()
                .get(0)
                .path("id")
                .asLong();

        var cancelled = as("planner").post("/api/content/" + id + "/cancel", Map.of("reason", "Sự kiện hoãn"));
        assertThat(cancelled.field("status")).isEqualTo("CANCELLED");
        assertThat(as("planner").get("/api/deliveries/" + deliveryId).field("status"))
                .isEqualTo("CANCELLED");
        assertThat(as("planner").post("/api/content/" + id + "/submit", null).status())
                .isEqualTo(409);
    }

    @Test
    void cancellingTheLastDeliveryReturnsTheItemToApproved() {
        var facebook = channel("FACEBOOK", "UBND Thành phố Hà Nội");
        var id = approvedItem(campaign("defence", List.of(facebook)));
        var deliveryId = as("planner")
                .post(
                        "/api/content/" + id + "/schedule",
                        Map.of("channelIds", List.of(facebook), "at", "2026-11-25T19:00:00+07:00"))
                .body()
                .get(0)
                .path("id")
                .asLong();

        assertThat(as("planner")
                        .post("/api/deliveries/" + deliveryId + "/cancel", null)
                        .field("status"))
                .isEqualTo("CANCELLED");
        assertThat(as("planner").get("/api/content/" + id).field("status")).isEqualTo("APPROVED");
        assertThat(as("planner")
                        .post("/api/deliveries/" + deliveryId + "/cancel", null)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aFailedDeliveryKeepsThePlatformReasonAndFailsTheItem() {
        var facebook = channel("FACEBOOK", "UBND Thành phố Hà Nội");
        var id = approvedItem(campaign("politics", List.of(facebook)));
        var deliveryId = as("planner")
                .post(
                        "/api/content/" + id + "/schedule",
                        Map.of("channelIds", List.of(facebook), "at", "2026-11-23T09:00:00+07:00"))
                .body()
                .get(0)
                .path("id")
                .asLong();
        progress.startPublishing(deliveryId);
        progress.recordFailed(deliveryId, "(#506) Duplicate status message");

        var failed = as("planner").get("/api/deliveries/" + deliveryId);
        assertThat(failed.field("status")).isEqualTo("FAILED");
        assertThat(failed.field("failureReason")).isEqualTo("(#506) Duplicate status message");
        assertThat(as("planner").get("/api/content/" + id).field("status")).isEqualTo("FAILED");
    }

    private long approvedItem(long campaign) {
        var id = content("planner", campaign, "Tin " + unique());
        as("planner").post("/api/content/" + id + "/submit", null);
        as("approver").post("/api/content/" + id + "/approve", null);
        return id;
    }
}
