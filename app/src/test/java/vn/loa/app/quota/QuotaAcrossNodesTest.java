package vn.loa.app.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.app.support.ClusterFixture;
import vn.loa.app.support.ClusterFixture.ControlledNode;
import vn.loa.app.support.ClusterFixture.Seed;
import vn.loa.connectors.Platform;
import vn.loa.connectors.sandbox.Fault;
import vn.loa.connectors.sandbox.PlatformSandbox;

/**
 * Two Loa node processes on one PostgreSQL share the platforms' budgets (issue 13, item 1):
 *
 * <ol>
 *   <li>YouTube: twelve videos due at once on four channels of one Google project allowed five
 *       uploads a day. Counted at the platform sandbox and in {@code quota_ledger}: exactly five
 *       uploads, by both nodes together; the other seven wait, SCHEDULED, until the budget resets at
 *       midnight Pacific time (neither failed nor lost).
 *   <li>Facebook: one node's engagement run is told by X-App-Usage that the app is at 90 % of its
 *       budget; from then on neither node calls Facebook (YouTube reads go on) until the reading is
 *       five minutes old, when the deferred reads are made. Then one node is throttled and told by
 *       X-Business-Use-Case-Usage that access comes back in 7 minutes: neither calls Facebook for 7.
 * </ol>
 *
 * During every call the sandbox serves, {@link LedgerLockProbe} checks that no transaction holds a
 * row of the shared quota tables: nothing stays locked while a platform is called.
 */
class QuotaAcrossNodesTest {

    private static final int UPLOADS_A_DAY = 5;
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    @Test
    void twoNodeProcessesNeverSpendMoreThanTheDayAndBothDeferOnAHighUsageHeader() throws Exception {
        try (var cluster = new ClusterFixture("quota_nodes", Duration.ofMillis(100));
                var probe = new LedgerLockProbe(cluster.databaseUrl(), Duration.ofSeconds(5))) {
            var settings = new HashMap<String, String>();
            settings.put("loa.connectors.youtube.daily-uploads", String.valueOf(UPLOADS_A_DAY));
            // One call at a time per node and platform: a node claims one video, so the other node
            // takes the next and both spend from the one budget.
            settings.put("loa.engine.threads-per-platform", "1");
            // Collections run when the test says, on the node it says (NodeControl), never on their own.
            settings.put("loa.engagement.run-every", "0 0 0 1 1 ? 2099");
            var watcherSettings = new HashMap<>(settings);
            watcherSettings.put("loa.engine.loop", "false");
            var watcher = cluster.startNode("watcher", watcherSettings);
            var jdbc = cluster.jdbc(watcher);
            cluster.seed(
                    watcher,
                    Instant.now().plusSeconds(3600),
                    new Seed(Platform.YOUTUBE, 4, 12),
                    new Seed(Platform.FACEBOOK, 2, 4));
            probeCanFail(cluster, probe);
            cluster.sandbox().duringEachCall(probe);

            var b = cluster.startControlled("node-b", settings);
            var c = cluster.startControlled("node-c", settings);
            b.awaitStarted();
            c.awaitStarted();
            cluster.dueAt(watcher, Instant.now().plusSeconds(1));

            // (a) Together the two nodes upload no more than the day's budget; the rest waits.
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> settled(jdbc));
            var sandbox = cluster.sandbox();
            long uploadsStarted = sandbox.latestRequests(1_000).stream()
                    .filter("POST /upload/youtube/v3/videos"::equals)
                    .count();
            var byNode = jdbc.sql(
                            "SELECT a.node, COUNT(*) FROM publish_attempt a JOIN delivery d ON d.id = a.delivery_id"
                                    + " JOIN channel c ON c.id = d.channel_id WHERE c.platform = 'YOUTUBE'"
                                    + " AND a.outcome = 'PUBLISHED' GROUP BY a.node")
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .list();
            var today = LocalDate.now(PACIFIC);
            System.out.printf(
                    "quota across nodes: uploads started at the platform %d (1 upload each), videos %d,"
                            + " ledger %d of %d, published by node %s%n",
                    uploadsStarted,
                    sandbox.state().postsMade(Platform.YOUTUBE),
                    uploadsUsed(jdbc, today),
                    UPLOADS_A_DAY,
                    byNode);
            assertThat(uploadsStarted).as("upload calls Google received").isEqualTo(UPLOADS_A_DAY);
            assertThat(sandbox.state().postsMade(Platform.YOUTUBE)).isEqualTo(UPLOADS_A_DAY);
            assertThat(uploadsUsed(jdbc, today)).as("the shared ledger").isEqualTo(UPLOADS_A_DAY);
            assertThat(byNode).as("both nodes spent from the budget").hasSize(2);
            assertThat(count(jdbc, "YOUTUBE", "PUBLISHED")).isEqualTo(UPLOADS_A_DAY);
            assertThat(count(jdbc, "YOUTUBE", "SCHEDULED")).as("deferred").isEqualTo(12 - UPLOADS_A_DAY);
            assertThat(count(jdbc, "FACEBOOK", "PUBLISHED")).isEqualTo(4);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE status NOT IN ('PUBLISHED', 'SCHEDULED')")
                            .query(Long.class)
                            .single())
                    .as("none failed, none held")
                    .isZero();
            // Each deferred video waits for the reset: its own retry time or its channel's cool-down.
            var reset = today.plusDays(1).atStartOfDay(PACIFIC).toInstant();
            var earliestRetry = jdbc.sql(
                            "SELECT MIN(CASE WHEN d.not_before IS NULL OR d.not_before < c.cooldown_until"
                                    + " THEN c.cooldown_until ELSE d.not_before END) FROM delivery d"
                                    + " JOIN channel c ON c.id = d.channel_id WHERE c.platform = 'YOUTUBE' AND d.status = 'SCHEDULED'")
                    .query(OffsetDateTime.class)
                    .single();
            assertThat(earliestRetry.toInstant()).isAfterOrEqualTo(reset.minusSeconds(1));
            assertThat(jdbc.sql("SELECT DISTINCT failure_code FROM publish_attempt WHERE outcome = 'RETRY'")
                            .query(String.class)
                            .list())
                    .as("refused by the ledger, before any call")
                    .containsOnly("uploadQuotaExceeded");

