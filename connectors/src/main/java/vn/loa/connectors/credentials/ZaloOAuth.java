package vn.loa.connectors.credentials;

import java.time.Instant;

/**
 * A Zalo app and the OA's tokens. The refresh token is single-use: each refresh returns a new one,
 * which must be stored before the new access token is used, or the OA is disconnected.
 */
public record ZaloOAuth(
        String appId, String secretKey, String accessToken, Instant accessExpiresAt, String refreshToken)
        implements Credentials {

    @Override
    public String toString() {
        return "ZaloOAuth[appId=" + appId + ", expires=" + accessExpiresAt + ", secrets=***]";
    }
}
