package vn.loa.app.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.backup.LoaCommands;
import vn.loa.app.support.EngineTestBase;

/**
 * Rotating the credentials key on a real database: {@code rotate-credentials} re-seals every stored
 * credential under the new key, after which the new key alone opens them; the admin API does the
 * same, audited; what no configured key opens is named and the command fails.
 */
class CredentialRotationCommandTest extends EngineTestBase {

    /** The key the test application runs with (see PostgresApiTest). */
    private static final String OLD = "dGVzdC1rZXktb2YtMzItYnl0ZXMtZm9yLWxvYS10ZXM=";

    private static final String NEW = "bmV3LWtleS1vZi0zMi1ieXRlcy1mb3ItbG9hLXRlc3Q=";
    private static final String OTHER = "b3RoZXIta2V5LTMyLWJ5dGVzLWZvci1sb2EtdGVzdHM=";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ownDatabase(registry, "credential_rotation");
    }

    @Autowired
    DataSource dataSource;

    @Test
    void theCommandResealsEveryCredentialSoTheOldKeyIsNoLongerNeeded() throws SQLException {
        var a = connected("FACEBOOK");
        var b = connected("FACEBOOK");
        // One value from before key ids (v1:…), as older Loa versions wrote them.
        jdbc.sql(
                        "UPDATE channel_credential SET sealed = CONCAT('v1:', SPLIT_PART(sealed, ':', 3)) WHERE channel_id = ?")
                .param(b)
                .update();

        // A person's TOTP secret, sealed with the same key.
        var totpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        jdbc.sql("DELETE FROM user_totp WHERE username = 'planner'").update();
        jdbc.sql("INSERT INTO user_totp (username, sealed_secret, created_at) VALUES ('planner', ?, CURRENT_TIMESTAMP)")
                .param(new CredentialCipher(OLD).seal(totpSecret, CredentialCipher.Binding.totp("planner")))
                .update();

        var first = rotate("--loa.credentials.key=" + NEW, "--loa.credentials.old-keys=" + OLD);
        assertThat(first.code()).as(first.output()).isZero();
        assertThat(first.output()).contains("1 TOTP secrets re-sealed");
        var totpSealed = jdbc.sql("SELECT sealed_secret FROM user_totp WHERE username = 'planner'")
                .query(String.class)
                .single();
        assertThat(new CredentialCipher(NEW).open(totpSealed, CredentialCipher.Binding.totp("planner")))
                .as("the new key alone opens the TOTP secret")
                .isEqualTo(totpSecret);
        assertThatThrownBy(() -> new CredentialCipher(NEW).open(totpSealed, CredentialCipher.Binding.totp("admin")))
                .as("bound to its person")
                .hasMessageNotContaining(totpSecret);
        jdbc.sql("DELETE FROM user_totp WHERE username = 'planner'").update();
        assertThat(first.output()).contains("re-sealed under key " + new CredentialCipher(NEW).currentKeyId());
        var newOnly = new CredentialCipher(NEW);
        for (var channel : List.of(a, b)) {
            var sealed = sealed(channel);
            assertThat(sealed).startsWith("v2:" + newOnly.currentKeyId() + ":");
            assertThat(newOnly.open(sealed, channel)).as("the new key alone").contains("sandbox-page-token");
        }
        var again = rotate("--loa.credentials.key=" + NEW);
        assertThat(again.code()).isZero();
        assertThat(again.output()).contains("re-sealed under key").contains("already were");

        // A value sealed with a key nobody configured: named, not re-sealed, the command fails.
        jdbc.sql("UPDATE channel_credential SET sealed = ? WHERE channel_id = ?")
                .params(new CredentialCipher(OTHER).seal("{\"pageToken\":\"x\"}", a), a)
                .update();
        var unknown = rotate("--loa.credentials.key=" + NEW);
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.output())
                .contains("not re-sealed: channel " + a)
                .contains("neither loa.credentials.key")
                .doesNotContain(OTHER);
    }

    @Test
    void administratorsRotateThroughTheApiAndEachResealingIsAudited() {
        var legacy = connected("FACEBOOK");
        jdbc.sql(
                        "UPDATE channel_credential SET sealed = CONCAT('v1:', SPLIT_PART(sealed, ':', 3)) WHERE channel_id = ?")
                .param(legacy)
                .update();
        assertThat(as("planner").post("/api/credentials/rotate", null).status()).isEqualTo(403);
        var rotated = as("admin").post("/api/credentials/rotate", null);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.body().path("resealed").toString()).contains(String.valueOf(legacy));
        assertThat(sealed(legacy)).startsWith("v2:");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE subject = 'CHANNEL' AND subject_id = ?"
                                + " AND to_state = 'CREDENTIALS_RESEALED' AND actor = 'admin'")
                        .param(legacy)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(rotated.text()).doesNotContain("sandbox-page-token");
    }

    private String sealed(long channel) {
        return jdbc.sql("SELECT sealed FROM channel_credential WHERE channel_id = ?")
                .param(channel)
                .query(String.class)
                .single();
    }

    private record Run(int code, String output) {}

    private Run rotate(String... settings) throws SQLException {
        String url;
        try (var c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        var args = new ArrayList<>(List.of(
                "rotate-credentials",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password="));
        args.addAll(List.of(settings));
        var out = new ByteArrayOutputStream();
        var print = new PrintStream(out, true, StandardCharsets.UTF_8);
        var code = LoaCommands.run(args.toArray(String[]::new), print, print).orElseThrow();
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }
}
