package vn.loa.app.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.support.EngineTestBase;
import vn.loa.connectors.sandbox.Fault;
import vn.loa.connectors.sandbox.PlatformSandbox;

/**
 * YouTube uploads through the engine and the sandbox: an upload cut off partway resumes from the
 * bytes YouTube holds (the session kept with the attempt), never as a second video.
 */
class YouTubeUploadEngineTest extends EngineTestBase {

    private static final String CHUNKS = "PUT /upload/youtube/v3/videos";

    @BeforeAll
    static void shortStalls() {
        // Longer than the tests' 1 s read timeout, so that a TIMEOUT_AFTER_WRITE answer is lost.
        PlatformSandbox.stallFor(Duration.ofMillis(1_500));
    }

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ownDatabase(registry, "engine_youtube_upload");
    }

    @Test
    void anUploadCutShortResumesFromTheBytesYouTubeHoldsAndMakesOneVideo() {
        var channel = connected("YOUTUBE");
        var delivery = videoScheduled(channel, "2026-11-23T09:00:00+07:00", null);
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        long sessions = sandbox.youTubeUploadSessions();
        sandbox.injectOn(CHUNKS, Fault.UPLOAD_CUT_SHORT, 1);

        engine.publishDueNow();
        assertThat(attempts(delivery)).containsExactly("UNKNOWN");
        assertThat(receipt(delivery)).startsWith("youtube-upload:300000:");

        // The settler asks the session: half a file is no video, so the delivery is tried again...
        engine.settle();
        assertThat(attempts(delivery)).containsExactly("MISSING");
        // ...and the next attempt goes on from where YouTube stands.
        engine.publishDueNow();

        assertThat(status(delivery)).isEqualTo("PUBLISHED");
        assertThat(attempts(delivery)).containsExactly("MISSING", "PUBLISHED");
        assertThat(sandbox.youTubeUploadSessions() - sessions)
                .as("one videos.insert session")
                .isEqualTo(1);
        assertThat(postsOn(channel)).isEqualTo(1);
        var video = as("planner").get("/api/deliveries/" + delivery).field("externalRef");
        assertThat(sandbox.youTubeVideoBytes(video)).as("the file, whole, once").isEqualTo(300_000L);
    }

    @Test
    void aCoverBecomesTheThumbnailAndARefusedOneLeavesTheVideoPublishedWithANoticeInTheReports() {
        clock.set(Instant.parse("2026-11-23T01:00:00Z"));
        var verified = connected("YOUTUBE");
        var unverified = connected("YOUTUBE");
        sandbox.youTubeChannelVerified(externalId(unverified), false);
        var shown = videoScheduled(verified, "2026-11-23T09:00:00+07:00", sandboxMedia("cover.jpg"));
        var refused = videoScheduled(unverified, "2026-11-23T09:00:00+07:00", sandboxMedia("cover.jpg"));
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));

        engine.publishDueNow();

        var withThumbnail = as("planner").get("/api/deliveries/" + shown);
        assertThat(withThumbnail.field("status")).isEqualTo("PUBLISHED");
        assertThat(sandbox.youTubeThumbnailOf(withThumbnail.field("externalRef")))
                .as("the sandbox's 20,000-byte cover")
                .isEqualTo(20_000L);
        assertThat(withThumbnail.body().path("notices").size()).isZero();

        var without = as("planner").get("/api/deliveries/" + refused);
        assertThat(without.field("status"))
                .as("a refused thumbnail fails nothing")
                .isEqualTo("PUBLISHED");
        assertThat(attempts(refused)).as("and is not retried").containsExactly("PUBLISHED");
        assertThat(postsOn(unverified)).isEqualTo(1);
        assertThat(sandbox.youTubeThumbnailOf(without.field("externalRef"))).isNull();
        var notice = without.body().path("notices").get(0);
        assertThat(notice.path("kind").asString()).isEqualTo("THUMBNAIL_NOT_SET");
        assertThat(notice.path("platformCode").asString()).isEqualTo("forbidden");
        assertThat(notice.path("message").asString())
                .contains("without its thumbnail")
                .contains("verified");

        // The cause lies with the channel (not verified): its people get an alert; the verified one none.
        var alerts = as("planner")
                .get("/api/alerts")
                .body()
                .valueStream()
                .filter(a -> a.path("kind").asString().equals("POSTS_INCOMPLETE"))
                .map(a -> a.path("channelId").asLong())
                .toList();
        assertThat(alerts).containsExactly(unverified);

        var campaign = as("planner").get("/api/content/" + contentOf(refused)).field("campaignId");
        var report = as("planner").get("/api/reports/campaigns/" + campaign);
        assertThat(report.body()
                        .path("notices")
                        .valueStream()
                        .map(n -> n.path("message").asString()))
                .singleElement()
                .asString()
                .contains("verified");
    }

    @Test
    void aVideoWhoseUploadAnswerWasLostIsFoundFromItsSessionAndStillGetsItsThumbnail() {
        clock.set(Instant.parse("2026-11-23T01:00:00Z"));
        var channel = connected("YOUTUBE");
        var delivery = videoScheduled(channel, "2026-11-23T09:00:00+07:00", sandboxMedia("cover.jpg"));
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        long sessions = sandbox.youTubeUploadSessions();
        // YouTube makes the video, then its answer comes too late: the outcome is unknown.
        sandbox.injectOn(CHUNKS, Fault.TIMEOUT_AFTER_WRITE, 1);

        engine.publishDueNow();
        assertThat(attempts(delivery)).containsExactly("UNKNOWN");

        engine.settle();

        var settled = as("planner").get("/api/deliveries/" + delivery);
        assertThat(settled.field("status")).isEqualTo("PUBLISHED");
        assertThat(attempts(delivery)).as("found from the kept session").containsExactly("PUBLISHED");
        assertThat(sandbox.youTubeUploadSessions() - sessions).isEqualTo(1);
        assertThat(postsOn(channel)).isEqualTo(1);
        assertThat(sandbox.youTubeThumbnailOf(settled.field("externalRef"))).isEqualTo(20_000L);
    }

    private String receipt(long delivery) {
        return jdbc.sql("SELECT receipt FROM publish_attempt WHERE delivery_id = ? ORDER BY attempt_no DESC LIMIT 1")
                .param(delivery)
                .query(String.class)
                .single();
    }
}
