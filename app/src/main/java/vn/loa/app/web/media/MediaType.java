package vn.loa.app.web.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file the composer takes, recognised by their first bytes (the "magic numbers" of
 * each format), never by the name or the type the browser claims.
 */
enum MediaType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    MP4("video/mp4", "mp4"),
    MOV("video/quicktime", "mov"),
    AVI("video/x-msvideo", "avi");

    private final String contentType;
    private final String extension;

    MediaType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    /** What the file is, from its head (at least 12 bytes); empty for anything else. */
    static Optional<MediaType> sniff(byte[] head) {
        if (starts(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(head, 0, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "AVI ")) {
            return Optional.of(AVI);
        }
        if (ascii(head, 4, "ftyp")) {
            // ISO base media: QuickTime brands are MOV, the others (isom, mp41, mp42, avc1...) MP4.
            return Optional.of(ascii(head, 8, "qt  ") ? MOV : MP4);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] data, int offset, String text) {
        var bytes = text.getBytes(StandardCharsets.US_ASCII);
        return data.length >= offset + bytes.length
                && Arrays.equals(data, offset, offset + bytes.length, bytes, 0, bytes.length);
    }
}
