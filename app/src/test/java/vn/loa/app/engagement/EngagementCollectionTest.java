package vn.loa.app.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.persistence.Timestamps;
import vn.loa.app.support.EngineTestBase;
import vn.loa.connectors.Platform;
import vn.loa.connectors.sandbox.Fault;

/** Engagement comes back on its decaying cadence, in platform batches, around quotas, through restarts. */
class EngagementCollectionTest extends EngineTestBase {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ownDatabase(registry, "engine_engagement");
        // Runs are started by hand with the test clock: Quartz's real-time cron would take a slot
        // (or add its calls) whenever a five-minute boundary of the wall clock falls inside a test.
        registry.add("loa.engagement.run-every", () -> "0 0 0 1 1 ? 2099");
    }

    @Autowired
    EngagementRuns runs;

    @BeforeEach
    void ownCollectionRuns() {
        onlyThisTestsPostsAreReadAndRunsAreOwn();
    }

    @Test
    void postsAreReadOnTheirCadenceAndDailyRollupsAddUpToTheLatestValues() {
        var page = connected("FACEBOOK");
        var a = scheduled(page, "2026-11-23T09:00:00+07:00");
        var b = scheduled(page, "2026-11-23T09:00:00+07:00");
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        engine.publishDueNow();

        var calls = sandbox.requestsServed();
        assertThat(runs.runNow())
                .hasValueSatisfying(e -> assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED));
        assertThat(sandbox.requestsServed() - calls)
                .as("no post is due yet; the page's followers are read")
                .isEqualTo(1);
        assertThat(nextRead(a)).isEqualTo(Instant.parse("2026-11-23T02:15:00Z"));

        clock.set(Instant.parse("2026-11-23T02:15:00Z"));
        calls = sandbox.requestsServed();
        runs.runNow();
        assertThat(sandbox.requestsServed() - calls)
                .as("both posts in one batch call")
                .isEqualTo(1);
        assertThat(nextRead(a)).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
        clock.set(Instant.parse("2026-11-23T02:40:00Z"));
        calls = sandbox.requestsServed();
        runs.runNow();
        assertThat(sandbox.requestsServed() - calls).isZero();

        clock.set(Instant.parse("2026-11-23T05:00:00Z"));
        runs.runNow();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM engagement_snapshot WHERE delivery_id IN (?, ?)")
                        .params(a, b)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        var latest = jdbc.sql("SELECT SUM(interactions) FROM engagement_latest WHERE delivery_id IN (?, ?)")
                .params(a, b)
                .query(Long.class)
                .single();
        var daily = jdbc.sql("SELECT SUM(interactions) FROM engagement_daily WHERE channel_id = ?")
                .param(page)
                .query(Long.class)
                .single();
        assertThat(latest).isPositive();
        assertThat(daily).isEqualTo(latest);
        var views = jdbc.sql("SELECT SUM(views) FROM engagement_latest WHERE delivery_id IN (?, ?)")
                .params(a, b)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT SUM(views) FROM engagement_daily WHERE channel_id = ?")
                        .param(page)
                        .query(Long.class)
                        .single())
                .isEqualTo(views);
        assertThat(jdbc.sql("SELECT followers FROM channel_followers WHERE channel_id = ?")
                        .param(page)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(50_000);
    }

    @Test
    void manyPostsAreReadFiftyToACall() {
        var page = connected("FACEBOOK");
        var campaign = campaign("society", List.of(page));
        for (int i = 0; i < 60; i++) {
            schedule(
                    approvedWithFacebookText(campaign, "Tin " + i + " " + unique()), page, "2026-11-23T09:00:00+07:00");
        }
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        engine.publishDueNow();
        runs.runNow();
        clock.set(Instant.parse("2026-11-23T02:20:00Z"));
        var run = runs.runNow().orElseThrow();
        // The run's own account: each item its reader hands out is one platform call's worth of
        // posts. (The sandbox's request total is not used here: on a busy machine another JVM's
        // leftover process may call a port this sandbox was given after it was freed.)
        var readDue = run.getStepExecutions().stream()
                .filter(s -> s.getStepName().equals("readDue"))
                .findFirst()
                .orElseThrow();
        assertThat(readDue.getReadCount()).as("60 posts: 2 batch calls").isEqualTo(2);
        assertThat(readDue.getWriteCount()).as("both calls answered").isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM engagement_latest l JOIN delivery d ON d.id = l.delivery_id"
                                + " WHERE d.channel_id = ?")
                        .param(page)
                        .query(Long.class)
                        .single())
                .isEqualTo(60);
    }

    @Test
    void whatARateLimitOrABusyBudgetHoldsBackIsReadNextRunNotDropped() {
        var first = connected("FACEBOOK");
        var second = connected("FACEBOOK");
        var a = scheduled(first, "2026-11-23T09:00:00+07:00");
        var b = scheduled(second, "2026-11-23T09:00:00+07:00");
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        engine.publishDueNow();
        runs.runNow();
        clock.set(Instant.parse("2026-11-23T02:20:00Z"));
        // The first page's read hits the limit; Meta's headers then say 100 %: the other page waits too.
        sandbox.inject(Platform.FACEBOOK, Fault.RATE_LIMIT, 1);
        runs.runNow();
        assertThat(nextRead(a)).isEqualTo(Instant.parse("2026-11-23T02:15:00Z"));
        assertThat(nextRead(b)).isEqualTo(Instant.parse("2026-11-23T02:15:00Z"));
        assertThat(latestRead(a, b)).isZero();

        // Meta said access comes back in 7 minutes (X-Business-Use-Case-Usage): not before then.
        clock.advance(Duration.ofMinutes(6));
        runs.runNow();
        assertThat(latestRead(a, b)).isZero();
        clock.advance(Duration.ofMinutes(2));
        runs.runNow();
        assertThat(latestRead(a, b)).isEqualTo(2);
    }

    /** How many of the posts have latest values: have been read at least once. */
    private long latestRead(long a, long b) {
        return jdbc.sql("SELECT COUNT(*) FROM engagement_latest WHERE delivery_id IN (?, ?)")
                .params(a, b)
                .query(Long.class)
                .single();
    }

    @Test
    void aRunLeftUnfinishedByADeadNodeIsRecoveredAndTwoStartsOfOneSlotRunOnce() {
        var page = connected("FACEBOOK");
        var a = scheduled(page, "2026-11-23T09:00:00+07:00");
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        engine.publishDueNow();
        clock.set(Instant.parse("2026-11-23T02:20:00Z"));
        var run = runs.runNow().orElseThrow();
        assertThat(runs.runNow())
                .as("the same slot started again, as a second node would")
                .isEmpty();

        // As if the node died mid-run: the execution stays STARTED and stops being updated.
        jdbc.sql(
                        "UPDATE batch_job_execution SET status = 'STARTED', end_time = NULL, last_updated = ? WHERE job_execution_id = ?")
                .params(LocalDateTime.of(2026, 11, 23, 1, 0), run.getId())
                .update();
        jdbc.sql("UPDATE engagement_schedule SET next_read_at = ? WHERE delivery_id = ?")
                .params(Instant.parse("2026-11-23T02:15:00Z").atOffset(ZoneOffset.UTC), a)
                .update();
        assertThat(runs.recoverStale()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM engagement_snapshot WHERE delivery_id = ?")
                        .param(a)
                        .query(Long.class)
                        .single())
                .as("the restarted run read what was still due")
                .isEqualTo(2);
        var latest = jdbc.sql("SELECT interactions FROM engagement_latest WHERE delivery_id = ?")
                .param(a)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT SUM(interactions) FROM engagement_daily WHERE channel_id = ?")
                        .param(page)
                        .query(Long.class)
                        .single())
                .as("no double counting")
                .isEqualTo(latest);
    }

    private Instant nextRead(long delivery) {
        return jdbc.sql("SELECT next_read_at FROM engagement_schedule WHERE delivery_id = ?")
                .param(delivery)
                .query((rs, n) -> Timestamps.read(rs, "next_read_at"))
                .single();
    }
}
