package vn.loa.connectors.error;

/** What a failed platform call means for the caller, the same for every platform. */
public enum FailureKind {
    /** A passing fault (5xx, temporary code, network error on a read): retry with backoff. */
    TRANSIENT,
    /** The platform asks us to slow down: wait at least {@link ConnectorException#retryAfter()}. */
    RATE_LIMITED,
    /** The token expired or was revoked: the channel must be reconnected; do not retry. */
    AUTH_EXPIRED,
    /** The platform refused this content; its message is for the user. Retrying will not help. */
    REJECTED,
    /**
     * The platform holds the post but does not show it to the public when it should (YouTube keeps
     * uploads of a Google project not yet audited private, or rejected the video after upload): the
     * delivery fails with the platform's reason and the channel is alerted. Retrying would only add
     * another hidden copy.
     */
    NOT_PUBLIC,
    /** A write may or may not have taken effect (timeout, connection lost): read the platform back before retrying. */
    UNKNOWN_OUTCOME
}
