package vn.loa.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.app.connection.ChannelConnections;
import vn.loa.app.engagement.CollectionRun;
import vn.loa.app.engagement.EngagementCollector;
import vn.loa.app.engagement.EngagementRuns;
import vn.loa.app.report.Reports;
import vn.loa.app.support.ClusterFixture;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.campaign.Kpis;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRole;
import vn.loa.campaigns.channel.Channels;
import vn.loa.campaigns.content.ContentDraft;
import vn.loa.campaigns.plan.Plans;
import vn.loa.campaigns.theme.ThemeRepository;
import vn.loa.campaigns.workflow.ContentWriting;
import vn.loa.connectors.EngagementSnapshot;
import vn.loa.connectors.Platform;
import vn.loa.connectors.sandbox.SandboxCredentials;

/**
 * The engagement and report benchmarks of docs/benchmarks.md ({@code mvn -Pbench verify}): platform calls per post refreshed,
 * snapshots ingested per second, repository queries per chunk, and report latency over ten million
 * snapshots, on PostgreSQL with the platform sandbox.
 */
class EngagementBenchmark {

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

    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN, Role.PLANNER), null);

    @Test
    void collectionCallsIngestAndQueries() throws Exception {
        int fbPages = 20;
        int fbPerPage = 500;
        int ytChannels = 5;
        int ytPerChannel = 200;
        try (var cluster = new ClusterFixture("bench_engagement", Duration.ZERO)) {
            var node = cluster.startNode(
                    "bench",
                    Map.of(
                            "spring.main.sources",
                            Counting.class.getName(),
                            "loa.engine.loop",
                            "false",
                            "loa.engagement.run-every",
                            "0 0 0 1 1 ? 2099"));
            var jdbc = node.getBean(JdbcTemplate.class);
            var campaign = campaign(node, "economy");
            var item = node.getBean(ContentWriting.class)
                    .writeContent(
                            new ContentDraft(campaign, "Bài đo", "Nội dung", null, List.of(), List.of(), null), ADMIN)
                    .id();
            var publishedAt = Instant.now().minus(Duration.ofHours(1));
            var rows = new ArrayList<Object[]>();
            for (var spec : List.of(
                    new Object[] {Platform.FACEBOOK, fbPages, fbPerPage},
                    new Object[] {Platform.YOUTUBE, ytChannels, ytPerChannel})) {
                var platform = (Platform) spec[0];
                for (int c = 0; c < (int) spec[1]; c++) {
                    var channel = channel(node, platform, platform.name().toLowerCase() + "-bench-" + c);
                    for (int p = 0; p < (int) spec[2]; p++) {
                        var ref = cluster.sandbox()
                                .state()
                                .seedPost(platform, channel.externalId(), "Bài " + p, "Nội dung " + p, publishedAt);
                        rows.add(new Object[] {
                            item,
                            channel.id(),
                            publishedAt.atOffset(ZoneOffset.UTC),
                            ref,
                            publishedAt.atOffset(ZoneOffset.UTC)
                        });
                    }
                }
            }
            jdbc.batchUpdate(
                    "INSERT INTO delivery (content_id, channel_id, scheduled_at, status, external_ref, published_at,"
                            + " created_at, updated_at) VALUES (?, ?, ?, 'PUBLISHED', ?, ?, now(), now())",
                    rows);
            int posts = rows.size();
            var fbBefore = cluster.sandbox().requestsServed(Platform.FACEBOOK);
            var ytBefore = cluster.sandbox().requestsServed(Platform.YOUTUBE);
            CountingDataSource.reset();
            var started = System.nanoTime();
            node.getBean(EngagementRuns.class).runNow();
            var seconds = (System.nanoTime() - started) / 1e9;
            var snapshots = jdbc.queryForObject("SELECT COUNT(*) FROM engagement_snapshot", Long.class);
            for (var step : jdbc.queryForList("SELECT step_name, status, read_count, write_count,"
                    + " SUBSTRING(exit_message, 1, 300) AS why FROM batch_step_execution ORDER BY step_execution_id")) {
                System.out.println("BENCH step " + step);
            }
            var batches = (fbPages * fbPerPage + 49) / 50 + (ytChannels * ytPerChannel + 49) / 50;
            var chunks = (batches + 9) / 10;
            // Follower counts are read once a day per channel, not per post: counted apart.
            var fbCalls = cluster.sandbox().requestsServed(Platform.FACEBOOK) - fbBefore - fbPages;
            var ytCalls = cluster.sandbox().requestsServed(Platform.YOUTUBE) - ytBefore - ytChannels;
            System.out.printf(
                    "BENCH collection: %d posts (%d Facebook on %d pages, %d YouTube on %d channels), %d snapshots"
                            + " in %.2f s = %.0f snapshots/s%n",
                    posts,
                    fbPages * fbPerPage,
                    fbPages,
                    ytChannels * ytPerChannel,
                    ytChannels,
                    snapshots,
                    seconds,
                    snapshots / seconds);
            System.out.printf(
                    "BENCH platform calls per post refreshed: Facebook %.4f (%d calls), YouTube %.4f (%d calls)%n",
                    (double) fbCalls / (fbPages * fbPerPage),
                    fbCalls,
                    (double) ytCalls / (ytChannels * ytPerChannel),
                    ytCalls);
            System.out.printf(
                    "BENCH repository queries: %d on Loa's tables over %d chunks of up to 10 platform calls"
                            + " (%.2f per chunk, the run's own set-up queries included); %d statements in all, Spring Batch and"
                            + " Quartz bookkeeping included%n",
                    CountingDataSource.APP_QUERIES.get(),
                    chunks,
                    (double) CountingDataSource.APP_QUERIES.get() / chunks,
                    CountingDataSource.STATEMENTS.get());
            ingest(node, jdbc);
        }
    }

    /**
     * The database side alone: snapshots for every post, as a platform would return them, stored in
     * chunks of ten batches of 50 (as the job does), each chunk one transaction.
     */
    private static void ingest(ConfigurableApplicationContext node, JdbcTemplate jdbc) {
        var collector = node.getBean(EngagementCollector.class);
        var tx = node.getBean(TransactionTemplate.class);
        long total = 0;
        long nanos = 0;
        for (int round = 0; round < 5; round++) {
            jdbc.update("UPDATE engagement_schedule SET next_read_at = now() - INTERVAL '1 minute'");
            var batches = collector.due(new CollectionRun(), 100_000);
            var now = Instant.now();
            for (int i = 0; i < batches.size(); i += 10) {
                var chunk = new ArrayList<EngagementCollector.BatchRead>();
                for (var b : batches.subList(i, Math.min(batches.size(), i + 10))) {
                    var read = new HashMap<String, EngagementSnapshot>();
                    for (var p : b.posts()) {
                        read.put(
                                p.externalRef(),
                                new EngagementSnapshot(
                                        p.externalRef(), now, 100L + round, 10L, 5L, 1000L + round, 800L));
                    }
                    chunk.add(new EngagementCollector.BatchRead(b, read));
                    total += b.posts().size();
                }
                var start = System.nanoTime();
                tx.executeWithoutResult(s -> collector.record(chunk));
                nanos += System.nanoTime() - start;
            }
        }
        System.out.printf(
                "BENCH ingest into PostgreSQL: %d snapshots (with latest values, daily rollups and next reads)"
                        + " in %.2f s = %.0f snapshots/s%n",
                total, nanos / 1e9, total / (nanos / 1e9));
    }

    @Test
    void reportLatencyOverTenMillionSnapshots() throws Exception {
        long snapshots = Long.getLong("loa.bench.snapshots", 10_000_000L);
        try (var cluster = new ClusterFixture("bench_reports", Duration.ZERO)) {
            var node = cluster.startNode(
                    "bench", Map.of("loa.engine.loop", "false", "loa.engagement.run-every", "0 0 0 1 1 ? 2099"));
            var jdbc = node.getBean(JdbcTemplate.class);
            var campaigns = new ArrayList<Long>();
            for (var theme : List.of("politics", "economy", "culture", "society", "security", "defence")) {
                for (int i = 0; i < 4; i++) {
                    campaigns.add(campaign(node, theme));
                }
            }
            var channels = new ArrayList<Long>();
            for (int c = 0; c < 20; c++) {
                channels.add(channel(node, Platform.FACEBOOK, "fb-report-" + c).id());
            }
            var items = new ArrayList<Long>();
            for (var campaign : campaigns) {
                items.add(node.getBean(ContentWriting.class)
                        .writeContent(
                                new ContentDraft(campaign, "Bài", "Nội dung", null, List.of(), List.of(), null), ADMIN)
                        .id());
            }
            var t0 = System.nanoTime();
            // 200,000 published posts spread over the campaigns and channels across the past year.
            jdbc.execute(
                    "INSERT INTO delivery (content_id, channel_id, scheduled_at, status, external_ref, published_at,"
                            + " created_at, updated_at) SELECT (SELECT MIN(id) FROM content_item) + (g % "
                            + items.size() + "), "
                            + channels.get(0)
                            + " + (g % 20), now() - (g % 365) * INTERVAL '1 day', 'PUBLISHED', 'p' || g,"
                            + " now() - (g % 365) * INTERVAL '1 day', now(), now() FROM generate_series(1, 200000) g");
            jdbc.execute(
                    "INSERT INTO engagement_snapshot (delivery_id, read_at, reactions, comments, shares, views, reach)"
                            + " SELECT d.min + (g % 200000), now() - (g % 8760) * INTERVAL '1 hour', g % 500, g % 50, g % 30,"
                            + " g % 5000, g % 3000 FROM generate_series(1, " + snapshots + ") g,"
                            + " (SELECT MIN(id) AS min FROM delivery) d");
            jdbc.execute(
                    "INSERT INTO engagement_latest (delivery_id, read_at, reactions, comments, shares, views, reach,"
                            + " interactions) SELECT id, now(), id % 500, id % 50, id % 30, id % 5000, id % 3000,"
                            + " id % 500 + id % 50 + id % 30 FROM delivery");
            jdbc.execute(
                    "INSERT INTO engagement_daily (stat_day, channel_id, campaign_id, theme_id, platform, reactions,"
                            + " comments, shares, views, reach, interactions) SELECT CURRENT_DATE - dd, ch.id, c.id, c.theme_id,"
                            + " 'FACEBOOK', 100, 10, 5, 1000, 800, 115 FROM generate_series(0, 364) dd,"
                            + " (SELECT id FROM channel) ch, (SELECT id, theme_id FROM campaign) c");
            jdbc.execute("ANALYZE");
            System.out.printf(
                    "BENCH report data: %d snapshots, 200,000 posts, %d daily rollup rows, loaded in %.0f s%n",
                    jdbc.queryForObject("SELECT COUNT(*) FROM engagement_snapshot", Long.class),
                    jdbc.queryForObject("SELECT COUNT(*) FROM engagement_daily", Long.class),
                    (System.nanoTime() - t0) / 1e9);
            var reports = node.getBean(Reports.class);
            var leader = new Actor("leader", Set.of(Role.LEADERSHIP), null);
            for (int i = 0; i < 20; i++) { // warm-up
                reports.campaign(campaigns.get(i % campaigns.size()), leader);
            }
            var campaignTimes = new ArrayList<Long>();
            for (int i = 0; i < 200; i++) {
                var start = System.nanoTime();
                reports.campaign(campaigns.get(i % campaigns.size()), leader);
                campaignTimes.add(System.nanoTime() - start);
            }
            var periodTimes = new ArrayList<Long>();
            var year = LocalDate.now().getYear();
            for (int i = 0; i < 50; i++) {
                var start = System.nanoTime();
                reports.period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), leader);
                periodTimes.add(System.nanoTime() - start);
            }
            System.out.printf(
                    "BENCH per-theme campaign report: p50 %.1f ms, p95 %.1f ms, max %.1f ms (200 runs, 24 campaigns)%n",
                    pct(campaignTimes, 50), pct(campaignTimes, 95), pct(campaignTimes, 100));
            System.out.printf(
                    "BENCH yearly period report (all themes, previous year beside): p50 %.1f ms, p95 %.1f ms%n",
                    pct(periodTimes, 50), pct(periodTimes, 95));
        }
    }

    private static double pct(List<Long> nanos, int p) {
        var sorted = nanos.stream().sorted().toList();
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    static long campaign(ConfigurableApplicationContext node, String theme) {
        var year = LocalDate.now().getYear();
        var plans = node.getBean(Plans.class);
        var plan = plans.listPlans().stream()
                .filter(p -> p.year() == year)
                .findFirst()
                .orElseGet(() -> plans.createPlan(year, "Kế hoạch", null));
        var themeId = node.getBean(ThemeRepository.class)
                .findByCode(theme)
                .orElseThrow()
                .id();
        return node.getBean(CampaignPlanning.class)
                .startCampaign(new Campaign.Details(
                        plan.id(),
                        themeId,
                        "Chiến dịch " + theme + " " + System.nanoTime(),
                        null,
                        LocalDate.of(year - 1, 1, 1),
                        LocalDate.of(year, 12, 31),
                        new Kpis(1_000_000L, 100_000L, 500),
                        Set.of()))
                .id();
    }

    static Channel channel(ConfigurableApplicationContext node, Platform platform, String externalId) {
        var channel = node.getBean(Channels.class)
                .registerChannel(new Channel.Details(
                        platform,
                        externalId,
                        "Kênh " + externalId,
                        ChannelRole.PARTNER,
                        60_000L,
                        "Đối tác",
                        null,
                        true));
        node.getBean(ChannelConnections.class)
                .connect(
                        channel.id(),
                        SandboxCredentials.forChannel(platform, channel.externalId(), Instant.now()),
                        ADMIN);
        return channel;
    }
}
