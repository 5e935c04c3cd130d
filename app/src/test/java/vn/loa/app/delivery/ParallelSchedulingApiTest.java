package vn.loa.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.app.support.Api;
import vn.loa.app.support.PostgresApiTest;

/**
 * Parallel requests to put one item on one channel: the database lets exactly one delivery in, the
 * others are answered 409 (or 400 once the winner is visible to their check), and a refused request
 * leaves no delivery, no audit entry and no item status change behind.
 */
class ParallelSchedulingApiTest extends PostgresApiTest {

    private static final int PARALLEL = 10;

    @Autowired
    JdbcClient jdbc;

    @Test
    void tenParallelSchedulesOfAnAlreadyScheduledItemToAnotherChannelMakeOneDelivery() {
        var first = channel("FACEBOOK", "UBND Hà Nội");
        var second = channel("FACEBOOK", "UBND Hà Nội");
        var item = approved(List.of(first, second));
        assertCreated(as("planner")
                .post(
                        "/api/content/" + item + "/schedule",
                        Map.of("channelIds", List.of(first), "at", "2026-11-24T07:00:00+07:00")));
        var itemHistoryBefore = historySize(item);

        var answers = scheduleInParallel(item, second);

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers).allMatch(a -> a.status() == 201 || refusedAsAlreadyThere(a));
        assertThat(liveDeliveries(item, second)).isEqualTo(1);
        assertThat(auditedDeliveries(item)).isEqualTo(2);
        assertThat(orphanAuditEntries()).isZero();
        assertThat(historySize(item)).isEqualTo(itemHistoryBefore);
    }

    @Test
    void tenParallelFirstSchedulesMoveTheItemOnceAndMakeOneDelivery() {
        var channel = channel("FACEBOOK", "UBND Hà Nội");
        var item = approved(List.of(channel));
        var itemHistoryBefore = historySize(item);

        var answers = scheduleInParallel(item, channel);

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers).allMatch(a -> a.status() == 201 || a.status() == 409 || refusedAsAlreadyThere(a));
        assertThat(liveDeliveries(item, channel)).isEqualTo(1);
        assertThat(auditedDeliveries(item)).isEqualTo(1);
        assertThat(orphanAuditEntries()).isZero();
        // One APPROVED -> SCHEDULED step, not one per request.
        assertThat(historySize(item)).isEqualTo(itemHistoryBefore + 1);
        assertThat(as("planner").get("/api/content/" + item).field("status")).isEqualTo("SCHEDULED");
    }

    @Test
    void theStoreRefusesASecondLiveDeliveryWith409ProblemEvenWithoutTheCheck() {
        var channel = channel("FACEBOOK", "UBND Hà Nội");
        var item = approved(List.of(channel));
        var created = as("planner")
                .post(
                        "/api/content/" + item + "/schedule",
                        Map.of("channelIds", List.of(channel), "at", "2026-11-24T07:00:00+07:00"));
        assertCreated(created);
        // Straight at the table, as a racing request's insert arrives after the winner committed.
        var refused = catchThrowable(() -> jdbc.sql(
                        "INSERT INTO delivery (content_id, channel_id, scheduled_at, status, created_at, updated_at)"
                                + " SELECT content_id, channel_id, scheduled_at, 'SCHEDULED', created_at, updated_at"
                                + " FROM delivery WHERE content_id = ?")
                .param(item)
                .update());
        assertThat(refused).isNotNull();
        // Once the live one is cancelled the item may go to the channel again.
        var delivery = created.body().get(0).path("id").asLong();
        assertThat(as("planner")
                        .post("/api/deliveries/" + delivery + "/cancel", Map.of("reason", "đổi giờ"))
                        .status())
                .isEqualTo(200);
        assertCreated(as("planner")
                .post(
                        "/api/content/" + item + "/schedule",
                        Map.of("channelIds", List.of(channel), "at", "2026-11-24T09:00:00+07:00")));
        assertThat(liveDeliveries(item, channel)).isEqualTo(1);
    }

    private List<Api.Response> scheduleInParallel(long item, long channel) {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            var futures = new ArrayList<CompletableFuture<Api.Response>>();
            for (int i = 0; i < PARALLEL; i++) {
                futures.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return as("planner")
                                    .post(
                                            "/api/content/" + item + "/schedule",
                                            Map.of("channelIds", List.of(channel), "at", "2026-11-24T08:00:00+07:00"));
                        },
                        pool));
            }
            start.countDown();
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static boolean refusedAsAlreadyThere(Api.Response a) {
        if (!a.contentType().startsWith("application/problem+json")) {
            return false;
        }
        if (a.status() == 409) {
            return a.field("code").equals("already-exists") || a.field("code").equals("concurrent-change");
        }
        return a.status() == 400 && a.error("channelIds").contains("already scheduled");
    }

    private long approved(List<Long> channels) {
        var campaign = campaign("society", channels);
        var item = content("planner", campaign, "Tin " + unique());
        as("planner").post("/api/content/" + item + "/submit", null);
        as("approver").post("/api/content/" + item + "/approve", null);
        return item;
    }

    private long liveDeliveries(long item, long channel) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE content_id = ? AND channel_id = ?"
                        + " AND status IN ('SCHEDULED', 'HELD', 'PUBLISHING', 'HANDED_OFF', 'PUBLISHED')")
                .params(item, channel)
                .query(Long.class)
                .single();
    }

    private long auditedDeliveries(long item) {
        return jdbc.sql("SELECT COUNT(DISTINCT a.subject_id) FROM audit_entry a JOIN delivery d ON d.id = a.subject_id"
                        + " WHERE a.subject = 'DELIVERY' AND d.content_id = ?")
                .param(item)
                .query(Long.class)
                .single();
    }

    /** Audit entries of deliveries that do not exist: what a refused insert would leave if it were half-written. */
    private long orphanAuditEntries() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry a WHERE a.subject = 'DELIVERY'"
                        + " AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.id = a.subject_id)")
                .query(Long.class)
                .single();
    }

    private int historySize(long item) {
        return as("planner").get("/api/content/" + item + "/history").body().size();
    }
}
