package vn.loa.app.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rotating the key that seals credentials: the old key keeps opening until re-sealing makes it unnecessary. */
class CredentialKeyRotationTest {

    private static final String OLD = "b2xkLWtleS1vZi0zMi1ieXRlcy1mb3ItbG9hLXRlc3Q=";
    private static final String NEW = "bmV3LWtleS1vZi0zMi1ieXRlcy1mb3ItbG9hLXRlc3Q=";
    private static final String OTHER = "b3RoZXIta2V5LTMyLWJ5dGVzLWZvci1sb2EtdGVzdHM=";
    private static final String PLAIN = "{\"pageToken\":\"EAAB-secret\"}";

    @Test
    void sealedWithTheOldKeyOpensDuringTheRotationAndWithTheNewKeyAloneAfterResealing() {
        var before = new CredentialCipher(OLD).seal(PLAIN, 7);
        var rotating = new CredentialCipher(NEW, List.of(OLD));
        assertThat(rotating.open(before, 7)).isEqualTo(PLAIN);
        assertThat(rotating.needsResealing(before)).isTrue();
        assertThat(rotating.seal(PLAIN, 7)).startsWith("v2:" + rotating.currentKeyId() + ":");

        var after = rotating.reseal(before, 7);
        assertThat(rotating.needsResealing(after)).isFalse();
        assertThat(after).doesNotContain("secret");
        var newOnly = new CredentialCipher(NEW);
        assertThat(newOnly.open(after, 7)).as("the old key is no longer needed").isEqualTo(PLAIN);
        assertThatThrownBy(() -> newOnly.open(before, 7))
                .hasMessageContaining("sealed with key " + new CredentialCipher(OLD).currentKeyId())
                .hasMessageContaining("LOA_CREDENTIALS_OLD_KEYS")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aValueSealedWithAnUnknownKeyGivesAClearErrorThatNamesTheKeyIdOnly() {
        var sealed = new CredentialCipher(OTHER).seal(PLAIN, 3);
        var cipher = new CredentialCipher(NEW, List.of(OLD));
        assertThatThrownBy(() -> cipher.open(sealed, 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("channel 3")
                .hasMessageContaining("neither loa.credentials.key")
                .hasMessageNotContaining(OTHER)
                .hasMessageNotContaining("secret");
        assertThat(cipher.keyIds()).containsExactly(cipher.currentKeyId(), new CredentialCipher(OLD).currentKeyId());
    }

    @Test
    void valuesSealedBeforeKeyIdsStillOpenWithWhicheverKeyFits() {
        // The first format, v1:base64(nonce | ciphertext), sealed with what is now the old key.
        var v1 = "v1:" + new CredentialCipher(OLD).seal(PLAIN, 5).split(":", 3)[2];
        var rotating = new CredentialCipher(NEW, List.of(OLD));
        assertThat(rotating.open(v1, 5)).isEqualTo(PLAIN);
        assertThat(rotating.needsResealing(v1)).isTrue();
        assertThatThrownBy(() -> new CredentialCipher(NEW).open(v1, 5)).hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() -> rotating.open(v1, 6))
                .as("bound to its channel")
                .hasMessageContaining("channel 6");
    }

    @Test
    void anOldKeyOfTheWrongSizeIsRefusedByName() {
        assertThatThrownBy(() -> new CredentialCipher(NEW, List.of("c2hvcnQ=")))
                .hasMessageContaining("loa.credentials.old-keys")
                .hasMessageContaining("32 bytes");
    }
}
