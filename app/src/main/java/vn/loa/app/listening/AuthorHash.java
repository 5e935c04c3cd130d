package vn.loa.app.listening;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.loa.connectors.Platform;

/**
 * Turns a commenter's platform id into a keyed hash (HMAC-SHA-256): the same person gives the same
 * hash, so repeated commenters can be counted, but without the key nobody can go back to the id,
 * and Loa never stores a name. Thread-safe (a Mac per call).
 */
public final class AuthorHash {

    private final byte[] key;

    public AuthorHash(byte[] key) {
        if (key.length < 16) {
            throw new IllegalStateException("the commenters' hash key needs at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** The hash of one commenter on one platform; null when the platform did not say who. */
    public String of(Platform platform, String authorId) {
        if (authorId == null || authorId.isBlank()) {
            return null;
        }
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal((platform.name() + ":" + authorId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** A key of its own derived from another secret (the credentials key), so neither reveals the other. */
    static byte[] derived(String secret) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal("loa comment authors".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
