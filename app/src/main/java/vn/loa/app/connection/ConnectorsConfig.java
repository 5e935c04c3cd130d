package vn.loa.app.connection;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.loa.connectors.Connector;
import vn.loa.connectors.ConnectorRegistry;
import vn.loa.connectors.MediaAddresses;
import vn.loa.connectors.MediaFetcher;
import vn.loa.connectors.UsageObserver;
import vn.loa.connectors.WriteReceipts;
import vn.loa.connectors.facebook.FacebookConnector;
import vn.loa.connectors.facebook.FacebookSettings;
import vn.loa.connectors.quota.QuotaLedger;
import vn.loa.connectors.sandbox.PlatformSandbox;
import vn.loa.connectors.youtube.UploadProgress;
import vn.loa.connectors.youtube.YouTubeConnector;
import vn.loa.connectors.youtube.YouTubeQuota;
import vn.loa.connectors.youtube.YouTubeSettings;
import vn.loa.connectors.zalo.Pause;
import vn.loa.connectors.zalo.ZaloConnector;
import vn.loa.connectors.zalo.ZaloSettings;

/** Builds the three connectors from configuration, and the platform sandbox when it is enabled. */
@Configuration(proxyBeanMethods = false)
public class ConnectorsConfig {

    @Bean
    CredentialCipher credentialCipher(
            @Value("${loa.credentials.key:}") String key, @Value("${loa.credentials.old-keys:}") String oldKeys) {
        return CredentialCipher.of(key, oldKeys);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "loa.connectors.sandbox.enabled", havingValue = "true")
    PlatformSandbox platformSandbox(ConnectorProperties properties, Clock clock) throws IOException {
        var sandbox = new PlatformSandbox(clock).start(properties.sandbox().port());
        if (properties.sandbox().latency() != null) {
            sandbox.latency(properties.sandbox().latency());
        }
        return sandbox;
    }

    @Bean
    BaseUrls platformBaseUrls(ConnectorProperties properties, ObjectProvider<PlatformSandbox> sandbox) {
        var local = sandbox.getIfAvailable();
        if (local != null) {
            var url = local.baseUrl();
            return new BaseUrls(url, url, url + "/", url + "/token", url, url);
        }
        var fb = properties.facebook();
        var yt = properties.youtube();
        var zalo = properties.zalo();
        return new BaseUrls(
                or(fb.graphUrl(), "https://graph.facebook.com"),
                or(fb.videoUrl(), "https://graph-video.facebook.com"),
                or(yt.rootUrl(), "https://youtube.googleapis.com/"),
                or(yt.tokenUrl(), "https://oauth2.googleapis.com/token"),
                or(zalo.openapiUrl(), "https://openapi.zalo.me"),
                or(zalo.oauthUrl(), "https://oauth.zaloapp.com"));
    }

    /** The base URL of each platform API in use. */
    public record BaseUrls(
            String facebookGraph,
            String facebookVideo,
            String youtubeRoot,
            String youtubeToken,
            String zaloOpenApi,
            String zaloOAuth) {}

    @Bean
    FacebookConnector facebookConnector(
            ConnectorProperties properties, BaseUrls urls, UsageObserver usage, Clock clock) {
        var fb = properties.facebook();
        var d = FacebookSettings.defaults(urls.facebookGraph());
        var settings = new FacebookSettings(
                urls.facebookGraph(),
                urls.facebookVideo(),
                fb.insightsMetrics() == null ? d.insightsMetrics() : fb.insightsMetrics(),
                or(fb.reachMetric(), d.reachMetric()),
                fb.scheduleMinLead() == null ? d.scheduleMinLead() : fb.scheduleMinLead(),
                fb.scheduleMaxLead() == null ? d.scheduleMaxLead() : fb.scheduleMaxLead(),
                d.messageMaxChars(),
                d.photoMaxBytes(),
                d.photoTypes(),
                d.connectTimeout(),
                properties.readTimeout());
        return new FacebookConnector(settings, usage, clock);
    }

    @Bean
    YouTubeQuota youTubeQuota(
            ConnectorProperties properties, BaseUrls urls, UsageObserver usage, QuotaLedger ledger, Clock clock) {
        // The ledger is the database's: a Google project's units are spent by all nodes together.
        return new YouTubeQuota(youTubeSettings(properties, urls), clock, usage, ledger);
    }

    @Bean
    YouTubeConnector youTubeConnector(
            ConnectorProperties properties,
            BaseUrls urls,
            YouTubeQuota quota,
            ObjectProvider<WriteReceipts> receipts,
            MediaAddresses media,
            Clock clock) {
        return new YouTubeConnector(
                youTubeSettings(properties, urls),
                quota,
                MediaFetcher.http(Duration.ofSeconds(30), media),
                UploadProgress.NONE,
                receipts.getIfAvailable(() -> WriteReceipts.NONE),
                clock);
    }

    @Bean
    ZaloConnector zaloConnector(
            ConnectorProperties properties,
            BaseUrls urls,
            ObjectProvider<WriteReceipts> receipts,
            MediaAddresses media,
            Clock clock) {
        var d = ZaloSettings.defaults(urls.zaloOpenApi(), urls.zaloOAuth());
        var pause = properties.zalo().verifyPause() == null
                ? d.verifyPause()
                : properties.zalo().verifyPause();
        var settings = d.with(d.verifyAttempts(), pause, d.connectTimeout(), properties.readTimeout());
        return new ZaloConnector(
                settings,
                MediaFetcher.http(Duration.ofSeconds(30), media),
                Pause.REAL,
                receipts.getIfAvailable(() -> WriteReceipts.NONE),
                clock);
    }

    @Bean
    ConnectorRegistry connectorRegistry(List<Connector> connectors) {
        return new ConnectorRegistry(connectors);
    }

    private static YouTubeSettings youTubeSettings(ConnectorProperties properties, BaseUrls urls) {
        var yt = properties.youtube();
        var d = YouTubeSettings.defaults(urls.youtubeRoot(), urls.youtubeToken());
        return new YouTubeSettings(
                d.rootUrl(),
                d.tokenUrl(),
                unitCosts(d.unitCosts(), yt.unitCosts()),
                yt.dailyUnits() == null ? d.dailyUnits() : yt.dailyUnits(),
                yt.dailyUploads() == null ? d.dailyUploads() : yt.dailyUploads(),
                d.categoryId(),
                d.chunkSize(),
                d.scheduleMinLead(),
                d.scheduleMaxLead(),
                d.connectTimeout(),
                properties.readTimeout());
    }

    /** The default costs with the configured ones over them: naming one method's cost keeps the others'. */
    private static Map<String, Integer> unitCosts(Map<String, Integer> defaults, Map<String, Integer> configured) {
        if (configured == null || configured.isEmpty()) {
            return defaults;
        }
        var costs = new HashMap<>(defaults);
        costs.putAll(configured);
        return Map.copyOf(costs);
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