            // (b) Engagement reads are due 15 minutes after publishing: both nodes move there.
            var nodeNow = advance(Duration.ofMinutes(20), b, c);
            sandbox.facebookAppUsage(90);
            long youtubeBefore = sandbox.requestsServed(Platform.YOUTUBE);
            assertThat(facebookCallsOfARun(sandbox, b))
                    .as("node b: the one Facebook call that was told 90 %, then no more")
                    .isEqualTo(1);
            assertThat(sandbox.requestsServed(Platform.YOUTUBE))
                    .as("YouTube reads go on")
                    .isGreaterThan(youtubeBefore);
            long deferred = facebookDue(jdbc, nodeNow);
            assertThat(deferred).as("Facebook posts node b left due").isPositive();

            sandbox.facebookAppUsage(3);
            assertThat(facebookCallsOfARun(sandbox, c))
                    .as("node c defers on node b's reading")
                    .isZero();
            assertThat(facebookDue(jdbc, nodeNow)).as("still due, not dropped").isEqualTo(deferred);

            // Five minutes on, the reading is stale: node c reads what was deferred.
            nodeNow = advance(Duration.ofMinutes(6), c, b);
            assertThat(facebookCallsOfARun(sandbox, c)).isPositive();
            assertThat(facebookDue(jdbc, nodeNow)).isZero();

