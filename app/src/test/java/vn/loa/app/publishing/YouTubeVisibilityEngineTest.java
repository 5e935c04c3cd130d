package vn.loa.app.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.support.EngineTestBase;
import vn.loa.connectors.Platform;

/**
 * A YouTube video the public cannot see is no success: the sandbox keeps uploads private, as Google
 * does for a project not yet audited, and the engine reads {@code status} on the insert answer and
 * on reconciliation of a handed-off video.
 */
class YouTubeVisibilityEngineTest extends EngineTestBase {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ownDatabase(registry, "engine_youtube_visibility");
    }

    @Autowired
    NativeHandoff handoff;

    @AfterEach
    void uploadsPublicAgain() {
        sandbox.youTubeUploadsStayPrivate(false);
    }

    @Test
    void aVideoKeptPrivateOnUploadFailsWithYouTubesReasonAndAlertsTheChannel() {
        var channel = connected("YOUTUBE");
        var delivery = videoScheduled(channel, "2026-11-23T09:00:00+07:00", null);
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        sandbox.youTubeUploadsStayPrivate(true);

        engine.publishDueNow();

        var failed = as("planner").get("/api/deliveries/" + delivery);
        assertThat(failed.field("status")).isEqualTo("FAILED");
        assertThat(failed.field("failureReason"))
                .contains("private")
                .contains("audit")
                .contains(sandbox.state()
                        .postsOf(Platform.YOUTUBE, externalId(channel))
                        .get(0)
                        .id());
        assertThat(attempts(delivery))
                .as("not retried: it would only add a hidden copy")
                .containsExactly("FAILED");
        assertThat(postsOn(channel)).isEqualTo(1);
        assertThat(notPublicAlerts(channel)).isEqualTo(1);
    }

    @Test
    void aHandedOffVideoStillPrivateAfterItsInstantFailsAndAlertsTheChannel() {
        var channel = connected("YOUTUBE");
        assertThat(changeChannel(channel, "nativeScheduling", true)
                        .path("nativeScheduling")
                        .asBoolean())
                .isTrue();
        var hidden = videoScheduled(channel, "2026-11-25T07:00:00+07:00", null);
        sandbox.youTubeUploadsStayPrivate(true);
        assertThat(handoff.handOffDue()).isEqualTo(1);
        sandbox.youTubeUploadsStayPrivate(false);
        var shown = videoScheduled(channel, "2026-11-25T07:00:00+07:00", null);
        assertThat(handoff.handOffDue()).isEqualTo(1);
        assertThat(List.of(status(hidden), status(shown))).containsOnly("HANDED_OFF");

        clock.set(Instant.parse("2026-11-25T00:03:00Z"));
        assertThat(handoff.reconcile()).isEqualTo(2);

        assertThat(status(shown)).isEqualTo("PUBLISHED");
        var failed = as("planner").get("/api/deliveries/" + hidden);
        assertThat(failed.field("status")).isEqualTo("FAILED");
        assertThat(failed.field("failureReason")).contains("private");
        assertThat(notPublicAlerts(channel)).isEqualTo(1);
    }

    private long notPublicAlerts(long channel) {
        return as("planner")
                .get("/api/alerts")
                .body()
                .valueStream()
                .filter(a -> a.path("channelId").asLong() == channel)
                .filter(a -> a.path("kind").asString().equals("POSTS_NOT_PUBLIC"))
                .count();
    }
}
