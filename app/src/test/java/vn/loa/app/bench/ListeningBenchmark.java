package vn.loa.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.app.listening.CommentCollector;
import vn.loa.app.listening.CommentStore;
import vn.loa.app.support.ClusterFixture;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.content.ContentDraft;
import vn.loa.campaigns.listening.TopicDraft;
import vn.loa.campaigns.listening.TopicKind;
import vn.loa.campaigns.listening.Watchlists;
import vn.loa.campaigns.theme.ThemeRepository;
import vn.loa.campaigns.workflow.ContentWriting;
import vn.loa.connectors.Comment;
import vn.loa.connectors.Platform;

/**
 * The listening benchmarks of docs/benchmarks.md ({@code mvn -Pbench ... -Dtest=ListeningBenchmark}),
 * on PostgreSQL with the platform sandbox:
 *
 * <ul>
 *   <li>comments ingested per second: what a chunk of comment reads gave, stored by the collection
 *       step's own code ({@link CommentCollector#store}: authors hashed, new comments inserted,
 *       topics matched and counted per hour, cursors saved), one transaction per chunk of 10 posts
 *       as the step runs them;
 *   <li>platform calls per 100 new comments, counted at the sandbox, when the real collection job
 *       reads Facebook and YouTube posts again after new comments came in, with the YouTube quota
 *       units it spent.
 * </ul>
 */
