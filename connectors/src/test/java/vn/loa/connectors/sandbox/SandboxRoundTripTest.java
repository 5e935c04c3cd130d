package vn.loa.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.connectors.ChannelAccess;
import vn.loa.connectors.Comment;
import vn.loa.connectors.CommentPage;
import vn.loa.connectors.Connector;
import vn.loa.connectors.Media;
import vn.loa.connectors.MediaAddresses;
import vn.loa.connectors.MediaFetcher;
import vn.loa.connectors.Platform;
import vn.loa.connectors.PostKind;
import vn.loa.connectors.PublishRequest;
import vn.loa.connectors.UsageObserver;
import vn.loa.connectors.credentials.FacebookPageToken;
import vn.loa.connectors.credentials.InMemoryCredentialStore;
import vn.loa.connectors.credentials.YouTubeOAuth;
import vn.loa.connectors.credentials.ZaloOAuth;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;
import vn.loa.connectors.facebook.FacebookConnector;
import vn.loa.connectors.facebook.FacebookSettings;
import vn.loa.connectors.youtube.YouTubeConnector;
import vn.loa.connectors.youtube.YouTubeQuota;
import vn.loa.connectors.youtube.YouTubeSettings;
import vn.loa.connectors.zalo.ZaloConnector;
import vn.loa.connectors.zalo.ZaloSettings;
import vn.loa.testsupport.MutableClock;

