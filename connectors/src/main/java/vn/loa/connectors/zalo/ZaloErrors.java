package vn.loa.connectors.zalo;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import vn.loa.connectors.MediaAddresses;
import vn.loa.connectors.Platform;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;
import vn.loa.connectors.zalo.client.ZaloApiException;

/** Maps Zalo error codes (the "error" field) into the shared taxonomy. */
final class ZaloErrors {

    static final int RATE_LIMIT = -32;
    static final int INVALID_TOKEN = -216;
    static final int EXPIRED_TOKEN = -220;
    private static final Set<Integer> TOKEN = Set.of(INVALID_TOKEN, EXPIRED_TOKEN, -124, -14014);
    /** OA disabled or not found, app inactive, API not registered, OA unverified, tier package, bad appsecret_proof. */
    private static final Set<Integer> SETUP = Set.of(-204, -205, -209, -212, -221, -224, -242);
    /** Out of quota, or (the table is ambiguous) article-create quota reached. */
    private static final Set<Integer> DAILY = Set.of(-211, -223);

    private ZaloErrors() {}

    static boolean isTokenProblem(ZaloApiException e) {
        return TOKEN.contains(e.error());
    }

    static ConnectorException map(ZaloApiException e, boolean write, Duration untilTomorrow) {
        var code = e.error() == 0 ? "http " + e.httpStatus() : String.valueOf(e.error());
        if (e.error() == RATE_LIMIT) {
            return failure(FailureKind.RATE_LIMITED, code, e, Duration.ofMinutes(1), null, "per-minute limit reached");
        }
        if (DAILY.contains(e.error())) {
            return failure(FailureKind.RATE_LIMITED, code, e, untilTomorrow, null, "daily quota reached");
        }
        if (TOKEN.contains(e.error()) || SETUP.contains(e.error())) {
            return failure(
                    FailureKind.AUTH_EXPIRED,
                    code,
                    e,
                    null,
                    null,
                    "the OA's authorisation is invalid, expired or not set up for this API");
        }
        if (e.error() == 0) {
            if (e.httpStatus() >= 500 || e.httpStatus() == 200) {
                return failure(
                        write ? FailureKind.UNKNOWN_OUTCOME : FailureKind.TRANSIENT,
                        code,
                        e,
                        null,
                        null,
                        "server error");
            }
            if (e.httpStatus() == 429) {
                return failure(FailureKind.RATE_LIMITED, code, e, Duration.ofMinutes(1), null, "too many requests");
            }
        }
        return failure(FailureKind.REJECTED, code, e, null, e.getMessage(), "Zalo refused the request");
    }

    static ConnectorException network(IOException e, boolean write) {
        if (e instanceof MediaAddresses.Refused refused) {
            return MediaAddresses.rejected(Platform.ZALO, refused);
        }
        return new ConnectorException(
                Platform.ZALO,
                write ? FailureKind.UNKNOWN_OUTCOME : FailureKind.TRANSIENT,
                "network",
                null,
                null,
                null,
                "no answer from Zalo (" + e.getClass().getSimpleName() + ")",
                null);
    }

    private static ConnectorException failure(
            FailureKind kind,
            String code,
            ZaloApiException e,
            Duration retryAfter,
            String userMessage,
            String message) {
        return new ConnectorException(
                Platform.ZALO, kind, code, e.httpStatus(), retryAfter, userMessage, message, null);
    }
}
