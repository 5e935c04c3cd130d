package vn.loa.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.loa.connectors.credentials.Credentials;
import vn.loa.connectors.credentials.FacebookPageToken;
import vn.loa.connectors.credentials.InMemoryCredentialStore;
import vn.loa.connectors.credentials.YouTubeOAuth;
import vn.loa.connectors.credentials.ZaloOAuth;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.facebook.FacebookConnector;
import vn.loa.connectors.facebook.FacebookSettings;
import vn.loa.connectors.support.WireMockPlatform;
import vn.loa.connectors.youtube.UploadProgress;
import vn.loa.connectors.youtube.YouTubeConnector;
import vn.loa.connectors.youtube.YouTubeQuota;
import vn.loa.connectors.youtube.YouTubeSettings;
import vn.loa.connectors.zalo.ZaloConnector;
import vn.loa.connectors.zalo.ZaloSettings;
import vn.loa.testsupport.MutableClock;

/** No token or secret appears in an exception (message, cause chain, stack trace), a log line or a toString. */
class TokensStaySecretTest extends WireMockPlatform {

    private static final List<String> SECRETS = List.of(
            "FB-SECRET-TOKEN-1",
            "APP-SECRET-2",
            "YT-CLIENT-SECRET-3",
            "YT-REFRESH-4",
            "ZALO-ACCESS-5",
            "ZALO-SECRET-6",
            "ZALO-REFRESH-7",
            "ya29.LEAKED-8");

    @Test
    void failuresOfEveryPlatformKeepTokensOut() {
        var logs = new ListAppender<ILoggingEvent>();
        logs.start();
        var root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.DEBUG);
        root.addAppender(logs);
        var clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"code\":2}}")));
        wm.stubFor(post("/token").willReturn(okJson("{\"access_token\":\"ya29.LEAKED-8\",\"expires_in\":3600}")));
        var failures = new ArrayList<Throwable>();
        var credentials = new ArrayList<Object>();
        try {
            var fbCreds = new FacebookPageToken("FB-SECRET-TOKEN-1", "APP-SECRET-2");
            credentials.add(fbCreds);
            var fb = new FacebookConnector(FacebookSettings.defaults(baseUrl()), UsageObserver.NONE, clock);
            failures.add(caught(() -> fb.publish(request(Platform.FACEBOOK, fbCreds))));
            failures.add(caught(() -> fb.followerCount(access(Platform.FACEBOOK, fbCreds))));

            var ytCreds = new YouTubeOAuth("client", "YT-CLIENT-SECRET-3", "YT-REFRESH-4", "proj");
            credentials.add(ytCreds);
            var ytSettings = YouTubeSettings.defaults(baseUrl() + "/", baseUrl() + "/token");
            var yt = new YouTubeConnector(
                    ytSettings,
                    new YouTubeQuota(ytSettings, clock, UsageObserver.NONE),
                    MediaFetcher.http(
                            Duration.ofSeconds(1), MediaAddresses.allowing(List.of("localhost", "127.0.0.1"))),
                    UploadProgress.NONE,
                    clock);
            failures.add(caught(() -> yt.followerCount(access(Platform.YOUTUBE, ytCreds))));

            var zaloCreds = new ZaloOAuth(
                    "app", "ZALO-SECRET-6", "ZALO-ACCESS-5", clock.instant().minusSeconds(5), "ZALO-REFRESH-7");
            credentials.add(zaloCreds);
            var zalo = new ZaloConnector(
                    ZaloSettings.defaults(baseUrl(), baseUrl()),
                    MediaFetcher.http(
                            Duration.ofSeconds(1), MediaAddresses.allowing(List.of("localhost", "127.0.0.1"))),
                    d -> {},
                    clock);
            failures.add(caught(() -> zalo.followerCount(access(Platform.ZALO, zaloCreds))));
        } finally {
            root.detachAppender(logs);
        }

        assertThat(failures).hasSize(4).allMatch(f -> f instanceof ConnectorException);
        var everything = new StringBuilder();
        for (var f : failures) {
            var trace = new StringWriter();
            f.printStackTrace(new PrintWriter(trace));
            everything.append(trace);
        }
        logs.list.forEach(e -> everything
                .append(e.getFormattedMessage())
                .append(
                        e.getThrowableProxy() == null
                                ? ""
                                : e.getThrowableProxy().getMessage()));
        credentials.forEach(c -> everything.append(c));
        for (var secret : SECRETS) {
            assertThat(everything.toString()).as("no trace of " + secret).doesNotContain(secret);
        }
    }

    private static Throwable caught(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static ChannelAccess access(Platform platform, Credentials c) {
        return new ChannelAccess(platform, "chan", new InMemoryCredentialStore(c));
    }

    private static PublishRequest request(Platform platform, Credentials c) {
        return new PublishRequest(
                access(platform, c), PostKind.TEXT, null, "x", null, null, null, List.of(), List.of(), null, "k");
    }
}
