package vn.loa.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.ClusterFixture;

/**
 * What an idle node costs the database ({@code mvn -Pbench}): one Loa node with its default engine
 * settings, connected channels and deliveries scheduled for tomorrow, nothing due. Statements are
 * counted by PostgreSQL itself (pg_stat_statements, loaded at server start; BEGIN and COMMIT count
 * as statements too) over a window of {@code loa.bench.idle-seconds} (default 300: it takes in the
 * five-minute engagement run), for the node's database only, after the node has settled down.
 */
class IdleNodeBenchmark {

    /** One row of pg_stat_statements, as printed. */
    private record Counted(long calls, String query) {}

    @Test
    void anIdleNodeRunsAtMostOneStatementASecond() throws Exception {
        int seconds = Integer.getInteger("loa.bench.idle-seconds", 300);
        try (var server = EmbeddedPostgres.builder()
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all")
                        .start();
                var cluster =
                        new ClusterFixture(server.getJdbcUrl("postgres", "postgres"), "bench_idle", Duration.ZERO)) {
            var admin = server.getJdbcUrl("postgres", "postgres");
            try (var c = DriverManager.getConnection(admin, "postgres", "")) {
                c.createStatement().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            var node = cluster.startNode("idle", Map.of("loa.engine.poll-interval", "1m"));
            cluster.seed(node, 10, 50, Instant.now().plusSeconds(86_400));
            // Let start-up work (first rounds, Quartz recovery) pass before counting.
            var settle = Instant.now().plusSeconds(20);
            await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(settle));

            try (var c = DriverManager.getConnection(admin, "postgres", "")) {
                c.createStatement().execute("SELECT pg_stat_statements_reset()");
                var from = Instant.now();
                var until = from.plusSeconds(seconds);
                await().atMost(Duration.ofSeconds(seconds + 30L))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> Instant.now().isAfter(until));
                var elapsed = Duration.between(from, Instant.now()).toMillis() / 1000.0;
                var rows = new ArrayList<Counted>();
                try (var q = c.prepareStatement(
                        "SELECT s.calls, s.query FROM pg_stat_statements s"
                                + " JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = 'bench_idle' ORDER BY s.calls DESC")) {
                    var rs = q.executeQuery();
                    while (rs.next()) {
                        rows.add(new Counted(rs.getLong(1), rs.getString(2)));
                    }
                }
                long total = rows.stream().mapToLong(Counted::calls).sum();
                System.out.printf(
                        "BENCH idle node: %d statements in %.0f s = %.2f statements/s (pg_stat_statements, node's database)%n",
                        total, elapsed, total / elapsed);
                print(rows);
                assertThat(total / elapsed).isLessThanOrEqualTo(1.0);
            }
        }
    }

    private static void print(List<Counted> rows) {
        for (var r : rows) {
            var text = r.query().replaceAll("\\s+", " ");
            System.out.printf(
                    "BENCH   %5d  %s%n", r.calls(), text.length() > 150 ? text.substring(0, 150) + "…" : text);
        }
    }
}
