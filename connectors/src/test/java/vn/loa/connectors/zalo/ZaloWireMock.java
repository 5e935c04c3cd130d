package vn.loa.connectors.zalo;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.loa.connectors.ChannelAccess;
import vn.loa.connectors.Media;
import vn.loa.connectors.MediaFetcher;
import vn.loa.connectors.Platform;
import vn.loa.connectors.PostKind;
import vn.loa.connectors.PublishRequest;
import vn.loa.connectors.credentials.InMemoryCredentialStore;
import vn.loa.connectors.credentials.ZaloOAuth;
import vn.loa.connectors.support.WireMockPlatform;
import vn.loa.testsupport.MutableClock;

/** A Zalo connector pointed at WireMock, with the pauses it took and the receipts it handed over. */
abstract class ZaloWireMock extends WireMockPlatform {

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    protected final List<Duration> pauses = new ArrayList<>();
    protected final List<String> receipts = new ArrayList<>();
    protected InMemoryCredentialStore store = new InMemoryCredentialStore(
            new ZaloOAuth("APP", "SECRET-KEY", "ACCESS-1", Instant.parse("2026-11-24T00:00:00Z"), "REFRESH-1"));

    protected ZaloConnector connector() {
        var settings = ZaloSettings.defaults(baseUrl(), baseUrl())
                .with(3, Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(1));
        MediaFetcher video =
                m -> new MediaFetcher.Fetched(new ByteArrayInputStream(new byte[2_000]), 2_000, "video/mp4");
        return new ZaloConnector(
                settings, video, pauses::add, (key, receipt) -> receipts.add(key + "=" + receipt), clock);
    }

    protected ChannelAccess oa() {
        return new ChannelAccess(Platform.ZALO, "4318", store);
    }

    protected PublishRequest article(String title, String body, String key) {
        return new PublishRequest(
                oa(),
                PostKind.ARTICLE,
                title,
                body,
                "Mô tả",
                null,
                Media.of("https://cdn.example/cover.jpg"),
                List.of(),
                List.of(),
                "Ban biên tập",
                key);
    }

    protected PublishRequest video(String key, String receipt) {
        return new PublishRequest(
                        oa(),
                        PostKind.VIDEO,
                        "Phim ngắn",
                        null,
                        "Mô tả",
                        null,
                        Media.of("https://cdn.example/thumb.jpg"),
                        List.of(Media.of("https://cdn.example/film.mp4")),
                        List.of(),
                        null,
                        key)
                .resumingFrom(receipt);
    }

    protected static String ok(String data) {
        return "{\"error\":0,\"message\":\"Success\",\"data\":" + data + "}";
    }
}
