package vn.loa.app.connection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals platform credentials with AES-256-GCM before they reach the database. Each value gets a
 * fresh 96-bit nonce; the channel id is bound in as associated data, so a sealed value copied to
 * another channel's row does not open.
 *
 * <p>Keys rotate: values are sealed with the current key ({@code loa.credentials.key}) and name it
 * by its key id ({@code v2:<id>:…}, the id being the first 8 hex digits of the key's SHA-256, which
 * says which key to use without saying anything usable about it); older keys
 * ({@code loa.credentials.old-keys}) still open what they sealed until the stored values are
 * re-sealed ({@link #reseal}) and the old key can go. Values from before key ids ({@code v1:…})
 * are opened with whichever configured key fits.
 */
public final class CredentialCipher {

    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentId;
    /** Every configured key by its id, the current one first. */
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(String base64Key) {
        this(base64Key, List.of());
    }

    /** From the settings: the current key and a comma-separated list of old ones (either may be empty). */
    public static CredentialCipher of(String base64Key, String oldBase64Keys) {
        var old = oldBase64Keys == null || oldBase64Keys.isBlank()
                ? List.<String>of()
                : List.of(oldBase64Keys.split(","));
        return new CredentialCipher(base64Key, old);
    }

    public CredentialCipher(String base64Key, List<String> oldBase64Keys) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new CredentialsKeyProblem(
                    "loa.credentials.key",
                    "loa.credentials.key (env LOA_CREDENTIALS_KEY) is not set. Loa will not start"
                            + " without a key to encrypt platform tokens at rest; make one with: openssl rand -base64 32");
        }
        var current = key(base64Key, "loa.credentials.key");
        this.currentId = id(current);
        keys.put(currentId, new SecretKeySpec(current, "AES"));
        for (var old : oldBase64Keys) {
            if (old != null && !old.isBlank()) {
                var bytes = key(old, "loa.credentials.old-keys");
                keys.putIfAbsent(id(bytes), new SecretKeySpec(bytes, "AES"));
            }
        }
    }

    private static byte[] key(String base64Key, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new CredentialsKeyProblem(setting, setting + " is not valid base64");
        }
        if (bytes.length != 32) {
            throw new CredentialsKeyProblem(
                    setting,
                    setting + " must be 32 bytes (256 bits), base64-encoded; it is " + bytes.length + " bytes");
        }
        return bytes;
    }

    /** A key's id: the first 8 hex digits of its SHA-256. */
    private static String id(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The id of the key new values are sealed with. */
    public String currentKeyId() {
        return currentId;
    }

    public String seal(String plain, long channelId) {
        return seal(plain, channel(channelId));
    }

    public String open(String sealed, long channelId) {
        return open(sealed, channel(channelId));
    }

    /**
     * Another secret sealed under the same keys (and re-sealed with them on rotation), bound to
     * what it belongs to, so that it opens only for that purpose: {@code purpose} is e.g.
     * {@code "totp:" + username}, {@code what} names it in messages (never its value).
     */
    public record Binding(String purpose, String what) {

        /** A person's TOTP secret: sealed to their username. */
        public static Binding totp(String username) {
            return new Binding("totp:" + username, "TOTP secret of " + username);
        }
    }

    public String seal(String plain, Binding binding) {
        try {
            var nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(binding));
            var sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            var out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return V2 + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt " + binding.what(), e);
        }
    }

    public String open(String sealed, Binding binding) {
        if (sealed.startsWith(V2)) {
            var colon = sealed.indexOf(':', V2.length());
            if (colon < 0) {
                throw new IllegalStateException("unknown credential format");
            }
            var keyId = sealed.substring(V2.length(), colon);
            var key = keys.get(keyId);
            if (key == null) {
                throw new IllegalStateException("stored " + binding.what() + " were sealed with key "
                        + keyId + ", which is neither loa.credentials.key (" + currentId
                        + ") nor one of loa.credentials.old-keys; add the key they were sealed with to"
                        + " LOA_CREDENTIALS_OLD_KEYS, or set them up again");
            }
            return open(key, sealed.substring(colon + 1), binding)
                    .orElseThrow(() -> new IllegalStateException("stored " + binding.what()
                            + " cannot be decrypted with key " + keyId
                            + " (tampered with, or copied from another row)"));
        }
        if (sealed.startsWith(V1)) {
            for (var key : keys.values()) {
                var plain = open(key, sealed.substring(V1.length()), binding);
                if (plain.isPresent()) {
                    return plain.get();
                }
            }
            // Wrong key or tampered value: say so without echoing anything of the value.
            throw new IllegalStateException("stored " + binding.what() + " cannot be decrypted with the configured key"
                    + (keys.size() > 1 ? "s" : ""));
        }
        throw new IllegalStateException("unknown credential format");
    }

    /** Whether a stored value is sealed with another key than the current one (or before key ids). */
    public boolean needsResealing(String sealed) {
        return !sealed.startsWith(V2 + currentId + ":");
    }

    /** The value opened with whichever key sealed it and sealed again with the current key. */
    public String reseal(String sealed, long channelId) {
        return seal(open(sealed, channelId), channelId);
    }

    public String reseal(String sealed, Binding binding) {
        return seal(open(sealed, binding), binding);
    }

    /** The ids of every configured key, the current one first (for messages; never the keys). */
    public List<String> keyIds() {
        return new ArrayList<>(keys.keySet());
    }

    private static Optional<String> open(SecretKey key, String base64, Binding binding) {
        try {
            var bytes = Base64.getDecoder().decode(base64);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(aad(binding));
            return Optional.of(
                    new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Binding channel(long channelId) {
        return new Binding("channel:" + channelId, "credentials of channel " + channelId);
    }

    private static byte[] aad(Binding binding) {
        return ("loa-" + binding.purpose()).getBytes(StandardCharsets.UTF_8);
    }
}
