package vn.loa.app.connection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each platform is and the limits Loa assumes of it ({@code loa.connectors.*}). The defaults
 * are the real platforms; the demo profile points all three at the built-in sandbox instead.
 */
@ConfigurationProperties("loa.connectors")
public record ConnectorProperties(
        Facebook facebook, YouTube youtube, Zalo zalo, Sandbox sandbox, Duration readTimeout) {

    public ConnectorProperties {
        facebook = facebook == null ? new Facebook(null, null, null, null, null, null) : facebook;
        youtube = youtube == null ? new YouTube(null, null, null, null, null) : youtube;
        zalo = zalo == null ? new Zalo(null, null, null) : zalo;
        sandbox = sandbox == null ? new Sandbox(false, 0, null) : sandbox;
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
    }

    public record Facebook(
            String graphUrl,
            String videoUrl,
            List<String> insightsMetrics,
            String reachMetric,
            Duration scheduleMinLead,
            Duration scheduleMaxLead) {}

    public record YouTube(
            String rootUrl,
            String tokenUrl,
            Integer dailyUnits,
            Integer dailyUploads,
            Map<String, Integer> unitCosts) {}

    public record Zalo(String openapiUrl, String oauthUrl, Duration verifyPause) {}

    /** The built-in platform sandbox: when enabled every base URL above is replaced by the sandbox's. */
    public record Sandbox(boolean enabled, int port, Duration latency) {}
}
