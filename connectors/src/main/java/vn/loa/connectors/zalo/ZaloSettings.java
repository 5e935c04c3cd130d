package vn.loa.connectors.zalo;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Where the Zalo Open API and OAuth server are, and the limits Loa assumes. The field limits come
 * from third-party digests only (marked ⚠ in docs/connectors.md), so they are settings.
 */
public record ZaloSettings(
        String openApiUrl,
        String oauthUrl,
        int titleMax,
        int authorMax,
        int descriptionMax,
        long imageMaxBytes,
        long videoMaxBytes,
        int verifyAttempts,
        Duration verifyPause,
        Duration refreshMargin,
        Duration connectTimeout,
        Duration readTimeout,
        ZoneId quotaZone) {

    public static ZaloSettings defaults(String openApiUrl, String oauthUrl) {
        return new ZaloSettings(
                openApiUrl,
                oauthUrl,
                150,
                50,
                300,
                1024L * 1024,
                50L * 1024 * 1024,
                10,
                Duration.ofSeconds(3),
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    /**
     * These settings checking a token at most {@code attempts} times, {@code pause} apart, with
     * the given timeouts.
     */
    public ZaloSettings with(int attempts, Duration pause, Duration connect, Duration read) {
        return new ZaloSettings(
                openApiUrl,
                oauthUrl,
                titleMax,
                authorMax,
                descriptionMax,
                imageMaxBytes,
                videoMaxBytes,
                attempts,
                pause,
                refreshMargin,
                connect,
                read,
                quotaZone);
    }
}