/** Each real connector, through its real client library, publishes to the sandbox over HTTP and reads engagement back. */
class SandboxRoundTripTest {

    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    static PlatformSandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new PlatformSandbox(clock).start(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void facebookPostsGoOutAndEngagementComesBack() {
        var facebook = new FacebookConnector(FacebookSettings.defaults(sandbox.baseUrl()), UsageObserver.NONE, clock);
        var page = new ChannelAccess(
                Platform.FACEBOOK, "1001", new InMemoryCredentialStore(new FacebookPageToken("page-token", null)));
        var post = facebook.publish(request(page, PostKind.LINK, null, "Hà Nội khánh thành cầu Tứ Liên", List.of()));
        var photos = facebook.publish(request(
                page,
                PostKind.PHOTO,
                null,
                "Ảnh lễ khánh thành",
                List.of(Media.of("https://cdn.example/1.jpg"), Media.of("https://cdn.example/2.jpg"))));
        assertThat(post.externalId()).startsWith("1001_");
        assertThat(sandbox.state().postsOf(Platform.FACEBOOK, "1001")).hasSize(2);

        clock.advance(Duration.ofHours(3));
        var engagement = facebook.readEngagement(page, List.of(post.externalId(), photos.externalId(), "1001_404"));
        assertThat(engagement).containsOnlyKeys(post.externalId(), photos.externalId());
        var snapshot = engagement.get(post.externalId());
        assertThat(snapshot.reactions()).isPositive();
        assertThat(snapshot.reach()).isPositive();
        assertThat(snapshot.views()).isGreaterThan(snapshot.reach());
        assertThat(facebook.followerCount(page)).isGreaterThanOrEqualTo(50_000);

        var found = facebook.findPublished(
                request(page, PostKind.LINK, null, "Hà Nội khánh thành cầu Tứ Liên", List.of()),
                clock.instant().minus(Duration.ofHours(4)));
        assertThat(found).hasValueSatisfying(p -> assertThat(p.externalId()).isEqualTo(post.externalId()));

        var scheduled = facebook.scheduleNatively(
                request(page, PostKind.TEXT, null, "Hẹn giờ", List.of()),
                clock.instant().plus(Duration.ofDays(1)));
        assertThat(scheduled.scheduledOnPlatform()).isTrue();
        assertThat(facebook.listNativelyScheduled(page))
                .extracting(p -> p.externalId())
                .containsExactly(scheduled.externalId());

        facebook.edit(post.externalId(), request(page, PostKind.LINK, null, "Đã sửa", List.of()));
        assertThat(sandbox.state().find(post.externalId()).orElseThrow().text()).isEqualTo("Đã sửa");
        facebook.delete(page, scheduled.externalId());
        assertThat(facebook.listNativelyScheduled(page)).isEmpty();
    }

    @Test
    void youtubeVideosUploadInChunksAndStatisticsComeBack() {
        var settings = YouTubeSettings.defaults(sandbox.baseUrl() + "/", sandbox.baseUrl() + "/token");
        var quota = new YouTubeQuota(settings, clock, UsageObserver.NONE);
        var progress = new ArrayList<Long>();
        var youtube = new YouTubeConnector(
                settings,
                quota,
                MediaFetcher.http(Duration.ofSeconds(5), MediaAddresses.allowing(List.of("localhost", "127.0.0.1"))),
                (key, sent, total) -> progress.add(sent),
                clock);
        var channel = new ChannelAccess(
                Platform.YOUTUBE,
                "UCcity",
                new InMemoryCredentialStore(new YouTubeOAuth(
                        "client", "secret", YouTubeEmulator.refreshTokenFor("UCcity"), "loa-project")));
        var clip = new Media(sandbox.baseUrl() + "/media/clip.mp4", "video/mp4", 300_000L, null);

        var video = youtube.publish(
                request(channel, PostKind.VIDEO, "Hà Nội mùa thu", "Phim ngắn về Hà Nội", List.of(clip)));
        assertThat(sandbox.state().postsOf(Platform.YOUTUBE, "UCcity"))
                .extracting(SandboxPost::id)
                .contains(video.externalId());
        assertThat(progress)
                .as("a 300 kB file in 256 kB chunks reports progress")
                .isNotEmpty();

        clock.advance(Duration.ofHours(2));
        var stats = youtube.readEngagement(channel, List.of(video.externalId()));
        assertThat(stats.get(video.externalId()).views()).isPositive();
        assertThat(stats.get(video.externalId()).shares()).isNull();

        var later = youtube.scheduleNatively(
                request(channel, PostKind.VIDEO, "Công chiếu", "Ra mắt", List.of(clip)),
                clock.instant().plus(Duration.ofDays(2)));
        assertThat(youtube.listNativelyScheduled(channel))
                .extracting(p -> p.externalId())
                .containsExactly(later.externalId());
        assertThat(youtube.findPublished(
                        request(channel, PostKind.VIDEO, "Hà Nội mùa thu", "", List.of(clip)),
                        clock.instant().minus(Duration.ofHours(3))))
                .isPresent();
        youtube.edit(
                video.externalId(),
                request(channel, PostKind.VIDEO, "Hà Nội mùa thu (bản mới)", "Mô tả", List.of(clip)));
        assertThat(sandbox.state().find(video.externalId()).orElseThrow().title())
                .isEqualTo("Hà Nội mùa thu (bản mới)");
        assertThat(youtube.followerCount(channel)).isPositive();
        assertThat(quota.uploadsUsed("loa-project")).isEqualTo(2);
        assertThat(quota.unitsUsed("loa-project")).isGreaterThanOrEqualTo(50 + 1);
    }

    @Test
    void zaloArticlesAreCreatedVerifiedAndReadBackWithTokensRotated() {
        var zalo = new ZaloConnector(
                ZaloSettings.defaults(sandbox.baseUrl(), sandbox.baseUrl()),
                MediaFetcher.http(Duration.ofSeconds(5), MediaAddresses.allowing(List.of("localhost", "127.0.0.1"))),
                d -> {},
                clock);
        var first = ZaloEmulator.tokensFor("4318");
        // The access token has expired: the connector refreshes it first and stores the new pair.
        var store = new InMemoryCredentialStore(
                new ZaloOAuth("app", "secret", first.access(), clock.instant().minusSeconds(1), first.refresh()));
        var oa = new ChannelAccess(Platform.ZALO, "4318", store);

        var article = zalo.publish(new PublishRequest(
                oa,
                PostKind.ARTICLE,
                "Vườn hoa mới bên hồ Hoàn Kiếm",
                "Không gian xanh mới.\n\nMở cửa từ sáng nay.",
                "Không gian xanh mới",
                null,
                Media.of("https://cdn.example/cover.jpg"),
                List.of(),
                List.of(),
                "Ban biên tập",
                "key-1"));
        assertThat(article.externalId()).startsWith("za");
        var rotated = (ZaloOAuth) store.current();
        assertThat(rotated.refreshToken()).isNotEqualTo(first.refresh());
        assertThat(rotated.accessExpiresAt()).isEqualTo(clock.instant().plusSeconds(90_000));

        var video = zalo.publish(new PublishRequest(
                oa,
                PostKind.VIDEO,
                "Phim ngắn",
                null,
                "Phim",
                null,
                Media.of("https://cdn.example/thumb.jpg"),
                List.of(new Media(sandbox.baseUrl() + "/media/film.mp4", "video/mp4", null, null)),
                List.of(),
                null,
                "key-2"));
        clock.advance(Duration.ofHours(5));
        var engagement = zalo.readEngagement(oa, List.of(article.externalId(), video.externalId()));
        assertThat(engagement.get(article.externalId()).views()).isPositive();
        assertThat(engagement.get(video.externalId()).shares()).isNotNull();
        assertThat(engagement.get(article.externalId()).reactions()).isNull();
        assertThat(zalo.followerCount(oa)).isPositive();

        // Someone else spent the refresh token: the OA must be reconnected.
        var spent = new InMemoryCredentialStore(new ZaloOAuth(
                "app", "secret", "zalo-at.4318.old", clock.instant().minusSeconds(1), first.refresh()));
        assertThatThrownBy(() -> zalo.followerCount(new ChannelAccess(Platform.ZALO, "4318", spent)))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.AUTH_EXPIRED));
    }

    private static PublishRequest request(
            ChannelAccess channel, PostKind kind, String title, String text, List<Media> media) {
        return new PublishRequest(
                channel,
                kind,
                title,
                text,
                null,
                "https://hanoi.gov.vn/tin",
                null,
                media,
                List.of("Hà Nội"),
                null,
                "key");
    }

    // Comments (docs/listening.md)

    private static List<Comment> readAll(Connector connector, ChannelAccess channel, String post, Instant since) {
        var all = new ArrayList<Comment>();
        String token = null;
        CommentPage page;
        do {
            page = connector.readComments(channel, post, since, token);
            all.addAll(page.comments());
            token = page.nextPageToken();
        } while (page.hasMore());
        return all;
    }

    @Test
    void facebookCommentsArePagedAHundredAtATimeFromTheMark() {
        var facebook = new FacebookConnector(FacebookSettings.defaults(sandbox.baseUrl()), UsageObserver.NONE, clock);
        var page = new ChannelAccess(
                Platform.FACEBOOK, "2001", new InMemoryCredentialStore(new FacebookPageToken("page-token", null)));
        var post = sandbox.state().seedPost(Platform.FACEBOOK, "2001", null, "Thông báo", clock.instant());
        var start = clock.instant();
        for (int i = 0; i < 230; i++) {
            var text = i % 2 == 0 ? "Tin này sai sự thật " + i : "tin nay sai su that " + i;
            sandbox.state().addComment(post, "u" + (i % 7), text, start.plusSeconds(i), i % 5);
        }

        var before = sandbox.requestsServed(Platform.FACEBOOK);
        var all = readAll(facebook, page, post, null);
        assertThat(sandbox.requestsServed(Platform.FACEBOOK) - before).isEqualTo(3);
        assertThat(all).hasSize(230);
        assertThat(all.get(0).text()).isEqualTo("Tin này sai sự thật 0");
        assertThat(all.get(1).text()).isEqualTo("tin nay sai su that 1");
        assertThat(all.get(3).likeCount()).isEqualTo(3);
        assertThat(all.get(0).authorId()).isEqualTo("u0");

        var later = readAll(facebook, page, post, start.plusSeconds(200));
        assertThat(later).hasSize(30);
    }

    @Test
    void youtubeCommentThreadsComeNewestFirstAndStopAtTheMark() {
        var settings = YouTubeSettings.defaults(sandbox.baseUrl() + "/", sandbox.baseUrl() + "/token");
        var quota = new YouTubeQuota(settings, clock, UsageObserver.NONE);
        MediaFetcher none = m -> new MediaFetcher.Fetched(new ByteArrayInputStream(new byte[0]), 0, "video/mp4");
        var youtube = new YouTubeConnector(settings, quota, none, (k, s, t) -> {}, clock);
        var channel = new ChannelAccess(
                Platform.YOUTUBE,
                "UCsb",
                new InMemoryCredentialStore(new YouTubeOAuth("c", "s", YouTubeEmulator.refreshTokenFor("UCsb"), "p")));
        var video = sandbox.state().seedPost(Platform.YOUTUBE, "UCsb", "Video", "Mô tả", clock.instant());
        var start = clock.instant();
        for (int i = 0; i < 150; i++) {
            sandbox.state()
                    .addComment(video, "UCviewer" + i, "Không được tin " + i, start.plus(Duration.ofMinutes(i)), 1);
        }

        var all = readAll(youtube, channel, video, null);
        assertThat(all).hasSize(150);
        assertThat(all.get(0).text()).isEqualTo("Không được tin 149");
        assertThat(all.get(0).authorId()).isEqualTo("UCviewer149");
        assertThat(quota.unitsUsed("p")).isEqualTo(2);

        var newer = readAll(youtube, channel, video, start.plus(Duration.ofMinutes(140)));
        assertThat(newer).extracting(Comment::text).first().isEqualTo("Không được tin 149");
        assertThat(newer).hasSize(10);
    }

    @Test
    void zaloHasNoCommentApi() {
        var zalo = new ZaloConnector(
                ZaloSettings.defaults(sandbox.baseUrl(), sandbox.baseUrl()),
                MediaFetcher.http(Duration.ofSeconds(5), MediaAddresses.allowing(List.of("localhost", "127.0.0.1"))),
                d -> {},
                clock);
        assertThat(zalo.capabilities().comments()).isFalse();
        var oa = new ChannelAccess(
                Platform.ZALO,
                "oa1",
                new InMemoryCredentialStore(new ZaloOAuth("app", "secret", "access", Instant.MAX, "refresh")));
        assertThatThrownBy(() -> zalo.readComments(oa, "article", null, null))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.REJECTED));
    }
}
