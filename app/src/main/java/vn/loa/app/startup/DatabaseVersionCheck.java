package vn.loa.app.startup;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Refuses a PostgreSQL older than 15 before anything else touches it. Loa's engagement rollups use
 * MERGE, which PostgreSQL has only since 15; on an older server they would fail at the first
 * collection, long after start-up. Hooked in as a Flyway customizer because Flyway asks for its
 * customizers before it migrates: the check runs first, on the same data source.
 */
@Component
class DatabaseVersionCheck implements FlywayConfigurationCustomizer {

    static final int POSTGRESQL_MINIMUM = 15;

    @Override
    public void customize(FluentConfiguration configuration) {
        DataSource dataSource = configuration.getDataSource();
        if (dataSource == null) {
            return;
        }
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            require(meta.getDatabaseProductName(), meta.getDatabaseMajorVersion(), meta.getDatabaseProductVersion());
        } catch (SQLException e) {
            // Unreachable or refused: Flyway's own connection fails next, with the cause the
            // start-up analyzer explains.
        }
    }

    static void require(String product, int major, String version) {
        if ("PostgreSQL".equalsIgnoreCase(product) && major < POSTGRESQL_MINIMUM) {
            throw new UnsupportedDatabase("Loa needs PostgreSQL " + POSTGRESQL_MINIMUM
                    + " or newer (its engagement rollups use MERGE); this database is PostgreSQL " + version);
        }
    }
}
