package vn.loa.app.startup;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import vn.loa.app.connection.CredentialsKeyProblem;

/**
 * Start-up failures with a known cause, told as "what is wrong / what to do" instead of a wall of
 * nested bean-creation exceptions (Spring Boot prints only the analysis; the stack trace goes to
 * the debug log). Registered in META-INF/spring.factories, ahead of Spring Boot's own analyzers.
 */
public final class StartupFailureAnalyzers {

    private StartupFailureAnalyzers() {}

    /** No credentials key, or one that is not 32 bytes of base64. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static final class CredentialsKey extends AbstractFailureAnalyzer<CredentialsKeyProblem> {

        @Override
        protected FailureAnalysis analyze(Throwable root, CredentialsKeyProblem cause) {
            return new FailureAnalysis(
                    cause.getMessage() + ". Loa keeps the platforms' tokens encrypted at rest and will not start"
                            + " without the key.",
                    "Make a key with `openssl rand -base64 32` and set it as the environment variable"
                            + " LOA_CREDENTIALS_KEY (or " + cause.setting() + "). Keep it: the stored channel"
                            + " credentials can only be opened with the key that sealed them. To try Loa without"
                            + " one, start the demo profile (--spring.profiles.active=demo).",
                    cause);
        }
    }

    /** The database does not answer: connection refused, unknown host, or any SQL state of class 08. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static final class DatabaseUnreachable extends AbstractFailureAnalyzer<SQLException> {

        private final Environment environment;

        public DatabaseUnreachable(Environment environment) {
            this.environment = environment;
        }

        @Override
        protected FailureAnalysis analyze(Throwable root, SQLException cause) {
            if (!unreachable(root, cause)) {
                return null;
            }
            return new FailureAnalysis(
                    "Loa cannot reach its database at " + url() + " (" + cause.getMessage() + ").",
                    "Check that the database server is running and reachable from this machine, and that"
                            + " LOA_DB_URL, LOA_DB_USER and LOA_DB_PASSWORD (spring.datasource.*) are"
                            + " right. Loa needs PostgreSQL 15 or newer; without a URL it uses an H2 file in"
                            + " ./data.",
                    cause);
        }

        private static boolean unreachable(Throwable root, SQLException cause) {
            if (cause.getSQLState() != null && cause.getSQLState().startsWith("08")) {
                return true;
            }
            for (var t = root; t != null; t = t.getCause()) {
                if (t instanceof ConnectException || t instanceof UnknownHostException) {
                    return true;
                }
            }
            return false;
        }

        /** The URL without its query, where a password may be written. */
        private String url() {
            var url = environment.getProperty("spring.datasource.url", "(no spring.datasource.url)");
            var query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query);
        }
    }

    /** A PostgreSQL older than 15. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static final class OldDatabase extends AbstractFailureAnalyzer<UnsupportedDatabase> {

        @Override
        protected FailureAnalysis analyze(Throwable root, UnsupportedDatabase cause) {
            return new FailureAnalysis(
                    cause.getMessage() + ".",
                    "Upgrade the server to PostgreSQL 15 or newer (pg_upgrade, or dump and restore), or point"
                            + " spring.datasource.url at one that is. Nothing was changed in this database.",
                    cause);
        }
    }
}
