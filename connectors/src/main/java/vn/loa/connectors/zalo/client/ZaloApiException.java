package vn.loa.connectors.zalo.client;

/** A Zalo answer with a non-zero {@code error}, or an HTTP failure (then {@code error} is 0 and {@code httpStatus} says). */
public class ZaloApiException extends RuntimeException {

    private final int error;
    private final int httpStatus;

    public ZaloApiException(int error, int httpStatus, String message) {
        super("Zalo error " + error + (httpStatus == 200 ? "" : " (HTTP " + httpStatus + ")") + ": " + message);
        this.error = error;
        this.httpStatus = httpStatus;
    }

    public int error() {
        return error;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
