package vn.loa.app.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.ClusterFixture;

/**
 * A node process is killed with SIGKILL while it publishes a burst; after it restarts, with the
 * other node running all along, every delivery is published exactly once: no duplicate, none lost,
 * counted at the platform side. CI runs one round; the benchmark runs many, at random kill points
 * ({@code -Dloa.crash.rounds=N}).
 */
class CrashRecoveryTest {

    @Test
    void aNodeKilledMidBurstLosesNothingAndDuplicatesNothing() throws Exception {
        int rounds = Integer.getInteger("loa.crash.rounds", 1);
        for (int round = 1; round <= rounds; round++) {
            runRound(round);
        }
    }

    private void runRound(int round) throws Exception {
        int deliveries = 300;
        try (var cluster = new ClusterFixture("crash_" + round, Duration.ofMillis(60))) {
            // This JVM only seeds and watches; the two nodes are processes.
            var watcher = cluster.startNode("watcher", Map.of("loa.engine.loop", "false"));
            cluster.seed(watcher, 30, deliveries, Instant.now().plusSeconds(3600));
            var jdbc = cluster.jdbc(watcher);
            var logB = ClusterFixture.logFile("crash-" + round + "-b");
            var logC = ClusterFixture.logFile("crash-" + round + "-c");
            var b = cluster.startProcess("node-b", logB);
            var c = cluster.startProcess("node-c", logC);
            ClusterFixture.awaitStarted(b, logB, Duration.ofSeconds(90));
            ClusterFixture.awaitStarted(c, logC, Duration.ofSeconds(90));
            cluster.dueAt(watcher, Instant.now().plusSeconds(1));

            // Kill a node at a random point of the burst while it has calls in flight: whichever node
            // Quartz woke, or the one the other woke, holds them.
            int killAfter = ThreadLocalRandom.current().nextInt(20, deliveries / 2);
            var holder = await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(20))
                    .until(
                            () -> cluster.sandbox().state().allPosts().size() >= killAfter
                                    ? jdbc.sql("SELECT node FROM publish_attempt WHERE outcome = 'PENDING'"
                                                    + " GROUP BY node ORDER BY COUNT(*) DESC LIMIT 1")
                                            .query(String.class)
                                            .optional()
                                            .orElse(null)
                                    : null,
                            node -> node != null);
            var inFlight = jdbc.sql("SELECT COUNT(*) FROM publish_attempt WHERE node = ? AND outcome = 'PENDING'")
                    .param(holder)
                    .query(Long.class)
                    .single();
            var killed = holder.equals("node-b") ? b : c;
            killed.destroyForcibly().waitFor();
            var restarted =
                    cluster.startProcess(holder, ClusterFixture.logFile("crash-" + round + "-" + holder + "-2"));

            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> jdbc.sql("SELECT COUNT(*) FROM delivery WHERE status = 'PUBLISHED'")
                                    .query(Long.class)
                                    .single()
                            == deliveries);

            var posts = cluster.sandbox().state().allPosts();
            var distinct = posts.stream()
                    .map(p -> p.channelId() + "|" + p.text())
                    .distinct()
                    .count();
            System.out.printf(
                    "crash round %d: %s killed after %d posts with %d calls in flight; posts %d, distinct %d%n",
                    round, holder, killAfter, inFlight, posts.size(), distinct);
            assertThat(distinct).as("none lost").isEqualTo(deliveries);
            assertThat(posts).as("no duplicate").hasSize(deliveries);
            restarted.destroyForcibly();
            b.destroyForcibly();
            c.destroyForcibly();
        }
    }
}
