package vn.loa.connectors.facebook;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Where the Graph API is and the limits Loa assumes of it. Values marked unverified (⚠) in
 * docs/connectors.md (schedule window, message length, insights metric names) are settings, not constants.
 *
 * @param graphUrl        e.g. https://graph.facebook.com (the sandbox or WireMock in tests)
 * @param videoUrl        e.g. https://graph-video.facebook.com
 * @param insightsMetrics post insights read with engagement; a retired name fails the whole read
 * @param reachMetric     the metric among them that counts unique viewers (reach)
 */
public record FacebookSettings(
        String graphUrl,
        String videoUrl,
        List<String> insightsMetrics,
        String reachMetric,
        Duration scheduleMinLead,
        Duration scheduleMaxLead,
        int messageMaxChars,
        long photoMaxBytes,
        Set<String> photoTypes,
        Duration connectTimeout,
        Duration readTimeout) {

    public static FacebookSettings defaults(String graphUrl) {
        return new FacebookSettings(
                graphUrl,
                graphUrl,
                List.of("post_media_view", "post_total_media_view_unique", "post_clicks"),
                "post_total_media_view_unique",
                Duration.ofMinutes(10),
                Duration.ofDays(75),
                63_206,
                4L * 1024 * 1024,
                Set.of("image/jpeg", "image/png", "image/gif", "image/tiff", "image/heif", "image/webp"),
                Duration.ofSeconds(10),
                Duration.ofSeconds(60));
    }
}
