package vn.loa.connectors;

import java.time.Duration;

/**
 * A photo or video by its address. Size, type and length are what Loa knows of the file; they may
 * be unknown (null), in which case the platform's own check is the only one.
 */
public record Media(String url, String contentType, Long sizeBytes, Duration length) {

    public static Media of(String url) {
        return new Media(url, null, null, null);
    }
}
