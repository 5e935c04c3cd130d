package vn.loa.app.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.support.EngineTestBase;
import vn.loa.connectors.Platform;
import vn.loa.connectors.sandbox.Fault;
import vn.loa.connectors.sandbox.PlatformSandbox;

/**
 * A Zalo article is created once, whatever fails after Zalo accepted it: the fault is put on the
 * check that follows the write (article/verify, upload_video/verify), and the sandbox counts the
 * articles made.
 */
class ZaloExactlyOnceEngineTest extends EngineTestBase {

    private static final String CREATE = "/v2.0/article/create";
    private static final String VERIFY = "/v2.0/article/verify";
    private static final String UPLOAD = "/v2.0/article/upload_video/preparevideo";
    private static final String VIDEO_STATUS = "/v2.0/article/upload_video/verify";

    @BeforeAll
    static void shortStalls() {
        PlatformSandbox.stallFor(Duration.ofMillis(1_500));
    }

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ownDatabase(registry, "engine_zalo_once");
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"RATE_LIMIT", "SERVER_ERROR", "TIMEOUT_AFTER_WRITE"})
    void aFailedVerifyAfterCreateIsSettledFromTheKeptTokenAndTheArticleMadeOnce(Fault fault) {
        var oa = connected("ZALO");
        var delivery = scheduled(oa, "2026-11-23T09:00:00+07:00");
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        long creates = sandbox.requestsServed(CREATE);
        sandbox.injectOn(VERIFY, fault, 1);

        engine.publishDueNow();

        assertThat(attempts(delivery)).containsExactly("UNKNOWN");
        assertThat(receipt(delivery)).startsWith("zalo-article:");
        assertThat(engine.publishDueNow()).as("never created again").isZero();

        // While Zalo says it is still processing, settling asks again later; it never calls it missing.
        for (int i = 0; i < 5 && !status(delivery).equals("PUBLISHED"); i++) {
            clock.advance(Duration.ofSeconds(4));
            engine.settle();
        }

        var settled = as("planner").get("/api/deliveries/" + delivery);
        assertThat(settled.field("status")).isEqualTo("PUBLISHED");
        assertThat(attempts(delivery)).containsExactly("PUBLISHED");
        assertThat(sandbox.requestsServed(CREATE) - creates).isEqualTo(1);
        assertThat(postsOn(oa)).isEqualTo(1);
        assertThat(settled.field("externalRef"))
                .isEqualTo(sandbox.state()
                        .postsOf(Platform.ZALO, externalId(oa))
                        .get(0)
                        .id());
    }

    @ParameterizedTest
    @EnumSource(
            value = Fault.class,
            names = {"RATE_LIMIT", "SERVER_ERROR"})
    void aFailedVideoStatusCheckResumesFromTheSameUploadAndMakesOneArticle(Fault fault) {
        var oa = connected("ZALO");
        var delivery = videoScheduled(oa);
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        long uploads = sandbox.requestsServed(UPLOAD);
        long creates = sandbox.requestsServed(CREATE);
        sandbox.injectOn(VIDEO_STATUS, fault, 1);

        engine.publishDueNow();
        assertThat(attempts(delivery)).containsExactly("RETRY");
        clock.advance(Duration.ofMinutes(2));
        engine.publishDueNow();

        assertThat(status(delivery)).isEqualTo("PUBLISHED");
        assertThat(attempts(delivery)).containsExactly("RETRY", "PUBLISHED");
        assertThat(sandbox.requestsServed(UPLOAD) - uploads)
                .as("the video is uploaded once")
                .isEqualTo(1);
        assertThat(sandbox.requestsServed(CREATE) - creates).isEqualTo(1);
        assertThat(postsOn(oa)).isEqualTo(1);
    }

    @Test
    void anArticleIsSignedWithTheChannelsDisplayName() {
        var oa = connected("ZALO");
        var delivery = scheduled(oa, "2026-11-23T09:00:00+07:00");
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        for (int i = 0; i < 3 && !status(delivery).equals("PUBLISHED"); i++) {
            engine.publishDueNow();
            clock.advance(Duration.ofSeconds(4));
            engine.settle();
        }

        var name = as("planner").get("/api/channels/" + oa).field("displayName");
        var article = as("planner").get("/api/deliveries/" + delivery).field("externalRef");
        assertThat(name).isNotBlank();
        assertThat(sandbox.zaloAuthorOf(article)).isEqualTo(name);
    }

    private long videoScheduled(long oa) {
        return scheduledVariant(
                oa,
                "2026-11-23T09:00:00+07:00",
                Map.of(
                        "platform",
                        "ZALO",
                        "title",
                        "Phim ngắn " + unique(),
                        "description",
                        "Mô tả",
                        "coverUrl",
                        sandbox.baseUrl().replace("127.0.0.1", "localhost") + "/media/cover.jpg",
                        "media",
                        List.of(sandbox.baseUrl().replace("127.0.0.1", "localhost") + "/media/film.mp4")));
    }

    private String receipt(long delivery) {
        return jdbc.sql("SELECT receipt FROM publish_attempt WHERE delivery_id = ? ORDER BY attempt_no DESC LIMIT 1")
                .param(delivery)
                .query(String.class)
                .single();
    }
}
