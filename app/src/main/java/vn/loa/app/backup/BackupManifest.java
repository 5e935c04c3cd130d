package vn.loa.app.backup;

import java.time.Instant;
import java.util.List;

/**
 * What an archive holds, written as {@code manifest.json} beside one {@code tables/<name>.json}
 * entry per table (a JSON array of rows, each an array of values in the manifest's column order).
 *
 * @param format        always {@link #FORMAT}
 * @param formatVersion this layout's version; a restore refuses one it does not know
 * @param loaVersion    the Loa version that wrote it
 * @param schemaVersion the Flyway schema version of the database it was taken from
 * @param database      the database product and version it was taken from
 * @param createdAt     when the snapshot was taken
 * @param tables        every table, in an order that loads parents before children
 */
public record BackupManifest(
        String format,
        int formatVersion,
        String loaVersion,
        String schemaVersion,
        String database,
        Instant createdAt,
        List<Table> tables) {

    public static final String FORMAT = "loa-backup";
    public static final int VERSION = 1;
    static final String ENTRY = "manifest.json";

    /** One table: its columns, how many rows and the SHA-256 of its entry's bytes. */
    public record Table(String name, List<Column> columns, long rows, String sha256) {

        String entry() {
            return "tables/" + name + ".json";
        }
    }

    public record Column(String name, ColumnKind kind) {}

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
