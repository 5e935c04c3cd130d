package vn.loa.app.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.loa.app.LoaApplication;

/**
 * Loa started for real with a known fault prints one short "what is wrong / what to do" and no
 * stack trace of nested bean-creation exceptions.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailuresTest {

    private static final String KEY = "dGVzdC1rZXktb2YtMzItYnl0ZXMtZm9yLWxvYS10ZXM=";

    @Test
    void withoutACredentialsKeyLoaSaysWhichSettingAndHowToMakeOne(CapturedOutput output) {
        start(Map.of("loa.credentials.key", "", "spring.datasource.url", "jdbc:h2:mem:startup-nokey"));

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("LOA_CREDENTIALS_KEY")
                .contains("openssl rand -base64 32")
                .doesNotContain("UnsatisfiedDependencyException")
                .doesNotContain("\tat org.springframework");
    }

    @Test
    void anUnreachableDatabaseIsNamedWithoutItsPassword(CapturedOutput output) {
        start(Map.of(
                "loa.credentials.key",
                KEY,
                "spring.datasource.url",
                "jdbc:postgresql://127.0.0.1:1/loa?password=secret-in-url",
                "spring.datasource.username",
                "loa",
                "spring.datasource.hikari.connection-timeout",
                "2000"));

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Loa cannot reach its database at jdbc:postgresql://127.0.0.1:1/loa")
                .contains("LOA_DB_URL")
                .doesNotContain("secret-in-url")
                .doesNotContain("UnsatisfiedDependencyException")
                .doesNotContain("\tat org.springframework");
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

    private static void start(Map<String, Object> properties) {
        var all = new HashMap<String, Object>(properties);
        all.put("server.port", "0");
        all.put("loa.engine.loop", "false");
        all.put("loa.connectors.sandbox.enabled", "false");
        all.put("spring.quartz.auto-startup", "false");
        assertThatThrownBy(() -> new SpringApplicationBuilder(LoaApplication.class)
                        .properties(all)
                        .run())
                .isInstanceOf(Exception.class);
    }
}
