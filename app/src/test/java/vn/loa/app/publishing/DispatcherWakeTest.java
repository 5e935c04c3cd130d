package vn.loa.app.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.app.persistence.Timestamps;
import vn.loa.app.support.ClusterFixture;
import vn.loa.campaigns.delivery.DeliveryTimer;

/**
 * The dispatcher does not poll: a node whose safety poll is ten minutes away still publishes a
 * delivery within a second of its instant, because Quartz wakes it then, and still takes over an
 * attempt a dead node left behind as soon as its lease ends, because the dead node set a timer for
 * that instant when it claimed. Real time, real Quartz (clustered JDBC store), one node.
 */
class DispatcherWakeTest {

    private static ClusterFixture cluster;
    private static ConfigurableApplicationContext node;
    private static JdbcClient jdbc;
    private static List<Long> deliveries;

    @BeforeAll
    static void oneNodeThatNeverPolls() throws Exception {
        cluster = new ClusterFixture("dispatcher_wake", Duration.ofMillis(20));
        node = cluster.startNode("woken", Map.of("loa.engine.poll-interval", "10m"));
        cluster.seed(node, 3, 3, Instant.now().plusSeconds(86_400));
        jdbc = cluster.jdbc(node);
        deliveries = jdbc.sql("SELECT id FROM delivery ORDER BY id")
                .query(Long.class)
                .list();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void aDeliveryGoesOutWithinOneSecondOfItsInstant() {
        // A whole second, as the planner schedules, and an instant within a second, as a retry's backoff gives.
        var wholeSecond = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        var withinASecond = wholeSecond.plusMillis(1_300);
        dueAt(deliveries.get(0), wholeSecond);
        dueAt(deliveries.get(1), withinASecond);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> published(deliveries.get(0)) && published(deliveries.get(1)));

        assertThat(lateness(deliveries.get(0))).isBetween(Duration.ZERO, Duration.ofSeconds(1));
        assertThat(lateness(deliveries.get(1))).isBetween(Duration.ZERO, Duration.ofSeconds(1));
    }

    @Test
    void anAttemptCutOffByACrashIsTakenOverWhenItsLeaseEnds() {
        var delivery = deliveries.get(2);
        var now = Instant.now();
        var leaseUntil = now.plusSeconds(3);
        // What a node that died mid-call leaves: the delivery PUBLISHING, its attempt PENDING, and the
        // timer it set for the end of the lease right after committing the claim.
        jdbc.sql("UPDATE delivery SET status = 'PUBLISHING', scheduled_at = ? WHERE id = ?")
                .params(Timestamps.utc(now.minusSeconds(1)), delivery)
                .update();
        jdbc.sql("INSERT INTO publish_attempt (delivery_id, attempt_no, idempotency_key, node, started_at, lease_until,"
                        + " outcome) VALUES (?, 1, ?, 'dead-node', ?, ?, 'PENDING')")
                .params(delivery, "loa-" + delivery + "-1", Timestamps.utc(now), Timestamps.utc(leaseUntil))
                .update();
        node.getBean(DeliveryTimer.class).dueAt(leaseUntil);

        await().atMost(Duration.ofSeconds(20)).until(() -> published(delivery));

        var settledAt = jdbc.sql("SELECT finished_at FROM publish_attempt WHERE delivery_id = ? AND attempt_no = 1")
                .param(delivery)
                .query((rs, n) -> Timestamps.read(rs, "finished_at"))
                .single();
        assertThat(Duration.between(leaseUntil, settledAt)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
        assertThat(jdbc.sql("SELECT outcome FROM publish_attempt WHERE delivery_id = ? ORDER BY attempt_no")
                        .param(delivery)
                        .query(String.class)
                        .list())
                .containsExactly("MISSING", "PUBLISHED");
        // Once: the platform holds one post per published delivery.
        assertThat(cluster.sandbox().state().allPosts())
                .hasSize(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE status = 'PUBLISHED'")
                        .query(Integer.class)
                        .single());
    }

    private static void dueAt(long delivery, Instant at) {
        jdbc.sql("UPDATE delivery SET scheduled_at = ? WHERE id = ?")
                .params(at.atOffset(ZoneOffset.UTC), delivery)
                .update();
        node.getBean(DeliveryTimer.class).dueAt(at);
    }

    private static boolean published(long delivery) {
        return "PUBLISHED"
                .equals(jdbc.sql("SELECT status FROM delivery WHERE id = ?")
                        .param(delivery)
                        .query(String.class)
                        .single());
    }

    private static Duration lateness(long delivery) {
        return jdbc.sql("SELECT d.scheduled_at, a.started_at FROM delivery d JOIN publish_attempt a"
                        + " ON a.delivery_id = d.id WHERE d.id = ?")
                .param(delivery)
                .query((rs, n) ->
                        Duration.between(Timestamps.read(rs, "scheduled_at"), Timestamps.read(rs, "started_at")))
                .single();
    }
}
