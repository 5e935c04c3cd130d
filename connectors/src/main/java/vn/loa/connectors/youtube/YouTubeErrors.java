package vn.loa.connectors.youtube;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.auth.Retryable;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import vn.loa.connectors.MediaAddresses;
import vn.loa.connectors.Platform;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/** Maps YouTube Data API errors into the shared taxonomy from the HTTP status and the error reason. */
final class YouTubeErrors {

    private static final Set<String> RATE = Set.of("rateLimitExceeded", "userRateLimitExceeded");
    private static final Set<String> DAILY = Set.of("quotaExceeded", "uploadLimitExceeded", "dailyLimitExceeded");
    private static final Set<String> AUTH =
            Set.of("authError", "expired", "youtubeSignupRequired", "insufficientPermissions", "invalidCredentials");

    private YouTubeErrors() {}

    static ConnectorException map(IOException e, boolean write, Duration untilReset) {
        if (e instanceof MediaAddresses.Refused refused) {
            return MediaAddresses.rejected(Platform.YOUTUBE, refused);
        }
        if (e instanceof GoogleJsonResponseException g) {
            var status = g.getStatusCode();
            var reason = g.getDetails() != null
                            && g.getDetails().getErrors() != null
                            && !g.getDetails().getErrors().isEmpty()
                    ? g.getDetails().getErrors().get(0).getReason()
                    : null;
            var message = g.getDetails() != null ? g.getDetails().getMessage() : g.getStatusMessage();
            var code = reason != null ? reason : "http " + status;
            if (reason != null && DAILY.contains(reason)) {
                return failure(FailureKind.RATE_LIMITED, code, status, untilReset, null, "daily limit reached");
            }
            if ((reason != null && RATE.contains(reason)) || status == 429) {
                var retryAfter = g.getHeaders() == null ? null : g.getHeaders().getRetryAfter();
                return failure(
                        FailureKind.RATE_LIMITED,
                        code,
                        status,
                        retryAfter != null ? Duration.ofSeconds(Long.parseLong(retryAfter)) : Duration.ofMinutes(1),
                        null,
                        "rate limit reached");
            }
            if (status == 401 || (reason != null && AUTH.contains(reason))) {
                return failure(
                        FailureKind.AUTH_EXPIRED,
                        code,
                        status,
                        null,
                        message,
                        "the channel's authorisation is expired or revoked");
            }
            if (status >= 500) {
                return failure(
                        write ? FailureKind.UNKNOWN_OUTCOME : FailureKind.TRANSIENT,
                        code,
                        status,
                        null,
                        null,
                        "server error");
            }
            return failure(FailureKind.REJECTED, code, status, null, message, "YouTube refused the request");
        }
        if (e instanceof Retryable auth) {
            // A refresh refused for good (invalid_grant: revoked or expired refresh token) means reconnecting.
            return failure(
                    auth.isRetryable() ? FailureKind.TRANSIENT : FailureKind.AUTH_EXPIRED,
                    "oauth",
                    null,
                    null,
                    null,
                    "Google refused to refresh the access token");
        }
        return failure(
                write ? FailureKind.UNKNOWN_OUTCOME : FailureKind.TRANSIENT,
                "network",
                null,
                null,
                null,
                "no answer from YouTube (" + e.getClass().getSimpleName() + ")");
    }

    private static ConnectorException failure(
            FailureKind kind, String code, Integer http, Duration retryAfter, String userMessage, String message) {
        // The cause is left out on purpose: google-http-client exceptions can carry request details.
        return new ConnectorException(Platform.YOUTUBE, kind, code, http, retryAfter, userMessage, message, null);
    }
}
