package vn.loa.app.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes everything Loa holds to one ZIP archive, from one snapshot: a single read-only transaction
 * (REPEATABLE READ on PostgreSQL, which reads every table as of its first statement; SERIALIZABLE
 * on H2, its snapshot level), so that an archive never holds a delivery without its content item
 * however busy the instance is. Rows are streamed (a fetch size on PostgreSQL, which otherwise
 * reads a whole result into memory), so memory stays flat whatever the table sizes; the largest
 * single value held at once is one uploaded media file. Credentials are copied as stored: sealed.
 */
public final class DatabaseBackup {

    private static final int FETCH = 500;

    private final DataSource dataSource;
    private final JsonMapper json;
    private final Clock clock;
    private final String loaVersion;

    public DatabaseBackup(DataSource dataSource, JsonMapper json, Clock clock, String loaVersion) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
        this.loaVersion = loaVersion;
    }

    /** Writes the archive to {@code file}, through a temporary file beside it so that a half-written archive never has the name. */
    public BackupManifest write(Path file) throws IOException, SQLException {
        var absolute = file.toAbsolutePath();
        var parent = absolute.getParent();
        Files.createDirectories(parent);
        var part = parent.resolve(absolute.getFileName() + ".part");
        try (var out = Files.newOutputStream(part)) {
            var manifest = write(out);
            out.close();
            Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    public BackupManifest write(OutputStream out) throws IOException, SQLException {
        try (var c = dataSource.getConnection()) {
            var postgres = Databases.isPostgres(c);
            c.setAutoCommit(false);
            c.setTransactionIsolation(
                    postgres ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_SERIALIZABLE);
            c.setReadOnly(true);
            try {
                var schema = Databases.schemaVersion(c);
                var createdAt = clock.instant();
                var zip = new ZipOutputStream(out);
                var tables = new ArrayList<BackupManifest.Table>();
                for (var table : LoaTables.inLoadOrder(c)) {
                    tables.add(writeTable(c, table, zip));
                }
                var manifest = new BackupManifest(
                        BackupManifest.FORMAT,
                        BackupManifest.VERSION,
                        loaVersion,
                        schema,
                        Databases.product(c),
                        createdAt,
                        List.copyOf(tables));
                zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
                json.writerWithDefaultPrettyPrinter().writeValue(new Unclosed(zip), manifest);
                zip.closeEntry();
                zip.finish();
                c.commit();
                return manifest;
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        }
    }

    private BackupManifest.Table writeTable(Connection c, String table, ZipOutputStream zip)
            throws IOException, SQLException {
        var columns = Databases.columns(c, table);
        var names = columns.stream().map(BackupManifest.Column::name).toList();
        var sql = "SELECT " + String.join(", ", names) + " FROM " + table + " ORDER BY " + order(c, table, columns);
        var entry = new BackupManifest.Table(table, columns, 0, null).entry();
        zip.putNextEntry(new ZipEntry(entry));
        var digest = sha256();
        long rows = 0;
        try (var st = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(FETCH);
            try (var rs = st.executeQuery();
                    var out = json.createGenerator(new DigestOutputStream(new Unclosed(zip), digest))) {
                out.writeStartArray();
                while (rs.next()) {
                    out.writeStartArray();
                    for (int i = 0; i < columns.size(); i++) {
                        value(out, rs, i + 1, columns.get(i).kind());
                    }
                    out.writeEndArray();
                    rows++;
                }
                out.writeEndArray();
            }
        }
        zip.closeEntry();
        return new BackupManifest.Table(table, columns, rows, HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * The primary key (or every column), text compared by code point on both databases
     * (PostgreSQL's "C" collation; H2's default), so that rows come in the same order from either.
     */
    private static String order(Connection c, String table, List<BackupManifest.Column> columns) throws SQLException {
        var postgres = Databases.isPostgres(c);
        var names = columns.stream().map(BackupManifest.Column::name).toList();
        var text = columns.stream()
                .filter(col -> col.kind() == ColumnKind.TEXT)
                .map(BackupManifest.Column::name)
                .toList();
        return LoaTables.orderColumns(c, table, names).stream()
                .map(n -> postgres && text.contains(n) ? n + " COLLATE \"C\"" : n)
                .collect(Collectors.joining(", "));
    }

    /** One value in its archive form (see {@link ColumnKind}). */
    private static void value(JsonGenerator out, ResultSet rs, int i, ColumnKind kind) throws SQLException {
        switch (kind) {
            case LONG -> {
                var v = rs.getLong(i);
                if (rs.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeNumber(v);
                }
            }
            case DOUBLE -> {
                var v = rs.getDouble(i);
                if (rs.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeNumber(v);
                }
            }
            case BOOLEAN -> {
                var v = rs.getBoolean(i);
                if (rs.wasNull()) {
                    out.writeNull();
                } else {
                    out.writeBoolean(v);
                }
            }
            case DECIMAL ->
                text(
                        out,
                        rs.getBigDecimal(i) == null ? null : rs.getBigDecimal(i).toPlainString());
            case TEXT -> text(out, rs.getString(i));
            case INSTANT -> {
                var v = rs.getObject(i, OffsetDateTime.class);
                text(out, v == null ? null : v.toInstant().toString());
            }
            case LOCAL_DATE_TIME -> {
                var v = rs.getObject(i, LocalDateTime.class);
                text(out, v == null ? null : v.toString());
            }
            case DATE -> {
                var v = rs.getObject(i, LocalDate.class);
                text(out, v == null ? null : v.toString());
            }
            case BINARY -> {
                var v = rs.getBytes(i);
                if (v == null) {
                    out.writeNull();
                } else {
                    out.writeBinary(v);
                }
            }
        }
    }

    private static void text(JsonGenerator out, String value) {
        if (value == null) {
            out.writeNull();
        } else {
            out.writeString(value);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Lets a writer close what it wrote without closing the archive around it. */
    private static final class Unclosed extends FilterOutputStream {

        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
            try {
                flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
