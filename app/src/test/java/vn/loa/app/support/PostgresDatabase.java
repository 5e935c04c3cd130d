package vn.loa.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One real PostgreSQL server per test JVM, started on first use and stopped when the JVM exits. */
public final class PostgresDatabase {

    private static EmbeddedPostgres server;

    private PostgresDatabase() {}

    /**
     * A database of its own on the same server, made afresh (dropped first if a previous run left
     * it), for tests that drive the publishing engine and the clock: what they do to due
     * deliveries, attempts and channels touches no other test's rows.
     */
    public static synchronized String ownDatabase(String name) {
        var admin = jdbcUrl();
        try (var c = DriverManager.getConnection(admin, "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name);
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return admin.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    public static synchronized String jdbcUrl() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        }
        return server.getJdbcUrl("postgres", "postgres");
    }
}
