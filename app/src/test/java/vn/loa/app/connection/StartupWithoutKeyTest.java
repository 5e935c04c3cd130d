package vn.loa.app.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.loa.app.LoaApplication;

/** Outside the demo profile Loa refuses to start without a key to seal platform tokens. */
class StartupWithoutKeyTest {

    @Test
    void loaRefusesToStartWithoutACredentialsKey() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LoaApplication.class)
                        .run("--spring.datasource.url=jdbc:h2:mem:nokey", "--server.port=0", "--loa.credentials.key=")
                        .close())
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause()
                .hasMessageContaining("loa.credentials.key")
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedAndARightOneSealsAndOpens() {
        assertThatThrownBy(() -> new CredentialCipher("c2hvcnQ=")).hasMessageContaining("32 bytes");
        var cipher = new CredentialCipher("dGVzdC1rZXktb2YtMzItYnl0ZXMtZm9yLWxvYS10ZXM=");
        var sealed = cipher.seal("{\"pageToken\":\"secret\"}", 7);
        assertThat(sealed).doesNotContain("secret");
        assertThat(cipher.seal("{\"pageToken\":\"secret\"}", 7)).isNotEqualTo(sealed);
        assertThat(cipher.open(sealed, 7)).isEqualTo("{\"pageToken\":\"secret\"}");
        assertThatThrownBy(() -> cipher.open(sealed, 8))
                .hasMessageContaining("cannot be decrypted")
                .hasMessageNotContaining("secret");
    }
}
