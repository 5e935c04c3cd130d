package vn.loa.app.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.ClusterFixture;
import vn.loa.connectors.Platform;

/**
 * Two Loa nodes on one PostgreSQL — this JVM and a process of its own — with 500 deliveries due in
 * the same second: each is published exactly once, counted at the platform side.
 */
class TwoNodesExactlyOnceTest {

    @Test
    void fiveHundredDeliveriesDueInTheSameSecondArePublishedExactlyOnce() throws Exception {
        // Few publish threads and a slow platform make the burst last seconds on one node, so the
        // second node (woken by the first's notification) has its share to take; with the default
        // 128 threads and a fast platform the node Quartz fired on can finish alone, which proves nothing.
        var narrow = Map.of("loa.engine.threads-per-platform", "16");
        try (var cluster = new ClusterFixture("two_nodes", Duration.ofMillis(100))) {
            var a = cluster.startNode("node-a", narrow);
            var log = ClusterFixture.logFile("two-nodes-b");
            var b = cluster.startProcess("node-b", log, narrow, Set.of(), null);
            cluster.seed(a, 50, 500, Instant.now().plusSeconds(3600));
            ClusterFixture.awaitStarted(b, log, Duration.ofSeconds(60));
            var due = Instant.now().plusSeconds(2);
            var jdbc = cluster.jdbc(a);
            cluster.dueAt(a, due);

            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> jdbc.sql("SELECT COUNT(*) FROM delivery WHERE status = 'PUBLISHED'")
                                    .query(Long.class)
                                    .single()
                            == 500);

            var posts = cluster.sandbox().state().allPosts();
            assertThat(posts).hasSize(500);
            assertThat(posts.stream().map(p -> p.channelId() + "|" + p.text()).distinct())
                    .hasSize(500);
            assertThat(cluster.sandbox().state().postsMade(Platform.FACEBOOK)).isEqualTo(500);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM publish_attempt WHERE outcome <> 'PUBLISHED'")
                            .query(Long.class)
                            .single())
                    .isZero();
            var byNode = jdbc.sql("SELECT node, COUNT(*) AS n FROM publish_attempt GROUP BY node")
                    .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
                    .list();
            System.out.println("Publishes by node: " + byNode);
            assertThat(byNode).hasSize(2);
        }
    }
}
