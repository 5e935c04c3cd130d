package vn.loa.app.backup;

import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * This Loa's schema, by the same Flyway migrations the application runs at start-up (the common
 * ones and those of the database in use).
 */
public final class LoaSchema {

    private final Flyway flyway;

    public LoaSchema(DataSource dataSource) {
        String vendor;
        try (var c = dataSource.getConnection()) {
            vendor = Databases.isPostgres(c) ? "postgresql" : "h2";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .load();
    }

    /** The version the migrations of this Loa lead to. */
    public String latestVersion() {
        return Arrays.stream(flyway.info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null)
                .map(v -> v.getVersion())
                .max(Databases::compareVersions)
                .orElseThrow();
    }

    public void migrate() {
        flyway.migrate();
    }
}