class ListeningBenchmark {

    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN, Role.PLANNER), null);
    /** Posts per chunk (transaction), as in the readComments step. */
    private static final int CHUNK = 10;
    /** Comments one post gives at most in a run: 5 pages of 100. */
    private static final int PER_POST = 500;

    /** Words of comments and phrases: common words of the city's comment threads. */
    private static final String[] WORDS = {
        "hà", "nội", "cấm", "đường", "sai", "sự", "thật", "tin", "đồn", "giá", "xăng", "tăng", "ngập", "úng", "phố",
        "cầu", "thông", "báo", "người", "dân", "không", "được", "phong", "tỏa", "tiêm", "vắc", "xin", "học", "phí",
        "bệnh", "viện", "điện", "nước", "rác", "thải", "xe", "buýt", "mưa", "bão", "lũ", "quận", "phường", "trường",
        "chợ", "đất", "nhà", "thuế", "lương", "hưu", "cảnh", "sát", "giao", "kẹt", "ùn", "tắc", "ô", "nhiễm", "bụi",
        "máy", "đi", "làm", "sáng", "nay", "hôm", "qua", "mai", "tuần", "tháng", "năm", "con", "cháu", "ông", "bà",
        "anh", "chị", "em", "bạn", "mọi", "ai", "cũng", "rất", "quá", "lắm", "thế", "nào", "vậy", "sao", "vì", "cho",
        "với", "của", "và", "là", "có", "này", "kia", "đó", "ở", "trên", "dưới", "trong", "ngoài", "gần", "xa", "mới",
        "cũ", "tốt", "xấu", "đẹp", "sạch", "bẩn", "nhanh", "chậm", "sớm", "muộn", "cảm", "ơn", "thành", "phố", "chính",
        "quyền", "cán", "bộ", "ủy", "ban", "sở", "công", "an", "hồ", "gươm", "tây", "long", "biên", "cầu", "giấy",
        "đống", "đa", "hoàn", "kiếm", "ba", "đình", "thanh", "xuân", "hoàng", "mai", "bình", "yên"
    };

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static ConfigurableApplicationContext node(ClusterFixture cluster) {
        return cluster.startNode(
                "bench",
                Map.of(
                        "spring.main.sources",
                        EngagementBenchmark.Counting.class.getName(),
                        "loa.engine.loop",
                        "false",
                        "loa.engagement.run-every",
                        "0 0 0 1 1 ? 2099"));
    }

    /**
     * {@code topics} watched topics of {@code phrases} phrases of 2-3 words each, on the society
     * theme: as a watchlist's phrases are ("sai sự thật", "cấm xe máy"), and so a comment mentions
     * about one topic or none, not dozens ({@code -Dloa.bench.phrase-words=1} for a worst case of
     * 1-3 words, single common words among them: about 25 topics a comment).
     */
    private static void watchlist(ConfigurableApplicationContext node, Random random, int topics, int phrases) {
        var society = node.getBean(ThemeRepository.class)
                .findByCode("society")
                .orElseThrow()
                .id();
        var watchlists = node.getBean(Watchlists.class);
        int least = Integer.getInteger("loa.bench.phrase-words", 2);
        for (int t = 0; t < topics; t++) {
            var list = new ArrayList<String>();
            for (int p = 0; p < phrases; p++) {
                list.add(words(random, least + random.nextInt(4 - least), true));
            }
            watchlists.addTopic(
                    new TopicDraft(
                            "Chủ đề " + t, t % 4 == 0 ? TopicKind.RUMOUR : TopicKind.TOPIC, list, List.of(society)),
                    ADMIN);
        }
    }

    private static String words(Random random, int n, boolean marks) {
        var text = new StringBuilder();
        for (int w = 0; w < n; w++) {
            var word = WORDS[random.nextInt(WORDS.length)];
            text.append(w == 0 ? "" : w % 7 == 0 ? ", " : " ").append(marks ? word : MatchingBenchmark.plain(word));
        }
        return text.toString();
    }

    /**
     * Published deliveries, one per external ref, spread over the channels; a channel's n-th post is
     * the n-th content item's (an item is live at most once per channel).
     */
    private static void published(
            ConfigurableApplicationContext node, long campaign, List<Long> channels, List<String> refs, Instant at) {
        var items = new ArrayList<Long>();
        var perChannel = new HashMap<Long, Integer>();
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < refs.size(); i++) {
            var channel = channels.get(i % channels.size());
            int n = perChannel.merge(channel, 1, Integer::sum) - 1;
            while (items.size() <= n) {
                items.add(node.getBean(ContentWriting.class)
                        .writeContent(
                                new ContentDraft(
                                        campaign,
                                        "Bài đo " + items.size(),
                                        "Nội dung",
                                        null,
                                        List.of(),
                                        List.of(),
                                        null),
                                ADMIN)
                        .id());
            }
            rows.add(new Object[] {
                items.get(n), channel, at.atOffset(ZoneOffset.UTC), refs.get(i), at.atOffset(ZoneOffset.UTC)
            });
        }
        node.getBean(JdbcTemplate.class)
                .batchUpdate(
                        "INSERT INTO delivery (content_id, channel_id, scheduled_at, status, external_ref, published_at,"
                                + " created_at, updated_at) VALUES (?, ?, ?, 'PUBLISHED', ?, ?, now(), now())",
                        rows);
    }

    @Test
    void commentsIngestedIntoPostgres() throws Exception {
        int posts = Integer.getInteger("loa.bench.comment-posts", 100);
        int rounds = 3;
        var random = new Random(7);
        try (var cluster = new ClusterFixture("bench_listening_ingest", Duration.ZERO)) {
            var node = node(cluster);
            var jdbc = node.getBean(JdbcTemplate.class);
            watchlist(node, random, 100, 5);
            var campaign = EngagementBenchmark.campaign(node, "society");
            var channels = new ArrayList<Long>();
            for (int c = 0; c < 4; c++) {
                channels.add(EngagementBenchmark.channel(node, Platform.FACEBOOK, "fb-ingest-" + c)
                        .id());
            }
            var refs = new ArrayList<String>();
            for (int p = 0; p < posts; p++) {
                refs.add("fb-ingest-post-" + p);
            }
            var publishedAt = Instant.now().minus(Duration.ofHours(1));
            published(node, campaign, channels, refs, publishedAt);
            var collector = node.getBean(CommentCollector.class);
            var tx = node.getBean(TransactionTemplate.class);
            var due = collector.due();
            assertThat(due).as("every post is due its first read").hasSize(posts);
            var matcher = collector.matcher();
            System.out.printf("BENCH ingest: load average before %s%n", loadAverage());

            var rates = new ArrayList<Double>();
            long matches = 0;
            long statements = 0;
            int chunks = 0;
            for (int round = 0; round <= rounds; round++) {
                // What the platforms gave, made before the clock starts: 500 comments a post.
                var reads = new ArrayList<List<CommentCollector.Fetched>>();
                var cursors = new ArrayList<List<CommentStore.Cursor>>();
                for (int from = 0; from < due.size(); from += CHUNK) {
                    var chunk = new ArrayList<CommentCollector.Fetched>();
                    var marks = new ArrayList<CommentStore.Cursor>();
                    for (var post : due.subList(from, Math.min(due.size(), from + CHUNK))) {
                        var comments = new ArrayList<Comment>(PER_POST);
                        var at = publishedAt.plusSeconds(round * 600L);
                        for (int k = 0; k < PER_POST; k++) {
                            comments.add(new Comment(
                                    post.externalRef() + "_" + round + "_" + k,
                                    words(random, 8 + random.nextInt(33), random.nextBoolean()),
                                    at.plusMillis(k * 1_000L),
                                    random.nextInt(20),
                                    "fb-user-" + random.nextInt(20_000)));
                        }
                        chunk.add(new CommentCollector.Fetched(post, Platform.FACEBOOK, comments));
                        marks.add(new CommentStore.Cursor(
                                post.deliveryId(), at.plusSeconds(PER_POST), null, null, 0, Instant.now()));
                    }
                    reads.add(chunk);
                    cursors.add(marks);
                }
                long before = CountingDataSource.STATEMENTS.get();
                long nanos = 0;
                long stored = 0;
                for (int i = 0; i < reads.size(); i++) {
                    var chunk = reads.get(i);
                    var marks = cursors.get(i);
                    long start = System.nanoTime();
                    var result = tx.execute(s -> collector.store(matcher, chunk, marks));
                    nanos += System.nanoTime() - start;
                    stored += result.comments();
                    if (round > 0) {
                        matches += result.matches();
                    }
                }
                assertThat(stored).as("every comment of the round is new").isEqualTo((long) posts * PER_POST);
                if (round == 0) {
                    continue; // warm-up
                }
                statements += CountingDataSource.STATEMENTS.get() - before;
                chunks += reads.size();
                var rate = stored / (nanos / 1e9);
                rates.add(rate);
                System.out.printf(
                        "BENCH ingest round %d: %,d comments in %.2f s = %,.0f comments/s%n",
                        round, stored, nanos / 1e9, rate);
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM post_comment", Long.class))
                    .isEqualTo((long) (rounds + 1) * posts * PER_POST);
            rates.sort(Double::compare);
            System.out.printf(
                    "BENCH ingest into PostgreSQL: median %,.0f comments/s (%,.0f – %,.0f) over %d rounds of %,d"
                            + " comments (%d posts x %d, chunks of %d posts, each one transaction); %.2f topic"
                            + " matches a comment; %.1f statements a chunk; target >= 10,000/s%n",
                    rates.get(rates.size() / 2),
                    rates.get(0),
                    rates.get(rates.size() - 1),
                    rounds,
                    (long) posts * PER_POST,
                    posts,
                    PER_POST,
                    CHUNK,
                    (double) matches / ((long) rounds * posts * PER_POST),
                    (double) statements / chunks);
            System.out.printf("BENCH ingest: load average after %s%n", loadAverage());
        }
    }

    /** The posts of one platform in the calls benchmark, and how many comments each has had. */
    private record Posts(Platform platform, List<String> refs, Map<String, Integer> comments) {}

    @Test
    void platformCallsPer100NewComments() throws Exception {
        var random = new Random(11);
        try (var cluster = new ClusterFixture("bench_listening_calls", Duration.ZERO)) {
            var node = node(cluster);
            var jdbc = node.getBean(JdbcTemplate.class);
            var sandbox = cluster.sandbox();
            watchlist(node, random, 20, 5);
            var campaign = EngagementBenchmark.campaign(node, "society");
            var now = Instant.now();
            // Facebook posts of the last 3 hours (hot: read on every run); YouTube videos of 3 days ago
            // (read only when their comment count grew).
            var facebook = posts(node, cluster, campaign, Platform.FACEBOOK, 4, 25, now.minus(Duration.ofHours(3)));
            var youtube = posts(node, cluster, campaign, Platform.YOUTUBE, 2, 20, now.minus(Duration.ofDays(3)));
            var job = node.getBean("collectEngagementJob", Job.class);
            var operator = node.getBean(JobOperator.class);
            System.out.printf("BENCH calls: load average before %s%n", loadAverage());

            var totals = new HashMap<Platform, long[]>();
            var last = now.minus(Duration.ofHours(1));
            for (int round = 0; round <= 3; round++) {
                // Round 0 is the backlog (up to 400 comments a post, in the last hour), then new comments,
                // all made after the newest one read before, a quarter of a second apart: Facebook's
                // since is in whole seconds, so the comments of the mark's second are read again (and
                // stored once), which 100 comments a second under one post would turn into extra pages.
                var base = round == 0 ? last : last.plusSeconds(1);
                if (round > 0 && base.isBefore(Instant.now())) {
                    base = Instant.now();
                }
                // The fewest calls paging by 100 allows: a hot Facebook post costs a call even with nothing
                // new; a YouTube video is read only when its count grew.
                var floor = new HashMap<Platform, Long>();
                for (var set : List.of(facebook, youtube)) {
                    for (var ref : set.refs()) {
                        int n = round == 0 ? random.nextInt(401) : newComments(random);
                        floor.merge(
                                set.platform(),
                                (long)
                                        (set.platform() == Platform.FACEBOOK
                                                ? Math.max(1, (n + 99) / 100)
                                                : (n + 99) / 100),
                                Long::sum);
                        long step = round == 0 ? 8_000 : 250;
                        for (int k = 0; k < n; k++) {
                            var at = base.plusMillis(k * step);
                            sandbox.state()
                                    .addComment(
                                            ref,
                                            "user-" + random.nextInt(5_000),
                                            words(random, 6 + random.nextInt(20), random.nextBoolean()),
                                            at,
                                            random.nextInt(10));
                            last = at.isAfter(last) ? at : last;
                        }
                        set.comments().merge(ref, n, Integer::sum);
                    }
                }
                // The next engagement read is due (as it is after its interval), so YouTube counts are fresh.
                jdbc.update("UPDATE engagement_schedule SET next_read_at = now() - INTERVAL '1 minute'");
                long fbBefore = sandbox.requestsServedEndingWith("/comments");
                long ytBefore = sandbox.requestsServed("/youtube/v3/commentThreads");
                long videosBefore = sandbox.requestsServed("/youtube/v3/videos");
                long unitsBefore = units(jdbc);
                var storedBefore = stored(jdbc);
                // The real collection job (engagement reads, then readComments), a run of its own each time.
                operator.start(
                        job,
                        new JobParametersBuilder()
                                .addLong("slot", System.nanoTime())
                                .toJobParameters());
                var storedAfter = stored(jdbc);
                long fbCalls = sandbox.requestsServedEndingWith("/comments") - fbBefore;
                long ytCalls = sandbox.requestsServed("/youtube/v3/commentThreads") - ytBefore;
                long units = units(jdbc) - unitsBefore;
                long videos = sandbox.requestsServed("/youtube/v3/videos") - videosBefore;
                for (var set : List.of(facebook, youtube)) {
                    long fresh = storedAfter.getOrDefault(set.platform(), 0L)
                            - storedBefore.getOrDefault(set.platform(), 0L);
                    long calls = set.platform() == Platform.FACEBOOK ? fbCalls : ytCalls;
                    System.out.printf(
                            "BENCH calls %s %s: %d posts, %,d new comments, %d comment calls = %.2f per 100 new"
                                    + " comments (floor %d calls)%s%n",
                            round == 0 ? "backlog" : "round " + round,
                            set.platform(),
                            set.refs().size(),
                            fresh,
                            calls,
                            fresh == 0 ? 0.0 : 100.0 * calls / fresh,
                            floor.get(set.platform()),
                            set.platform() == Platform.YOUTUBE
                                    ? String.format(
                                            "; quota units spent in the run %d (%d commentThreads.list at 1, %d"
                                                    + " videos.list at 1)",
                                            units, calls, videos)
                                    : "");
                    if (round > 0) {
                        var sum = totals.computeIfAbsent(set.platform(), p -> new long[3]);
                        sum[0] += fresh;
                        sum[1] += calls;
                        sum[2] += set.platform() == Platform.YOUTUBE ? calls : 0;
                    }
                }
            }
            for (var set : List.of(facebook, youtube)) {
                var sum = totals.get(set.platform());
                System.out.printf(
                        "BENCH platform calls per 100 new comments, %s (3 incremental rounds, %d posts): %.2f"
                                + " (%d calls for %,d new comments)%s%n",
                        set.platform(),
                        set.refs().size(),
                        100.0 * sum[1] / sum[0],
                        sum[1],
                        sum[0],
                        set.platform() == Platform.YOUTUBE
                                ? String.format(
                                        "; %d quota units for comment reads = %.2f per 100 new comments",
                                        sum[2], 100.0 * sum[2] / sum[0])
                                : "");
                long expected = set.comments().values().stream()
                        .mapToLong(Integer::longValue)
                        .sum();
                assertThat(stored(jdbc).get(set.platform()))
                        .as("every comment put under the posts is stored once")
                        .isEqualTo(expected);
            }
            System.out.printf("BENCH calls: load average after %s%n", loadAverage());
        }
    }

    /**
     * New comments under a post between two reads: none for a third of the posts, a few for half,
     * a lively thread (61-250) for the rest.
     */
    private static int newComments(Random random) {
        int roll = random.nextInt(10);
        return roll < 3 ? 0 : roll < 8 ? 1 + random.nextInt(60) : 61 + random.nextInt(190);
    }

    private static Posts posts(
            ConfigurableApplicationContext node,
            ClusterFixture cluster,
            long campaign,
            Platform platform,
            int channelCount,
            int perChannel,
            Instant at) {
        var channels = new ArrayList<Long>();
        var refs = new ArrayList<String>();
        for (int c = 0; c < channelCount; c++) {
            var channel =
                    EngagementBenchmark.channel(node, platform, platform.name().toLowerCase() + "-calls-" + c);
            for (int p = 0; p < perChannel; p++) {
                channels.add(channel.id());
                refs.add(cluster.sandbox()
                        .state()
                        .seedPost(platform, channel.externalId(), "Bài " + p, "Nội dung " + p, at));
            }
        }
        published(node, campaign, channels, refs, at);
        return new Posts(platform, refs, new HashMap<>());
    }

    private static long units(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(used), 0) FROM quota_ledger", Long.class);
    }

    private static Map<Platform, Long> stored(JdbcTemplate jdbc) {
        var counts = new HashMap<Platform, Long>();
        jdbc.query(
                "SELECT ch.platform, COUNT(*) FROM post_comment c JOIN channel ch ON ch.id = c.channel_id"
                        + " GROUP BY ch.platform",
                rs -> {
                    counts.put(Platform.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }
}
