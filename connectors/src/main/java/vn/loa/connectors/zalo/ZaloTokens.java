package vn.loa.connectors.zalo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import vn.loa.connectors.ChannelAccess;
import vn.loa.connectors.Platform;
import vn.loa.connectors.credentials.Credentials;
import vn.loa.connectors.credentials.ZaloOAuth;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;
import vn.loa.connectors.zalo.client.ZaloApiException;
import vn.loa.connectors.zalo.client.ZaloOaClient;

/**
 * Keeps each OA's access token fresh. The refresh token is single-use, so a refresh runs under the
 * channel's lock in the credential store, and the new pair is stored before the new access token is
 * used; a caller that finds the pair already refreshed by someone else uses that one.
 */
final class ZaloTokens {

    private final ZaloOaClient client;
    private final ZaloSettings settings;
    private final Clock clock;

    ZaloTokens(ZaloOaClient client, ZaloSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    /** An access token good for at least the refresh margin. */
    String accessToken(ChannelAccess channel) {
        var oauth = oauth(channel.credentials().current());
        if (oauth.accessExpiresAt() != null
                && oauth.accessExpiresAt().isAfter(clock.instant().plus(settings.refreshMargin()))) {
            return oauth.accessToken();
        }
        return refresh(channel, oauth.accessToken());
    }

    /** Refreshes unless someone already replaced {@code staleAccessToken}; returns the access token to use. */
    String refresh(ChannelAccess channel, String staleAccessToken) {
        var updated = channel.credentials().update(current -> {
            var oauth = oauth(current);
            if (!oauth.accessToken().equals(staleAccessToken)) {
                return oauth; // refreshed meanwhile, by another thread or node
            }
            try {
                var pair = client.refreshAccessToken(oauth.appId(), oauth.secretKey(), oauth.refreshToken());
                return new ZaloOAuth(
                        oauth.appId(),
                        oauth.secretKey(),
                        pair.accessToken(),
                        clock.instant().plus(Duration.ofSeconds(pair.expiresInSeconds())),
                        pair.refreshToken());
            } catch (ZaloApiException e) {
                throw new ConnectorException(
                        Platform.ZALO,
                        FailureKind.AUTH_EXPIRED,
                        String.valueOf(e.error()),
                        e.httpStatus(),
                        null,
                        null,
                        "Zalo refused to refresh the OA's token; reconnect the OA",
                        null);
            } catch (IOException e) {
                throw ZaloErrors.network(e, false);
            }
        });
        return oauth(updated).accessToken();
    }

    private static ZaloOAuth oauth(Credentials credentials) {
        if (credentials instanceof ZaloOAuth oauth) {
            return oauth;
        }
        throw ConnectorException.of(
                Platform.ZALO, FailureKind.AUTH_EXPIRED, "no-credentials", "the channel has no Zalo OA authorisation");
    }
}
