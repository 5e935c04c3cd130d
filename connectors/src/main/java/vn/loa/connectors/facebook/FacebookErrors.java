package vn.loa.connectors.facebook;

import com.restfb.exception.FacebookException;
import com.restfb.exception.FacebookGraphException;
import com.restfb.exception.FacebookNetworkException;
import com.restfb.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import vn.loa.connectors.Platform;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/**
 * Maps Graph API errors into the shared taxonomy from their code and subcode only (never the
 * message text). Codes from the Graph API error-handling guide (listed in docs/connectors.md).
 */
final class FacebookErrors {

    private static final Set<Integer> TEMPORARY = Set.of(1, 2);
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 341, 613, 80001);
    private static final Set<Integer> AUTH = Set.of(102, 190, 10);
    private static final Set<Integer> CONTENT = Set.of(100, 368, 506, 1609005);
    private static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(5);

    private FacebookErrors() {}

    /** {@code write} is true for calls that change the platform: a lost answer there is an unknown outcome. */
    static ConnectorException map(FacebookException e, boolean write, Duration regainAccess) {
        if (e instanceof FacebookGraphException g) {
            return map(
                    g.getErrorCode(),
                    g.getErrorSubcode(),
                    g.getHttpStatusCode(),
                    g.getIsTransient(),
                    userMessage(g.getErrorUserMessage(), g.getErrorMessage()),
                    regainAccess,
                    e);
        }
        if (e instanceof FacebookNetworkException n) {
            var status = n.getHttpStatusCode();
            if (status != null && status >= 500 && !write) {
                return failure(FailureKind.TRANSIENT, "http " + status, status, null, null, "server error", e);
            }
            if (status != null && status >= 500) {
                // A 5xx on a write may come after the post was made.
                return failure(FailureKind.UNKNOWN_OUTCOME, "http " + status, status, null, null, "server error", e);
            }
            return failure(
                    write ? FailureKind.UNKNOWN_OUTCOME : FailureKind.TRANSIENT,
                    "network",
                    status,
                    null,
                    null,
                    "no answer from the Graph API",
                    e);
        }
        return failure(
                write ? FailureKind.UNKNOWN_OUTCOME : FailureKind.TRANSIENT,
                "unreadable",
                null,
                null,
                null,
                "the Graph API answer could not be read",
                e);
    }

    /** An answer neither restfb nor we could read; for a write, whether it took effect is unknown. */
    static ConnectorException unreadable(boolean write, RuntimeException e) {
        return failure(
                write ? FailureKind.UNKNOWN_OUTCOME : FailureKind.TRANSIENT,
                "unreadable",
                null,
                null,
                null,
                "the Graph API answer could not be read (" + e.getClass().getSimpleName() + ")",
                null);
    }

    /** Maps an error object found in the body of one batch response. */
    static ConnectorException map(JsonObject error, int httpStatus, Duration regainAccess) {
        Integer code = error.contains("code") ? error.getInt("code", 0) : null;
        Integer subcode = error.contains("error_subcode") ? error.getInt("error_subcode", 0) : null;
        Boolean isTransient =
                error.contains("is_transient") ? error.get("is_transient").asBoolean() : null;
        return map(
                code,
                subcode,
                httpStatus,
                isTransient,
                userMessage(error.getString("error_user_msg", null), error.getString("message", "")),
                regainAccess,
                null);
    }

    static ConnectorException map(
            Integer code,
            Integer subcode,
            Integer http,
            Boolean isTransient,
            String message,
            Duration regainAccess,
            Throwable cause) {
        var platformCode =
                code == null ? "http " + http : subcode == null ? String.valueOf(code) : code + "/" + subcode;
        int c = code == null ? -1 : code;
        if (THROTTLED.contains(c)) {
            return failure(
                    FailureKind.RATE_LIMITED,
                    platformCode,
                    http,
                    regainAccess != null ? regainAccess : DEFAULT_BACKOFF,
                    null,
                    "rate limit reached",
                    cause);
        }
        if (AUTH.contains(c) || (c >= 200 && c <= 299)) {
            return failure(
                    FailureKind.AUTH_EXPIRED,
                    platformCode,
                    http,
                    null,
                    message,
                    "the page token is expired, revoked or lacks a permission",
                    cause);
        }
        if (TEMPORARY.contains(c) || Boolean.TRUE.equals(isTransient) || (http != null && http >= 500 && c < 0)) {
            return failure(FailureKind.TRANSIENT, platformCode, http, null, null, "temporary error", cause);
        }
        if (CONTENT.contains(c) || (http != null && http >= 400 && http < 500)) {
            return failure(
                    FailureKind.REJECTED, platformCode, http, null, message, "the Graph API refused the post", cause);
        }
        return failure(FailureKind.TRANSIENT, platformCode, http, null, null, "unexpected error", cause);
    }

    private static String userMessage(String forUser, String message) {
        return forUser != null && !forUser.isBlank() ? forUser : message;
    }

    private static ConnectorException failure(
            FailureKind kind,
            String code,
            Integer http,
            Duration retryAfter,
            String userMessage,
            String message,
            Throwable cause) {
        return new ConnectorException(Platform.FACEBOOK, kind, code, http, retryAfter, userMessage, message, cause);
    }
}
