package vn.loa.app.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a backup or restore needs to know of the database it talks to. */
final class Databases {

    private Databases() {}

    static boolean isPostgres(Connection c) throws SQLException {
        return product(c).toLowerCase(Locale.ROOT).contains("postgres");
    }

    static String product(Connection c) throws SQLException {
        var meta = c.getMetaData();
        return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    }

    /** The highest schema version Flyway applied, or empty when Flyway never ran here. */
    static Optional<String> appliedVersion(Connection c) throws SQLException {
        if (!LoaTables.all(c).contains("flyway_schema_history")) {
            return Optional.empty();
        }
        var versions = new ArrayList<String>();
        try (var st = c.createStatement();
                var rs = st.executeQuery(
                        // Quoted: Flyway makes the table and its columns lower case, also on H2.
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE"
                                + " AND \"version\" IS NOT NULL")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions.stream().max(Comparator.comparing(Databases::parts, Databases::compare));
    }

    static String schemaVersion(Connection c) throws SQLException {
        return appliedVersion(c)
                .orElseThrow(() -> new IllegalStateException("this database holds no Loa schema (Flyway never ran)"));
    }

    /**
     * The table's columns by name (not in their stored order, which differs between the databases'
     * scripts for Quartz's tables), with how each is written: an archive reads the same whichever
     * database wrote it.
     */
    static List<BackupManifest.Column> columns(Connection c, String table) throws SQLException {
        var generated = generated(c, table);
        var columns = new ArrayList<BackupManifest.Column>();
        try (var st = c.createStatement();
                var rs = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                var name = meta.getColumnName(i).toLowerCase(Locale.ROOT);
                if (!generated.contains(name)) {
                    columns.add(new BackupManifest.Column(name, ColumnKind.of(meta, i)));
                }
            }
        }
        columns.sort(Comparator.comparing(BackupManifest.Column::name));
        return columns;
    }

    /**
     * Computed columns (GENERATED ALWAYS AS …), which the database fills itself: H2 computes the
     * one-live-delivery key that PostgreSQL keeps as a partial index.
     */
    private static Set<String> generated(Connection c, String table) throws SQLException {
        var names = new HashSet<String>();
        try (var rs =
                c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), LoaTables.catalogueName(c, table), "%")) {
            while (rs.next()) {
                if ("YES".equalsIgnoreCase(rs.getString("IS_GENERATEDCOLUMN"))
                        && !"YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                    names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static int[] parts(String version) {
        var split = version.split("[._]");
        var parts = new int[split.length];
        for (int i = 0; i < split.length; i++) {
            parts[i] = Integer.parseInt(split[i]);
        }
        return parts;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    /** Compares two Flyway versions ("35" before "40", "1.2" before "1.10"). */
    static int compareVersions(String a, String b) {
        return compare(parts(a), parts(b));
    }
}
