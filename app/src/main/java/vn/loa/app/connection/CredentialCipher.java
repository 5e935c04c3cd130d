package vn.loa.app.connection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals platform credentials with AES-256-GCM before they reach the database. Each value gets a
 * fresh 96-bit nonce; the channel id is bound in as associated data, so a sealed value copied to
 * another channel's row does not open.
 */
public final class CredentialCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException(
                    "loa.credentials.key (env LOA_CREDENTIALS_KEY) is not set. Loa will not start"
                            + " without a key to encrypt platform tokens at rest; make one with: openssl rand -base64 32");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("loa.credentials.key is not valid base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("loa.credentials.key must be 32 bytes (256 bits), base64-encoded; it is "
                    + bytes.length + " bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(String plain, long channelId) {
        try {
            var nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(channelId));
            var sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            var out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt credentials", e);
        }
    }

    public String open(String sealed, long channelId) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown credential format");
        }
        try {
            var bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(aad(channelId));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Wrong key or tampered value: say so without echoing anything of the value.
            throw new IllegalStateException(
                    "stored credentials of channel " + channelId + " cannot be decrypted with the configured key");
        }
    }

    private static byte[] aad(long channelId) {
        return ("loa-channel:" + channelId).getBytes(StandardCharsets.UTF_8);
    }
}