            // An hour after publishing the posts are due again. Node c is throttled, and Meta's
            // X-Business-Use-Case-Usage says access comes back in 7 minutes: both nodes wait the 7.
            nodeNow = advance(Duration.ofMinutes(40), c, b);
            sandbox.inject(Platform.FACEBOOK, Fault.RATE_LIMIT, 1);
            assertThat(facebookCallsOfARun(sandbox, c))
                    .as("node c: the throttled call, then no more")
                    .isEqualTo(1);
            assertThat(facebookDue(jdbc, nodeNow)).isEqualTo(4);
            for (var minutes : new int[] {0, 6}) {
                nodeNow = advance(Duration.ofMinutes(minutes), b, c);
                assertThat(facebookCallsOfARun(sandbox, b))
                        .as("node b, %d minutes after node c was told to wait 7", minutes)
                        .isZero();
                assertThat(facebookDue(jdbc, nodeNow)).isEqualTo(4);
            }
            nodeNow = advance(Duration.ofMinutes(2), b, c);
            assertThat(facebookCallsOfARun(sandbox, b)).isPositive();
            assertThat(facebookDue(jdbc, nodeNow)).isZero();

            assertThat(probe.calls()).as("calls checked").isGreaterThan(20);
            assertThat(probe.heldAcross())
                    .as("calls during which a quota row stayed locked")
                    .isEmpty();
        }
    }

    /** Moves the nodes' clocks forward together; answers the first one's time after the move. */
    private static Instant advance(Duration by, ControlledNode first, ControlledNode second) {
        var now = first.control().advanceClock(by);
        second.control().advanceClock(by);
        return now;
    }

    /** Runs a collection on the node; answers the Facebook calls the sandbox received meanwhile. */
    private static long facebookCallsOfARun(PlatformSandbox sandbox, ControlledNode node) {
        long before = sandbox.requestsServed(Platform.FACEBOOK);
        assertThat(node.control().collect()).isEqualTo("COMPLETED");
        return sandbox.requestsServed(Platform.FACEBOOK) - before;
    }

    /** The probe does see a row held across a call: one locked here while it checks. */
    private static void probeCanFail(ClusterFixture cluster, LedgerLockProbe probe) throws Exception {
        try (var holder = DriverManager.getConnection(cluster.databaseUrl(), "postgres", "")) {
            holder.setAutoCommit(false);
            holder.createStatement()
                    .execute("INSERT INTO quota_ledger (bucket, quota_day, used) VALUES ('probe', CURRENT_DATE, 0)");
            holder.commit();
            holder.createStatement().execute("UPDATE quota_ledger SET used = 1 WHERE bucket = 'probe'");
            probe.accept("a call while a quota row is locked");
            assertThat(probe.heldAcross()).hasSize(1);
            holder.rollback();
            holder.createStatement().execute("DELETE FROM quota_ledger WHERE bucket = 'probe'");
            holder.commit();
        }
        probe.forget();
    }

    /** Nothing in flight, nothing more the engine could take before the reset, Facebook all out. */
    private static boolean settled(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery d JOIN channel c ON c.id = d.channel_id"
                                + " WHERE d.status = 'PUBLISHING' OR (d.status = 'SCHEDULED'"
                                + " AND (d.not_before IS NULL OR d.not_before <= CURRENT_TIMESTAMP)"
                                + " AND (c.cooldown_until IS NULL OR c.cooldown_until <= CURRENT_TIMESTAMP))")
                        .query(Long.class)
                        .single()
                == 0;
    }

    private static long count(JdbcClient jdbc, String platform, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery d JOIN channel c ON c.id = d.channel_id"
                        + " WHERE c.platform = ? AND d.status = ?")
                .params(platform, status)
                .query(Long.class)
                .single();
    }

    private static int uploadsUsed(JdbcClient jdbc, LocalDate day) {
        return jdbc.sql("SELECT COALESCE(SUM(used), 0) FROM quota_ledger WHERE bucket LIKE 'youtube-uploads:%'"
                        + " AND quota_day = ?")
                .param(day)
                .query(Integer.class)
                .single();
    }

    private static long facebookDue(JdbcClient jdbc, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM engagement_schedule s JOIN channel c ON c.id = s.channel_id"
                        + " WHERE c.platform = 'FACEBOOK' AND s.next_read_at <= ?")
                .param(now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }
}
