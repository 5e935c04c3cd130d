package vn.loa.connectors.sandbox;

/** A failure the sandbox can be told to answer with, the way each platform answers it. */
public enum Fault {
    /** HTTP 500 before doing anything. */
    SERVER_ERROR,
    /** The platform's rate-limit answer (Facebook code 4 with usage headers, YouTube rateLimitExceeded, Zalo -32). */
    RATE_LIMIT,
    /** The platform's expired-token answer (Facebook 190/463, YouTube 401, Zalo -220). */
    TOKEN_EXPIRED,
    /** Does the work, then answers too late for the client: the caller cannot know whether it took effect. */
    TIMEOUT_AFTER_WRITE,
    /**
     * An upload chunk arrives only in part (YouTube): the platform keeps the first half of what was
     * sent and answers 503, as when the connection breaks partway through a file.
     */
    UPLOAD_CUT_SHORT
}
