package vn.loa.app.connection;

import java.time.OffsetDateTime;
import vn.loa.campaigns.shared.Checks;
import vn.loa.connectors.Platform;
import vn.loa.connectors.credentials.Credentials;
import vn.loa.connectors.credentials.FacebookPageToken;
import vn.loa.connectors.credentials.YouTubeOAuth;
import vn.loa.connectors.credentials.ZaloOAuth;

/**
 * The credential fields of all three platforms, as the API and the reconnect form take them; which
 * are required depends on the channel's platform.
 */
public record CredentialsForm(
        String pageToken,
        String appSecret,
        String clientId,
        String clientSecret,
        String refreshToken,
        String projectId,
        String appId,
        String secretKey,
        String accessToken,
        OffsetDateTime accessExpiresAt) {

    /** The platform's credentials, or {@link vn.loa.campaigns.shared.InvalidInput} naming each missing field. */
    public Credentials toCredentials(Platform platform) {
        var checks = new Checks();
        Credentials credentials = switch (platform) {
            case FACEBOOK -> {
                checks.requiredText("pageToken", pageToken, 1000);
                yield new FacebookPageToken(strip(pageToken), strip(appSecret));
            }
            case YOUTUBE -> {
                checks.requiredText("clientId", clientId, 300)
                        .requiredText("clientSecret", clientSecret, 300)
                        .requiredText("refreshToken", refreshToken, 1000)
                        .requiredText("projectId", projectId, 100);
                yield new YouTubeOAuth(strip(clientId), strip(clientSecret), strip(refreshToken), strip(projectId));
            }
            case ZALO -> {
                checks.requiredText("appId", appId, 100)
                        .requiredText("secretKey", secretKey, 300)
                        .requiredText("accessToken", accessToken, 2000)
                        .requiredText("refreshToken", refreshToken, 2000);
                yield new ZaloOAuth(
                        strip(appId),
                        strip(secretKey),
                        strip(accessToken),
                        accessExpiresAt == null ? null : accessExpiresAt.toInstant(),
                        strip(refreshToken));
            }
        };
        checks.throwIfAny();
        return credentials;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
