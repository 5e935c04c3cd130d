package vn.loa.connectors.sandbox;

import java.time.Instant;
import vn.loa.connectors.Platform;
import vn.loa.connectors.credentials.Credentials;
import vn.loa.connectors.credentials.FacebookPageToken;
import vn.loa.connectors.credentials.YouTubeOAuth;
import vn.loa.connectors.credentials.ZaloOAuth;

/** Credentials the sandbox accepts for a channel, so a demo run needs no real ones. */
public final class SandboxCredentials {

    private SandboxCredentials() {}

    public static Credentials forChannel(Platform platform, String externalId, Instant now) {
        return switch (platform) {
            case FACEBOOK -> new FacebookPageToken("sandbox-page-token." + externalId, null);
            case YOUTUBE ->
                new YouTubeOAuth(
                        "sandbox-client",
                        "sandbox-secret",
                        YouTubeEmulator.refreshTokenFor(externalId),
                        "sandbox-project");
            case ZALO -> {
                var tokens = ZaloEmulator.tokensFor(externalId);
                yield new ZaloOAuth(
                        "sandbox-app", "sandbox-secret", tokens.access(), now.plusSeconds(90_000), tokens.refresh());
            }
        };
    }
}
