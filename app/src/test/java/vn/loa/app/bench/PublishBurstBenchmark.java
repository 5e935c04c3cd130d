package vn.loa.app.bench;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.app.support.ClusterFixture;
import vn.loa.app.support.ClusterFixture.Seed;
import vn.loa.campaigns.delivery.DeliveryTimer;
import vn.loa.connectors.Platform;

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
            var settings = new HashMap<String, String>(Map.of(
                    "spring.main.sources",
                    Counting.class.getName(),
                    "loa.engine.threads-per-platform",
                    System.getProperty("loa.bench.threads", "200")));
            var pool = System.getProperty("loa.bench.pool");
            if (pool != null) {
                settings.put("spring.datasource.hikari.maximum-pool-size", pool);
            }
            var node = cluster.startNode("bench", settings);
            // Further nodes in processes of their own: Quartz keeps one scheduler per name in a JVM.
            for (int n = 2; n <= nodes; n++) {
                var log = ClusterFixture.logFile("bench-node-" + n);
                var other = cluster.startProcess(
                        "bench" + n,
                        log,
                        settings.entrySet().stream()
                                .filter(e -> !e.getKey().equals("spring.main.sources"))
                                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                        Set.of(),
                        null);
                ClusterFixture.awaitStarted(other, log, Duration.ofSeconds(120));
            }
            var jdbc = cluster.jdbc(node);
            var sameSecond = Boolean.getBoolean("loa.bench.same-second");
            // A warm-up burst first, on its own channels: a node runs for days, so the measured burst
            // meets compiled code (the JIT compiling restfb, the driver and the sandbox mid-burst
            // takes a core of this machine's two), as JMH warms up before it measures.
            int warmup = Integer.getInteger("loa.bench.warmup", deliveries);
            // At least three warm-up bursts (-Dloa.bench.warmup-rounds): after one, the JIT's C2
            // compiler still took a second of CPU during the measured burst (CpuBudget's line). With
            // several nodes the node Quartz fires on takes most of each burst, so more follow (up to
            // eight in all) until every node has published a burst's worth.
            int least = warmup == 0 ? 0 : Integer.getInteger("loa.bench.warmup-rounds", 3);
            int rounds = nodes == 1 ? least : Math.max(least, 8);
            // One seeding (a plan per year): the warm-up's deliveries first, then the measured ones.
            var far = Instant.now().plusSeconds(3600);
            if (warmup > 0) {
                cluster.seed(
                        node,
                        far,
                        new Seed(Platform.FACEBOOK, channels, warmup * rounds),
                        new Seed(Platform.FACEBOOK, channels, deliveries));
            } else {
                cluster.seed(node, far, new Seed(Platform.FACEBOOK, channels, deliveries));
            }
            var firstOfRound = new ArrayList<Long>();
            for (int r = 0; r <= rounds; r++) {
                firstOfRound.add(jdbc.sql("SELECT id FROM delivery ORDER BY id OFFSET ? LIMIT 1")
                        .param(r * warmup)
                        .query(Long.class)
                        .single());
            }
            long firstMeasured = firstOfRound.get(rounds);
            long warmed = 0;
            for (int r = 0; r < rounds; r++) {
                burst(node, jdbc, sameSecond, firstOfRound.get(r), firstOfRound.get(r + 1));
                long expected = warmed + warmup;
                await().atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> published(jdbc) == expected);
                warmed = expected;
                var perNode = jdbc.sql("SELECT COUNT(*) FROM publish_attempt WHERE outcome = 'PUBLISHED' GROUP BY node")
                        .query(Long.class)
                        .list();
                if (r + 1 >= least
                        && perNode.size() == nodes
                        && perNode.stream().allMatch(n -> n >= warmup)) {
                    break;
                }
            }
            long warmedUp = warmed;
            var cpu = CpuBudget.start();
            burst(node, jdbc, sameSecond, firstMeasured, Long.MAX_VALUE);
            CountingDataSource.reset();
            var startedAt = Instant.now();
            var polls = new AtomicLong();
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        polls.incrementAndGet();
                        return published(jdbc) == warmedUp + deliveries;
                    });
            var cpuUsed = cpu.since();
            // The benchmark's own polling queries (one statement, one commit each) are not the engine's work.
            var statements = CountingDataSource.STATEMENTS.get() - polls.get();
            var commits = CountingDataSource.COMMITS.get() - polls.get();
            // Lateness as the platform saw it, over all nodes: a post's arrival at the sandbox (its
            // creation less the sandbox's 200 ms answer delay) after its delivery's due instant.
            var arrived = new HashMap<String, Instant>();
            cluster.sandbox().state().allPosts().forEach(post -> arrived.put(post.id(), post.createdAt()));
            var lateness = new ArrayList<Long>();
            jdbc.sql("SELECT scheduled_at, external_ref FROM delivery WHERE id >= ?")
                    .param(firstMeasured)
                    .query((rs, row) -> {
                        var due = rs.getObject(1, OffsetDateTime.class).toInstant();
                        var at = arrived.get(rs.getString(2));
                        lateness.add(Duration.between(due, at).minus(LATENCY).toMillis());
                        return null;
                    })
                    .list();
            Collections.sort(lateness);
            // Due instant to the outcome recorded (the call's 200 ms and the outcome's commit included).
            var recorded = jdbc.sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.99)"
                            + " WITHIN GROUP (ORDER BY ms), MAX(ms) FROM (SELECT EXTRACT(EPOCH FROM (published_at"
                            + " - scheduled_at)) * 1000 AS ms FROM delivery WHERE id >= ?) t")
                    .param(firstMeasured)
                    .query((rs, row) -> String.format(
                            "p50 %.0f, p99 %.0f, max %.0f", rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)))
                    .single();
            var byNode = publishedByNode(jdbc, firstMeasured, Long.MAX_VALUE);
            var span = jdbc.sql("SELECT EXTRACT(EPOCH FROM (MAX(a.started_at) - MIN(a.started_at)))"
                            + " FROM publish_attempt a JOIN delivery d ON d.id = a.delivery_id WHERE d.id >= ?")
                    .param(firstMeasured)
                    .query(Double.class)
                    .single();
            var dueSpan = jdbc.sql(
                            "SELECT EXTRACT(EPOCH FROM (MAX(scheduled_at) - MIN(scheduled_at))) FROM delivery WHERE id >= ?")
                    .param(firstMeasured)
                    .query(Double.class)
                    .single();
            System.out.printf(
                    "BENCH burst: %d deliveries, %d channels, %d node(s), 200 ms platform latency, due within %.0f s,"
                            + " after warm-up bursts of %d in all%n",
                    deliveries, channels, nodes, dueSpan, warmedUp);
            System.out.printf(
                    "BENCH lateness ms (all nodes, due to the call reaching the platform): p50 %d, p99 %d, max %d (n=%d)%n",
                    percentile(lateness, 0.50),
                    percentile(lateness, 0.99),
                    lateness.get(lateness.size() - 1),
                    lateness.size());
            var warmedBy = publishedByNode(jdbc, 0, firstMeasured);
            System.out.printf(
                    "BENCH due to published, all nodes, ms: %s; published by %s (warm-up by %s)%n",
                    recorded, byNode, warmedBy);
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
            System.out.printf("BENCH cpu from setting the burst due (5 s ahead) to the last publish: %s%n", cpuUsed);
            for (var run : CountingDataSource.mostRun(12)) {
                var sql = run.getKey();
                System.out.printf(
                        "BENCH   %6d × %s%n", run.getValue(), sql.length() > 150 ? sql.substring(0, 150) + "…" : sql);
            }
        }
    }

    private static final Duration LATENCY = Duration.ofMillis(200);

    /** Makes the deliveries with ids in [from, to) due in the next minute. */
    private static void burst(
            ConfigurableApplicationContext node, JdbcClient jdbc, boolean sameSecond, long from, long to) {
        // On a whole second, as planners schedule (to the minute): the timer wakes at the
        // second, so an instant within one would count up to a second of rounding as lateness.
        var minute = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        var timer = node.getBean(DeliveryTimer.class);
        if (sameSecond) {
            jdbc.sql("UPDATE delivery SET scheduled_at = ? WHERE id >= ? AND id < ?")
                    .param(minute.atOffset(ZoneOffset.UTC))
                    .param(from)
                    .param(to)
                    .update();
            timer.dueAt(minute);
        } else {
            // Spread over one minute, as "due in the same minute": second id % 60 of the minute,
            // with the timers scheduling would have set, one per second.
            jdbc.sql(
                            "UPDATE delivery SET scheduled_at = ? + (MOD(id, 60) * INTERVAL '1 second') WHERE id >= ? AND id < ?")
                    .param(minute.atOffset(ZoneOffset.UTC))
                    .param(from)
                    .param(to)
                    .update();
            for (int second = 0; second < 60; second++) {
                timer.dueAt(minute.plusSeconds(second));
            }
        }
    }

    /** "node count" per node, for the deliveries with ids in [from, to). */
    private static List<String> publishedByNode(JdbcClient jdbc, long from, long to) {
        return jdbc.sql("SELECT a.node, COUNT(*) FROM publish_attempt a JOIN delivery d ON d.id = a.delivery_id"
                        + " WHERE a.outcome = 'PUBLISHED' AND d.id >= ? AND d.id < ? GROUP BY a.node ORDER BY a.node")
                .param(from)
                .param(to)
                .query((rs, row) -> rs.getString(1) + " " + rs.getLong(2))
                .list();
    }

    private static long published(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE status = 'PUBLISHED'")
                .query(Long.class)
                .single();
    }

    /** The nearest-rank percentile of sorted values. */
    private static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }
}
