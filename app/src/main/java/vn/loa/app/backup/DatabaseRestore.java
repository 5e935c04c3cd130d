package vn.loa.app.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads an archive written by {@link DatabaseBackup} into an empty database, H2 or PostgreSQL
 * (either may restore the other's archive): the schema is made by this Loa's migrations, which
 * must lead to the archive's schema version; then every table is loaded in one transaction, rows
 * streamed and batched, each table's row count and checksum checked against the manifest before
 * anything is committed; identity columns continue after the restored rows.
 */
public final class DatabaseRestore {

    /** What a restore loaded. */
    public record Restored(BackupManifest manifest, long rows) {}

    private static final int BATCH = 500;
    /** Filled by the migrations themselves; a database holding only these still counts as empty. */
    private static final Set<String> SEEDED = Set.of("theme");

    private final DataSource dataSource;
    private final LoaSchema schema;
    private final JsonMapper json;

    public DatabaseRestore(DataSource dataSource, LoaSchema schema, JsonMapper json) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.json = json;
    }

    public Restored restore(Path archive) throws IOException, SQLException {
        try (var zip = new ZipFile(archive.toFile())) {
            var manifest = manifest(zip, archive);
            var expected = schema.latestVersion();
            if (!expected.equals(manifest.schemaVersion())) {
                throw new RestoreRefused("the archive holds schema version " + manifest.schemaVersion()
                        + " (written by Loa " + manifest.loaVersion() + ") but this Loa makes schema version "
                        + expected + ". Restore it with Loa " + manifest.loaVersion()
                        + ", then start this version to migrate the restored database.");
            }
            try (var c = dataSource.getConnection()) {
                requireEmpty(c, expected);
            }
            schema.migrate();
            try (var c = dataSource.getConnection()) {
                return new Restored(manifest, load(c, zip, manifest));
            }
        }
    }

    private BackupManifest manifest(ZipFile zip, Path archive) throws IOException {
        var entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new RestoreRefused(archive + " is not a Loa backup (it has no " + BackupManifest.ENTRY + ")");
        }
        try (var in = zip.getInputStream(entry)) {
            var manifest = json.readValue(in, BackupManifest.class);
            if (!BackupManifest.FORMAT.equals(manifest.format())
                    || manifest.formatVersion() != BackupManifest.VERSION) {
                throw new RestoreRefused(archive + " is a " + manifest.format() + " archive of format version "
                        + manifest.formatVersion() + "; this Loa reads " + BackupManifest.FORMAT + " version "
                        + BackupManifest.VERSION);
            }
            return manifest;
        }
    }

    /** A new database, or one where this Loa's schema was made and nothing but its seeds was stored. */
    private static void requireEmpty(Connection c, String expected) throws SQLException {
        var tables = LoaTables.all(c);
        if (tables.isEmpty()) {
            return;
        }
        var version = Databases.appliedVersion(c);
        if (version.isEmpty()) {
            throw new RestoreRefused("the database is not empty: it holds tables that are not Loa's (" + first(tables)
                    + "). Restore into a new, empty database.");
        }
        if (!version.get().equals(expected)) {
            throw new RestoreRefused("the database already holds a Loa schema of version " + version.get() + ", not "
                    + expected + ". Restore into a new, empty database.");
        }
        var data = new TreeSet<>(tables);
        data.removeIf(t -> !LoaTables.included(t) || SEEDED.contains(t));
        var filled = LoaTables.nonEmpty(c, data);
        if (!filled.isEmpty()) {
            throw new RestoreRefused("the database is not empty: "
                    + filled.entrySet().stream()
                            .limit(5)
                            .map(e -> e.getKey() + " holds " + e.getValue() + " rows")
                            .collect(Collectors.joining(", "))
                    + ". Restore into a new, empty database (and do not start Loa on it before restoring).");
        }
    }

    private static String first(Set<String> tables) {
        return tables.stream().limit(3).collect(Collectors.joining(", "));
    }

    private long load(Connection c, ZipFile zip, BackupManifest manifest) throws IOException, SQLException {
        c.setAutoCommit(false);
        try {
            var order = LoaTables.inLoadOrder(c);
            var archived = manifest.tables().stream()
                    .map(BackupManifest.Table::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            var missing = new TreeSet<>(order);
            missing.removeAll(archived);
            var unknown = new TreeSet<>(archived);
            unknown.removeAll(new HashSet<>(order));
            if (!missing.isEmpty() || !unknown.isEmpty()) {
                throw new RestoreRefused("the archive's tables do not match this schema (missing: " + missing
                        + ", unknown: " + unknown + ")");
            }
            // The migrations' seeds make way for the archive's rows.
            for (int i = order.size() - 1; i >= 0; i--) {
                try (var st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM " + order.get(i));
                }
            }
            long total = 0;
            var byName = manifest.tables().stream().collect(Collectors.toMap(BackupManifest.Table::name, t -> t));
            for (var name : order) {
                total += loadTable(c, zip, byName.get(name));
            }
            for (var name : order) {
                continueIdentities(c, name);
            }
            c.commit();
            return total;
        } catch (IOException | SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private long loadTable(Connection c, ZipFile zip, BackupManifest.Table table) throws IOException, SQLException {
        var stored = Databases.columns(c, table.name()).stream()
                .map(BackupManifest.Column::name)
                .collect(Collectors.toSet());
        var columns = table.columns();
        var names = columns.stream().map(BackupManifest.Column::name).toList();
        if (!stored.equals(new HashSet<>(names))) {
            throw new RestoreRefused("table " + table.name() + " has columns " + new TreeSet<>(stored) + " here but "
                    + new TreeSet<>(names) + " in the archive");
        }
        var entry = zip.getEntry(table.entry());
        if (entry == null) {
            throw new RestoreRefused(
                    "the archive is damaged: it lists " + table.name() + " but has no " + table.entry());
        }
        var digest = DatabaseBackup.sha256();
        long rows = 0;
        var sql = "INSERT INTO " + table.name() + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest);
                var parser = json.createParser(in);
                var insert = c.prepareStatement(sql)) {
            expect(parser, JsonToken.START_ARRAY, table);
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                for (int i = 0; i < columns.size(); i++) {
                    parser.nextToken();
                    bind(insert, i + 1, columns.get(i).kind(), parser);
                }
                expect(parser, JsonToken.END_ARRAY, table);
                insert.addBatch();
                if (++rows % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            if (rows % BATCH != 0) {
                insert.executeBatch();
            }
            // Read to the end so the checksum covers every byte.
            in.transferTo(OutputStream.nullOutputStream());
        }
        var sha = HexFormat.of().formatHex(digest.digest());
        if (rows != table.rows() || !sha.equals(table.sha256())) {
            throw new RestoreRefused("the archive is damaged: table " + table.name() + " has " + rows
                    + " rows and checksum " + sha + ", its manifest says " + table.rows() + " and " + table.sha256()
                    + "; nothing was restored");
        }
        return rows;
    }

    private static void expect(JsonParser parser, JsonToken token, BackupManifest.Table table) {
        if (parser.nextToken() != token) {
            throw new RestoreRefused("the archive is damaged: table " + table.name() + " is not a list of rows");
        }
    }

    private static void bind(PreparedStatement st, int i, ColumnKind kind, JsonParser p) throws SQLException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            st.setNull(i, sqlType(kind));
            return;
        }
        switch (kind) {
            case LONG -> st.setLong(i, p.getLongValue());
            case DOUBLE -> st.setDouble(i, p.getDoubleValue());
            case BOOLEAN -> st.setBoolean(i, p.getBooleanValue());
            case DECIMAL -> st.setBigDecimal(i, new BigDecimal(p.getString()));
            case TEXT -> st.setString(i, p.getString());
            case INSTANT -> st.setObject(i, Instant.parse(p.getString()).atOffset(ZoneOffset.UTC));
            case LOCAL_DATE_TIME -> st.setObject(i, LocalDateTime.parse(p.getString()));
            case DATE -> st.setObject(i, LocalDate.parse(p.getString()));
            case BINARY -> st.setBytes(i, p.getBinaryValue());
        }
    }

    private static int sqlType(ColumnKind kind) {
        return switch (kind) {
            case LONG -> Types.BIGINT;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case DECIMAL -> Types.NUMERIC;
            case TEXT -> Types.VARCHAR;
            case INSTANT -> Types.TIMESTAMP_WITH_TIMEZONE;
            case LOCAL_DATE_TIME -> Types.TIMESTAMP;
            case DATE -> Types.DATE;
            case BINARY -> Types.BINARY;
        };
    }

    /** Moves each identity column's next value past the restored rows, so new rows never collide with them. */
    private static void continueIdentities(Connection c, String table) throws SQLException {
        for (var column : LoaTables.identityColumns(c, table)) {
            long next;
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table)) {
                rs.next();
                next = rs.getLong(1);
            }
            try (var st = c.createStatement()) {
                st.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next);
            }
        }
    }
}
