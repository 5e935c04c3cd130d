package vn.loa.app.bench;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
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
        int nodes = Integer.getInteger("loa.bench.nodes", 1);
        try (var cluster = new ClusterFixture("bench_burst", Duration.ofMillis(200))) {
            var settings = Map.of(
                    "spring.main.sources",
                    Counting.class.getName(),
                    "loa.engine.threads-per-platform",
                    System.getProperty("loa.bench.threads", "200"));
            var node = cluster.startNode("bench", settings);
            // Further nodes in processes of their own: Quartz keeps one scheduler per name in a JVM.
            for (int n = 2; n <= nodes; n++) {
                var log = ClusterFixture.logFile("bench-node-" + n);
                var other = cluster.startProcess(
                        "bench" + n,
                        log,
                        Map.of("loa.engine.threads-per-platform", System.getProperty("loa.bench.threads", "200")),
                        Set.of(),
                        null);
                ClusterFixture.awaitStarted(other, log, Duration.ofSeconds(120));
            }
            cluster.seed(node, channels, deliveries, Instant.now().plusSeconds(3600));
            var jdbc = cluster.jdbc(node);
            // Spread over one minute, as "due in the same minute": second i % 60 of the minute.
            // On a whole second, as planners schedule (to the minute): the timer wakes at the
            // second, so an instant within one would count up to a second of rounding as lateness.
            var minute = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
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
            var snapshot = node.getBean(MeterRegistry.class)
                    .find("loa.dispatch.lateness")
                    .timer()
                    .takeSnapshot();
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
            // Over all nodes, from the database: due instant to the outcome recorded (the call's
            // 200 ms and the outcome's commit included, so above the lateness to the call).
            var recorded = jdbc.sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.99)"
                            + " WITHIN GROUP (ORDER BY ms), MAX(ms) FROM (SELECT EXTRACT(EPOCH FROM (published_at"
                            + " - scheduled_at)) * 1000 AS ms FROM delivery) t")
                    .query((rs, row) -> String.format(
                            "p50 %.0f, p99 %.0f, max %.0f", rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)))
                    .single();
            var byNode = jdbc.sql("SELECT node, COUNT(*) FROM publish_attempt WHERE outcome = 'PUBLISHED'"
                            + " GROUP BY node ORDER BY node")
                    .query((rs, row) -> rs.getString(1) + " " + rs.getLong(2))
                    .list();
            var span = jdbc.sql("SELECT EXTRACT(EPOCH FROM (MAX(started_at) - MIN(started_at))) FROM publish_attempt")
                    .query(Double.class)
                    .single();
            var dueSpan = jdbc.sql("SELECT EXTRACT(EPOCH FROM (MAX(scheduled_at) - MIN(scheduled_at))) FROM delivery")
                    .query(Double.class)
                    .single();
            System.out.printf(
                    "BENCH burst: %d deliveries, %d channels, %d node(s), 200 ms platform latency, due within %.0f s%n",
                    deliveries, channels, nodes, dueSpan);
            System.out.printf(
                    "BENCH lateness ms (first node, due to call): p50 %.0f, p99 %.0f, max %.0f (n=%d)%n",
                    p50, p99, snapshot.max(TimeUnit.MILLISECONDS), snapshot.count());
            System.out.printf("BENCH due to published, all nodes, ms: %s; published by %s%n", recorded, byNode);
            System.out.printf(
                    "BENCH dispatch: first to last platform call %.2f s%s%n",
                    span, sameSecond ? String.format(", %.0f dispatches/s", deliveries / Math.max(span, 0.001)) : "");
            // The platform's own floor: every call takes the latency, and no more run at once than this
            // node's publish threads or the channels' room (4 calls in flight per channel by default).
            int threads = Integer.parseInt(System.getProperty("loa.bench.threads", "200"));
            int concurrency = Math.min(threads * nodes, channels * 4);
            System.out.printf(
                    "BENCH platform floor: %d calls x 200 ms / %d at once = %.0f ms to send them all;"
                            + " load average %s%n",
                    deliveries,
                    concurrency,
                    deliveries * 200.0 / concurrency,
                    Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.printf(
                    "BENCH per publish: %.2f commits, %.2f statements (%d and %d in all, since %s)%n",
                    (double) commits / deliveries, (double) statements / deliveries, commits, statements, startedAt);
            for (var run : CountingDataSource.mostRun(12)) {
                var sql = run.getKey();
                System.out.printf(
                        "BENCH   %6d × %s%n", run.getValue(), sql.length() > 150 ? sql.substring(0, 150) + "…" : sql);
            }
        }
    }
}
