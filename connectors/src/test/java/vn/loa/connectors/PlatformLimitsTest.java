package vn.loa.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.connectors.facebook.FacebookConnector;
import vn.loa.connectors.facebook.FacebookSettings;
import vn.loa.connectors.youtube.UploadProgress;
import vn.loa.connectors.youtube.YouTubeConnector;
import vn.loa.connectors.youtube.YouTubeQuota;
import vn.loa.connectors.youtube.YouTubeSettings;
import vn.loa.connectors.zalo.Pause;
import vn.loa.connectors.zalo.ZaloConnector;
import vn.loa.connectors.zalo.ZaloSettings;

/** Each platform's limits, checked before approval without calling the platform. */
class PlatformLimitsTest {

    private final Clock clock = Clock.systemUTC();
    private final YouTubeSettings ytSettings = YouTubeSettings.defaults("http://unused/", "http://unused/token");
    private final Connector facebook =
            new FacebookConnector(FacebookSettings.defaults("http://unused"), UsageObserver.NONE, clock);
    private final Connector youtube = new YouTubeConnector(
            ytSettings,
            new YouTubeQuota(ytSettings, clock, UsageObserver.NONE),
            MediaFetcher.http(Duration.ofSeconds(1), MediaAddresses.allowing(List.of("localhost", "127.0.0.1"))),
            UploadProgress.NONE,
            clock);
    private final Connector zalo = new ZaloConnector(
            ZaloSettings.defaults("http://unused", "http://unused"),
            MediaFetcher.http(Duration.ofSeconds(1), MediaAddresses.allowing(List.of("localhost", "127.0.0.1"))),
            Pause.REAL,
            clock);
    private final Media video = new Media("https://cdn/film.mp4", "video/mp4", 10_000_000L, Duration.ofMinutes(3));

    @Test
    void youtubeCountsTheDescriptionInUtf8BytesSoVietnameseFillsItFaster() {
        // "Hà Nội " is 7 characters but 10 bytes in UTF-8.
        var vietnamese = "Hà Nội ".repeat(520); // 3,640 characters, 5,200 bytes
        assertThat(vietnamese.length()).isLessThan(5_000);
        var problems = youtube.validate(videoDraft("Hà Nội mùa thu", vietnamese, List.of()));
        assertThat(problems).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("body");
            assertThat(v.message()).contains("5000 bytes").contains("5200");
        });
        assertThat(youtube.validate(videoDraft("Hà Nội mùa thu", "Hà Nội ".repeat(500), List.of())))
                .isEmpty();
    }

    @Test
    void youtubeTitleTagsAndAngleBrackets() {
        var longTitle = "Đ".repeat(101);
        var tags = List.of("Hà Nội mùa thu".repeat(40), "giao thông", "văn hoá");
        var problems = youtube.validate(videoDraft(longTitle + "<b>", "mô tả <i>", tags));
        assertThat(problems).extracting(Violation::field).contains("title", "body", "tags");
        assertThat(problems)
                .extracting(Violation::message)
                .anyMatch(m -> m.contains("at most 100 characters (this one has 104)"))
                .anyMatch(m -> m.contains("may not contain < or >"));
        assertThat(youtube.validate(videoDraft("", "x", List.of())))
                .extracting(Violation::message)
                .contains("a YouTube video needs a title");
        assertThat(youtube.validate(new PublishRequest(
                        null, PostKind.TEXT, "t", "x", null, null, null, List.of(), List.of(), null, null)))
                .extracting(Violation::field)
                .contains("kind", "media");
    }

    @Test
    void facebookPhotosMustBeSmallEnoughAndOfAKnownFormat() {
        var big = new Media("https://cdn/big.jpg", "image/jpeg", 5L * 1024 * 1024, null);
        var bmp = new Media("https://cdn/a.bmp", "image/bmp", 100_000L, null);
        var fine = new Media("https://cdn/ok.webp", "image/webp", 3L * 1024 * 1024, null);
        var problems = facebook.validate(draft(PostKind.PHOTO, null, "Ảnh", List.of(big, bmp, fine)));
        assertThat(problems).extracting(Violation::field).containsExactly("media[0]", "media[1]");
        assertThat(problems.get(0).message()).contains("under 4 MB").contains("5.0 MB");
        assertThat(problems.get(1).message()).contains("image/bmp");
        assertThat(facebook.validate(draft(PostKind.TEXT, null, "x".repeat(63_207), List.of())))
                .extracting(Violation::message)
                .anyMatch(m -> m.contains("63206"));
        assertThat(facebook.validate(draft(PostKind.TEXT, null, "", List.of()))).isNotEmpty();
        assertThat(facebook.validate(draft(PostKind.LINK, null, "Tin tốt", List.of())))
                .isEmpty();
    }

    @Test
    void zaloNeedsACoverAndKeepsTitleAuthorAndDescriptionShort() {
        var noCover = new PublishRequest(
                null,
                PostKind.ARTICLE,
                "T".repeat(151),
                "Nội dung",
                "D".repeat(301),
                null,
                null,
                List.of(),
                List.of(),
                "A".repeat(51),
                null);
        assertThat(zalo.validate(noCover))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("title", "author", "description", "coverUrl");
        var fine = new PublishRequest(
                null,
                PostKind.ARTICLE,
                "Vườn hoa mới",
                "Nội dung",
                "Mô tả",
                null,
                Media.of("https://cdn/cover.jpg"),
                List.of(),
                List.of(),
                "Ban biên tập",
                null);
        assertThat(zalo.validate(fine)).isEmpty();
        var bigVideo = new PublishRequest(
                null,
                PostKind.VIDEO,
                "Phim",
                null,
                null,
                null,
                null,
                List.of(new Media("https://cdn/f.mov", "video/quicktime", 60L * 1024 * 1024, null)),
                List.of(),
                null,
                null);
        assertThat(zalo.validate(bigVideo))
                .extracting(Violation::message)
                .anyMatch(m -> m.contains("50 MB"))
                .anyMatch(m -> m.contains("MP4 or AVI"))
                .as("article/create refuses a video article without an avatar")
                .contains("a Zalo video article needs a cover photo");
        var videoWithCover = new PublishRequest(
                null,
                PostKind.VIDEO,
                "Phim",
                null,
                "Mô tả",
                null,
                Media.of("https://cdn/cover.jpg"),
                List.of(new Media("https://cdn/f.mp4", "video/mp4", 10L * 1024 * 1024, null)),
                List.of(),
                null,
                null);
        assertThat(zalo.validate(videoWithCover)).isEmpty();
    }

    private PublishRequest videoDraft(String title, String description, List<String> tags) {
        return new PublishRequest(
                null, PostKind.VIDEO, title, description, null, null, null, List.of(video), tags, null, null);
    }

    private static PublishRequest draft(PostKind kind, String title, String text, List<Media> media) {
        return new PublishRequest(
                null,
                kind,
                title,
                text,
                null,
                kind == PostKind.LINK ? "https://hanoi.gov.vn" : null,
                null,
                media,
                List.of(),
                null,
                null);
    }
}
