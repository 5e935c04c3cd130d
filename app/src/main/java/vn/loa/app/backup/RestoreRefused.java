package vn.loa.app.backup;

/** A restore that did not start, or stopped and rolled back, for a reason the operator can act on. */
public final class RestoreRefused extends RuntimeException {

    public RestoreRefused(String message) {
        super(message);
    }

    public RestoreRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
