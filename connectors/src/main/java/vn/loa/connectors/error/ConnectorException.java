package vn.loa.connectors.error;

import java.time.Duration;
import vn.loa.connectors.Platform;

/**
 * The one exception every connector throws. Its fields are machine-readable; the message never
 * contains a token or other secret.
 */
public class ConnectorException extends RuntimeException {

    private final Platform platform;
    private final FailureKind kind;
    private final String platformCode;
    private final Integer httpStatus;
    private final Duration retryAfter;
    private final String userMessage;

    public ConnectorException(
            Platform platform,
            FailureKind kind,
            String platformCode,
            Integer httpStatus,
            Duration retryAfter,
            String userMessage,
            String message,
            Throwable cause) {
        super(platform + " " + kind + (platformCode == null ? "" : " [" + platformCode + "]") + ": " + message, cause);
        this.platform = platform;
        this.kind = kind;
        this.platformCode = platformCode;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.userMessage = userMessage;
    }

    public static ConnectorException of(Platform platform, FailureKind kind, String code, String message) {
        return new ConnectorException(platform, kind, code, null, null, null, message, null);
    }

    public Platform platform() {
        return platform;
    }

    public FailureKind kind() {
        return kind;
    }

    /** The platform's own code, e.g. {@code 190/463}, {@code quotaExceeded}, {@code -220}. */
    public String platformCode() {
        return platformCode;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    /** How long to wait before trying again, when the platform said (rate limits); otherwise null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The platform's explanation, fit to show the person who wrote the content (rejections). */
    public String userMessage() {
        return userMessage;
    }
}
