package vn.loa.connectors.youtube;

import java.time.Duration;
import java.util.Map;

/**
 * Where the YouTube Data API and Google's token endpoint are, the quota Loa plans with, and the
 * metadata limits. Unit costs are settings: Google has changed them (videos.insert went from 1,600
 * units to its own bucket).
 *
 * @param rootUrl         e.g. https://youtube.googleapis.com/ (ends with '/')
 * @param tokenUrl        e.g. https://oauth2.googleapis.com/token
 * @param unitCosts       units per method name (list, update, delete, thumbnails, channels, playlistItems,
 *                        commentThreads)
 * @param dailyUnits      general quota per project per day
 * @param dailyUploads    videos.insert calls per project per day (a bucket of its own)
 * @param categoryId      category for new videos (25 = News & Politics)
 * @param chunkSize       resumable upload chunk, a multiple of 256 KiB
 */
public record YouTubeSettings(
        String rootUrl,
        String tokenUrl,
        Map<String, Integer> unitCosts,
        int dailyUnits,
        int dailyUploads,
        String categoryId,
        int chunkSize,
        Duration scheduleMinLead,
        Duration scheduleMaxLead,
        Duration connectTimeout,
        Duration readTimeout) {

    public static YouTubeSettings defaults(String rootUrl, String tokenUrl) {
        return new YouTubeSettings(
                rootUrl,
                tokenUrl,
                Map.of(
                        "list",
                        1,
                        "update",
                        50,
                        "delete",
                        50,
                        "thumbnails",
                        50,
                        "channels",
                        1,
                        "playlistItems",
                        1,
                        "commentThreads",
                        1),
                10_000,
                100,
                "25",
                4 * 262_144,
                Duration.ofMinutes(15),
                Duration.ofDays(365 * 2),
                Duration.ofSeconds(10),
                Duration.ofSeconds(120));
    }

    int cost(String method) {
        return unitCosts.getOrDefault(method, 1);
    }
}
