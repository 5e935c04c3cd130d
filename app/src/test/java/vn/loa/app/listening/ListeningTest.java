package vn.loa.app.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.engagement.EngagementRuns;
import vn.loa.app.engagement.UsageGovernor;
import vn.loa.app.support.EngineTestBase;
import vn.loa.connectors.Platform;

/**
 * Listening end to end on PostgreSQL and the platform sandbox: comments read incrementally on the
 * collection job, matched against watchlists in Vietnamese with and without diacritics, a spike
 * alerted, and the signal taken to a rebuttal published on the official channel.
 */
class ListeningTest extends EngineTestBase {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ownDatabase(registry, "listening");
        registry.add("loa.engagement.run-every", () -> "0 0 0 1 1 ? 2099");
    }

    @Autowired
    EngagementRuns runs;

    @Autowired
    UsageGovernor usage;

    @BeforeEach
    void ownRuns() {
        onlyThisTestsPostsAreReadAndRunsAreOwn();
        // Earlier tests' posts stay quiet: only this test's posts are hot.
        jdbc.sql("UPDATE delivery SET published_at = ? WHERE status = 'PUBLISHED'")
                .param(START.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC))
                .update();
    }

    private long topic(String name, String kind, List<String> phrases, List<Long> themes) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("phrases", phrases);
        body.put("themeIds", themes);
        var res = as("planner").post("/api/listening/topics", body);
        assertCreated(res);
        return res.id();
    }

    private String publishedPost(long channel, String theme) {
        var campaign = campaign(theme, List.of(channel));
        var item = approvedWithFacebookText(campaign, "Thông báo phân luồng giao thông " + unique());
        var delivery = schedule(item, channel, clock.instant().plusSeconds(60).toString());
        clock.advance(Duration.ofMinutes(2));
        engine.publishDueNow();
        assertThat(status(delivery)).isEqualTo("PUBLISHED");
        return as("planner").get("/api/deliveries/" + delivery).field("externalRef");
    }

    private long commentCalls(int lines) {
        return sandbox.latestRequests(lines).stream()
                .filter(r -> r.endsWith("/comments"))
                .count();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aPageNearItsOwnBudgetHasItsCommentsReadLaterAndOtherPagesNow() {
        var busy = connected("FACEBOOK");
        var calm = connected("FACEBOOK");
        var busyPost = publishedPost(busy, "society");
        var calmPost = publishedPost(calm, "society");
        topic("Tin đồn cấm đường " + unique(), "RUMOUR", List.of("cấm đường"), List.of(themeId("society")));
        sandbox.state().addComment(busyPost, "fb-user-1", "Mai cấm đường thật không?", clock.instant(), 0);
        sandbox.state().addComment(calmPost, "fb-user-2", "Mai cấm đường thật không?", clock.instant(), 0);
        clock.advance(Duration.ofMinutes(5));
        // X-Page-Usage said the busy page is at 95 % of its own budget (to any node: the reading is shared).
        usage.observed(Platform.FACEBOOK, "page:" + externalId(busy), 95, null);

        var before = sandbox.requestsServed();
        runs.runNow();
        var calls = sandbox.latestRequests(sandbox.requestsServed() - before);
        assertThat(calls).noneMatch(r -> r.endsWith(busyPost + "/comments"));
        assertThat(calls).anyMatch(r -> r.endsWith(calmPost + "/comments"));

        clock.advance(Duration.ofMinutes(6));
        before = sandbox.requestsServed();
        runs.runNow();
        assertThat(sandbox.latestRequests(sandbox.requestsServed() - before))
                .as("five minutes on, the reading is stale")
                .anyMatch(r -> r.endsWith(busyPost + "/comments"));
    }

    @Test
    void commentsAreReadIncrementallyHashedAndMatchedOncePerTopic() {
        var page = connected("FACEBOOK");
        var post = publishedPost(page, "society");
        var rumour = topic(
                "Tin đồn cấm đường " + unique(),
                "RUMOUR",
                List.of("cấm đường", "sai sự thật"),
                List.of(themeId("society"), themeId("security")));
        var start = clock.instant();
        for (int i = 0; i < 150; i++) {
            var text = switch (i % 3) {
                case 0 -> "Nghe nói mai cấm đường Láng, thật không?";
                case 1 -> "cam duong lang la sai su that";
                default -> "Cảm ơn thành phố đã thông báo";
            };
            sandbox.state().addComment(post, "fb-user-" + (i % 10), text, start.plusSeconds(i), i % 4);
        }
        clock.advance(Duration.ofMinutes(5));

        var before = sandbox.requestsServed();
        runs.runNow();
        var lines = sandbox.requestsServed() - before;
        assertThat(commentCalls((int) lines))
                .as("150 comments: two pages of 100")
                .isEqualTo(2);
        assertThat(count(
                        "SELECT COUNT(*) FROM post_comment c JOIN delivery d ON d.id = c.delivery_id"
                                + " WHERE d.external_ref = ?",
                        post))
                .isEqualTo(150);
        var hashes = jdbc.sql("SELECT DISTINCT author_hash FROM post_comment c JOIN delivery d ON d.id = c.delivery_id"
                        + " WHERE d.external_ref = ?")
                .param(post)
                .query(String.class)
                .list();
        assertThat(hashes)
                .hasSize(10)
                .allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}").doesNotContain("fb-user"));
        assertThat(count("SELECT COUNT(*) FROM comment_topic WHERE topic_id = ?", rumour))
                .as("both diacritic forms match; the topic's two themes and two phrases count once per comment")
                .isEqualTo(100);
        assertThat(as("leader").get("/api/listening/comments/flagged").body())
                .extracting(c -> c.path("rumourId").asLong())
                .contains(rumour);

        sandbox.state().addComment(post, "fb-user-1", "Đây là tin SAI SỰ THẬT", clock.instant(), 2);
        clock.advance(Duration.ofMinutes(5));
        before = sandbox.requestsServed();
        runs.runNow();
        lines = sandbox.requestsServed() - before;
        assertThat(commentCalls((int) lines))
                .as("only what is new since the mark: one call")
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM comment_topic WHERE topic_id = ?", rumour))
                .isEqualTo(101);

        var trend = as("leader").get("/api/listening/topics/" + rumour + "/trend");
        assertThat(trend.body().path("total").asLong()).isEqualTo(101);
        assertThat(trend.body().path("days").get(0).path("comments").asLong()).isEqualTo(101);
    }

    @Test
    void watchlistInputIsCheckedFieldByFieldAndLeadershipOnlyReads() {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", "Ngập úng");
        body.put("kind", "TOPIC");
        body.put("phrases", List.of("ngập", "  ", "x".repeat(121)));
        body.put("themeIds", List.of(themeId("society")));
        var refused = as("planner").post("/api/listening/topics", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error("phrases[1]")).contains("empty");
        assertThat(refused.error("phrases[2]")).contains("120");
        assertThat(refused.error("phrases[0]")).isNull();

        body.put("phrases", List.of("ngập"));
        assertThat(as("leader").post("/api/listening/topics", body).status()).isEqualTo(403);
        var id = topic("Ngập úng " + unique(), "TOPIC", List.of("ngập úng"), List.of(themeId("society")));
        assertThat(as("leader").get("/api/listening/topics/" + id).field("kind"))
                .isEqualTo("TOPIC");
        assertThat(as("partner").get("/api/listening/topics").status()).isEqualTo(403);
    }

    @Test
    void aSpikeIsAlertedAndOneActionDraftsTheRebuttalThatApprovalPublishesOnTheOfficialChannel() {
        var official = officialFacebookPage("Hà Nội chính thức " + unique());
        var post = publishedPost(official, "security");
        var name = "Tin đồn phong tỏa " + unique();
        var rumour = topic(name, "RUMOUR", List.of("phong tỏa"), List.of(themeId("security")));
        var now = clock.instant();
        // A quiet day: one mention an hour for the 24 hours before the last one.
        for (int h = 2; h <= 25; h++) {
            sandbox.state().addComment(post, "u" + h, "có phong tỏa không?", now.minus(Duration.ofHours(h)), 0);
        }
        for (int i = 0; i < 15; i++) {
            sandbox.state()
                    .addComment(post, "v" + i, "Mai phong toa ca quan, chia se ngay " + i, now.minusSeconds(60 * i), i);
        }

        runs.runNow();

        var alerts = as("planner").get("/api/alerts").body();
        var spike = StreamSupport.stream(alerts.spliterator(), false)
                .filter(a -> a.path("kind").asString().equals("LISTENING_SPIKE")
                        && a.path("message").asString().contains(name))
                .toList();
        assertThat(spike).hasSize(1);
        assertThat(spike.get(0).path("channelId").asLong()).isEqualTo(official);
        assertThat(spike.get(0).path("message").asString())
                .contains("15 comments")
                .contains("Hà Nội chính thức")
                .contains("Mai phong toa ca quan, chia se ngay 14");
        var signal = StreamSupport.stream(
                        as("leader").get("/api/listening/signals").body().spliterator(), false)
                .filter(s -> s.path("topicId").asLong() == rumour)
                .findFirst()
                .orElseThrow();
        assertThat(signal.path("kind").asString()).isEqualTo("SPIKE");
        assertThat(signal.path("hourCount").asLong()).isEqualTo(15);

        clock.advance(Duration.ofMinutes(5));
        runs.runNow();
        assertThat(count("SELECT COUNT(*) FROM listening_signal WHERE topic_id = ?", rumour))
                .as("one alert per topic and channel within the cool-down")
                .isEqualTo(1);

        as("approver").put("/api/me/on-duty", Map.of("onDuty", true));
        var drafted =
                as("planner").post("/api/listening/signals/" + signal.path("id").asLong() + "/rebuttal", null);
        assertCreated(drafted);
        var contentId = drafted.body().path("contentId").asLong();
        var again =
                as("planner").post("/api/listening/signals/" + signal.path("id").asLong() + "/rebuttal", null);
        assertThat(again.body().path("contentId").asLong())
                .as("one rebuttal per signal")
                .isEqualTo(contentId);
        var item = as("planner").get("/api/content/" + contentId).body();
        assertThat(item.path("rebuttal").asBoolean()).isTrue();
        assertThat(item.path("body").asString())
                .contains("Mai phong toa ca quan")
                .contains(post);
        assertThat(as("approver").get("/api/notifications").body().path("items"))
                .extracting(n -> n.path("kind").asString())
                .contains("REBUTTAL_DRAFTED");

        as("planner").post("/api/content/" + contentId + "/submit", null);
        assertThat(as("approver")
                        .post("/api/content/" + contentId + "/approve", null)
                        .status())
                .isEqualTo(200);
        as("approver").put("/api/me/on-duty", Map.of("onDuty", false));
        engine.publishDueNow();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(as("planner")
                                .get("/api/deliveries?contentId=" + contentId)
                                .body()
                                .path("items"))
                        .anySatisfy(d -> {
                            assertThat(d.path("channelId").asLong()).isEqualTo(official);
                            assertThat(d.path("status").asString()).isEqualTo("PUBLISHED");
                        }));
        assertThat(sandbox.state().postsOf(Platform.FACEBOOK, externalId(official)))
                .anySatisfy(p -> assertThat(p.text()).contains("Mai phong toa ca quan"));

        // The period report shows the topic's volume and the time from signal to rebuttal, per theme.
        var listening = as("leader")
                .get("/api/reports/period?from=2026-11-01&to=2026-11-30")
                .body()
                .path("listening");
        assertThat(listening.path("topics")).anySatisfy(t -> {
            assertThat(t.path("topicId").asLong()).isEqualTo(rumour);
            assertThat(t.path("themeId").asLong()).isEqualTo(themeId("security"));
            assertThat(t.path("comments").asLong()).isEqualTo(39);
        });
        assertThat(listening.path("rebuttals")).anySatisfy(t -> {
            assertThat(t.path("themeId").asLong()).isEqualTo(themeId("security"));
            assertThat(t.path("live").asInt()).isEqualTo(1);
            assertThat(t.path("signalToLive").asDouble()).isEqualTo(5.0);
        });
        var csv = as("leader").get("/api/reports/period/export?from=2026-11-01&to=2026-11-30&format=csv");
        assertThat(csv.text()).contains("Thời gian phản bác").contains(name);
    }
}
