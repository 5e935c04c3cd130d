package vn.loa.app.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.loa.app.connection.CredentialCipher;

/**
 * Each known start-up fault, as it arrives wrapped in bean-creation exceptions, is told as one short
 * "what is wrong / what to do".
 */
class StartupFailuresTest {

    @Test
    void withoutACredentialsKeyLoaSaysWhichSettingAndHowToMakeOne() {
        var failure = catchThrowable(() -> new CredentialCipher(""));
        var analysis = new StartupFailureAnalyzers.CredentialsKey()
                .analyze(new IllegalStateException("bean creation", failure));

        assertThat(analysis.getDescription()).contains("LOA_CREDENTIALS_KEY");
        assertThat(analysis.getAction()).contains("openssl rand -base64 32").contains("demo");
    }

    @Test
    void anUnreachableDatabaseIsNamedWithoutItsPassword() {
        var environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/loa?password=secret-in-url");
        var refused = new SQLException("Connection refused", "08001", new ConnectException("Connection refused"));
        var analysis = new StartupFailureAnalyzers.DatabaseUnreachable(environment)
                .analyze(new IllegalStateException("bean creation", refused));

        assertThat(analysis.getDescription())
                .contains("Loa cannot reach its database at jdbc:postgresql://127.0.0.1:1/loa")
                .doesNotContain("secret-in-url");
        assertThat(analysis.getAction()).contains("LOA_DB_URL");
        assertThat(new StartupFailureAnalyzers.DatabaseUnreachable(environment)
                        .analyze(new SQLException("syntax error", "42601")))
                .as("other SQL failures are not called unreachable")
                .isNull();
    }

    @Test
    void aPostgreSqlOlderThan15IsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> DatabaseVersionCheck.require("PostgreSQL", 14, "14.11"))
                .isInstanceOf(UnsupportedDatabase.class)
                .hasMessageContaining("PostgreSQL 15 or newer")
                .hasMessageContaining("14.11");
        DatabaseVersionCheck.require("PostgreSQL", 15, "15.6");
        DatabaseVersionCheck.require("H2", 2, "2.3.232");

        var analysis = new StartupFailureAnalyzers.OldDatabase()
                .analyze(new IllegalStateException("wrapped", new UnsupportedDatabase("Loa needs PostgreSQL 15")));
        assertThat(analysis.getAction()).contains("Upgrade").contains("spring.datasource.url");
    }
}
