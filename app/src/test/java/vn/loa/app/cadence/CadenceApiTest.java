package vn.loa.app.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import vn.loa.app.support.PostgresApiTest;
import vn.loa.campaigns.cadence.Cadences;

/** "One good news every day at 07:00, one story every Sunday at 19:00", in the channel's zone. */
class CadenceApiTest extends PostgresApiTest {

    @Autowired
    Cadences cadences;

    @Autowired
    Scheduler scheduler;

    @Test
    void aDailySlotTakesTheNextApprovedItemAndAnEmptySlotIsReported() throws Exception {
        var page = channel("FACEBOOK", "UBND");
        var programme = campaign("society", List.of(page));
        var res = as("planner")
                .post(
                        "/api/cadences",
                        Map.of(
                                "channelId",
                                page,
                                "campaignId",
                                programme,
                                "name",
                                "Mỗi ngày một tin tốt",
                                "days",
                                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                                "time",
                                "07:00"));
        assertCreated(res);
        var cadence = res.id();

        // Quartz keeps it: two minutes before 07:00 every day, in Hanoi time.
        var trigger = (CronTrigger) scheduler.getTrigger(QuartzCadenceTimer.triggerKey(cadence));
        assertThat(trigger.getCronExpression()).isEqualTo("0 58 6 ? * *");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Ho_Chi_Minh");

        var older = approved(programme, "Tin tốt thứ nhất");
        approved(programme, "Tin tốt thứ hai");
        clock.set(Instant.parse("2026-11-23T23:58:00Z")); // 06:58 on the 24th in Hanoi

        var filled = cadences.fillNextSlot(cadence).orElseThrow();
        assertThat(filled.contentId()).isEqualTo(older);
        assertThat(as("planner").get("/api/deliveries/" + filled.id()).field("scheduledAt"))
                .isEqualTo("2026-11-24T07:00:00+07:00");
        assertThat(cadences.fillNextSlot(cadence).orElseThrow().id())
                .as("the same slot is filled once")
                .isEqualTo(filled.id());

        clock.set(Instant.parse("2026-11-24T23:58:00Z"));
        assertThat(cadences.fillNextSlot(cadence)).isPresent(); // the second item
        clock.set(Instant.parse("2026-11-25T23:58:00Z"));
        assertThat(cadences.fillNextSlot(cadence)).isEmpty();
        var alerts = as("planner").get("/api/alerts").body();
        assertThat(alerts.valueStream().filter(a -> a.path("channelId").asLong() == page))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.path("kind").asString()).isEqualTo("EMPTY_SLOT");
                    assertThat(a.path("message").asString())
                            .contains("Mỗi ngày một tin tốt")
                            .contains("2026-11-26T07:00");
                });
    }

    @Test
    void aWeeklyStoryAndTheNextFreeSlot() throws Exception {
        var page = channel("FACEBOOK", "UBND");
        var programme = campaign("culture", List.of(page));
        var weekly = as("planner")
                .post(
                        "/api/cadences",
                        Map.of(
                                "channelId",
                                page,
                                "campaignId",
                                programme,
                                "name",
                                "Mỗi tuần một câu chuyện đẹp",
                                "days",
                                List.of("SUNDAY"),
                                "time",
                                "19:00"))
                .id();
        var trigger = (CronTrigger) scheduler.getTrigger(QuartzCadenceTimer.triggerKey(weekly));
        assertThat(trigger.getCronExpression()).isEqualTo("0 58 18 ? * SUN");

        var first = approved(programme, "Câu chuyện một");
        var second = approved(programme, "Câu chuyện hai");
        // Monday 23 November 2026, 08:00 in Hanoi: the next Sunday slot is the 29th, the one after the 6th.
        var a = as("planner").post("/api/content/" + first + "/next-slot", Map.of("channelId", page));
        assertCreated(a);
        assertThat(a.field("scheduledAt")).isEqualTo("2026-11-29T19:00:00+07:00");
        var b = as("planner").post("/api/content/" + second + "/next-slot", Map.of("channelId", page));
        assertThat(b.field("scheduledAt")).isEqualTo("2026-12-06T19:00:00+07:00");

        var noCadence = channel("FACEBOOK", "UBND");
        var refused = as("planner")
                .post(
                        "/api/content/" + approved(campaign("culture", List.of(noCadence)), "x") + "/next-slot",
                        Map.of("channelId", noCadence));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error("channelId")).contains("has no cadence");
        var bad = as("planner")
                .post(
                        "/api/cadences",
                        Map.of(
                                "channelId",
                                page,
                                "campaignId",
                                programme,
                                "name",
                                "x",
                                "days",
                                List.of(),
                                "time",
                                "7h"));
        assertThat(bad.status()).isEqualTo(400);
    }

    private long approved(long campaign, String title) {
        var id = content("planner", campaign, title);
        as("planner").post("/api/content/" + id + "/submit", null);
        as("approver").post("/api/content/" + id + "/approve", null);
        return id;
    }
}
