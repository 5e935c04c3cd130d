package vn.loa.app.bench;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.loa.app.support.ClusterFixture;
import vn.loa.campaigns.delivery.DeliveryTimer;

/**
 * The publishing burst benchmark of docs/benchmarks.md ({@code mvn -Pbench verify}): 1,000 deliveries due in the same
 * minute across 100 channels, the platform sandbox answering after 200 ms, one Loa node on
 * PostgreSQL. Prints dispatch lateness (due instant to platform call) p50/p99/max, dispatches per
 * second, and commits and statements per publish (counted at the JDBC driver).
 */
class PublishBurstBenchmark {

    @Configuration
    static class Counting {
        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && name.equals("dataSource")
                            ? CountingDataSource.wrap(ds)
                            : bean;
                }
            };
        }
    }

    @Test
    void thousandDeliveriesDueInOneMinuteAcrossHundredChannels() throws Exception {
        int deliveries = Integer.getInteger("loa.bench.deliveries", 1_000);
        int channels = Integer.getInteger("loa.bench.channels", 100);
        try (var cluster = new ClusterFixture("bench_burst", Duration.ofMillis(200))) {
            var node = cluster.startNode(
                    "bench",
                    Map.of(
                            "spring.main.sources",
                            Counting.class.getName(),
                            "loa.engine.threads-per-platform",
                            System.getProperty("loa.bench.threads", "200")));
            cluster.seed(node, channels, deliveries, Instant.now().plusSeconds(3600));
            var jdbc = cluster.jdbc(node);
            // Spread over one minute, as "due in the same minute": second i % 60 of the minute.
            var minute = Instant.now().plusSeconds(5);
            jdbc.sql("UPDATE delivery SET scheduled_at = ? + (MOD(id, 60) * INTERVAL '1 second')")
                    .param(minute.atOffset(ZoneOffset.UTC))
                    .update();
            var sameSecond = Boolean.getBoolean("loa.bench.same-second");
            if (sameSecond) {
                cluster.dueAt(node, minute);
            } else {
                // The timers scheduling would have set: one per second of the minute.
                var timer = node.getBean(DeliveryTimer.class);
                for (int second = 0; second < 60; second++) {
                    timer.dueAt(minute.plusSeconds(second));
                }
            }
            CountingDataSource.reset();
            var startedAt = Instant.now();
            var polls = new AtomicLong();
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        polls.incrementAndGet();
                        return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE status = 'PUBLISHED'")
                                        .query(Long.class)
                                        .single()
                                == deliveries;
                    });
            // The benchmark's own polling queries (one statement, one commit each) are not the engine's work.
            var statements = CountingDataSource.STATEMENTS.get() - polls.get();
            var commits = CountingDataSource.COMMITS.get() - polls.get();
            var lateness = node.getBean(MeterRegistry.class)
                    .find("loa.dispatch.lateness")
                    .timer();
            var snapshot = lateness.takeSnapshot();
            double p50 = 0;
            double p99 = 0;
            for (var v : snapshot.percentileValues()) {
                if (v.percentile() == 0.5) {
                    p50 = v.value(TimeUnit.MILLISECONDS);
                }
                if (v.percentile() == 0.99) {
                    p99 = v.value(TimeUnit.MILLISECONDS);
                }
            }
            var span = jdbc.sql("SELECT EXTRACT(EPOCH FROM (MAX(started_at) - MIN(started_at))) FROM publish_attempt")
                    .query(Double.class)
                    .single();
            var dueSpan = jdbc.sql("SELECT EXTRACT(EPOCH FROM (MAX(scheduled_at) - MIN(scheduled_at))) FROM delivery")
                    .query(Double.class)
                    .single();
            System.out.printf(
                    "BENCH burst: %d deliveries, %d channels, 200 ms platform latency, due within %.0f s%n",
                    deliveries, channels, dueSpan);
            System.out.printf(
                    "BENCH lateness ms: p50 %.0f, p99 %.0f, max %.0f (n=%d)%n",
                    p50, p99, snapshot.max(TimeUnit.MILLISECONDS), snapshot.count());
            System.out.printf(
                    "BENCH dispatch: first to last platform call %.2f s%s%n",
                    span, sameSecond ? String.format(", %.0f dispatches/s", deliveries / Math.max(span, 0.001)) : "");
            System.out.printf(
                    "BENCH per publish: %.2f commits, %.2f statements (%d and %d in all, since %s)%n",
                    (double) commits / deliveries, (double) statements / deliveries, commits, statements, startedAt);
        }
    }
}
