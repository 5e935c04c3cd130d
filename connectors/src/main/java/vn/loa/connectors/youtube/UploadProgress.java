package vn.loa.connectors.youtube;

/** Told how far a resumable upload has come, per delivery attempt. */
@FunctionalInterface
public interface UploadProgress {

    UploadProgress NONE = (key, sent, total) -> {};

    /** {@code total} is -1 when the file's length is unknown. */
    void progressed(String idempotencyKey, long bytesSent, long total);
}
