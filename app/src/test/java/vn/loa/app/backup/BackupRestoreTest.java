package vn.loa.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.support.EngineTestBase;
import vn.loa.app.support.PostgresDatabase;

/**
 * Backup and restore of a populated instance: the archive restores into an empty PostgreSQL and an
 * empty H2 database with every table equal to the original, row for row; refusals are clear and
 * leave the target as it was; the scheduled backup keeps the latest N archives.
 */
class BackupRestoreTest extends EngineTestBase {

    private static final Path SCHEDULED_DIR = tempDir();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ownDatabase(registry, "backup_source");
        // The source must stand still between the snapshot and the comparison.
        registry.add("loa.engagement.run-every", () -> "0 0 0 1 1 ? 2099");
        registry.add("loa.backup.cron", () -> "0 30 2 * * ?");
        registry.add("loa.backup.directory", SCHEDULED_DIR::toString);
        registry.add("loa.backup.keep", () -> "2");
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    ScheduledBackups scheduled;

    @Autowired
    Scheduler scheduler;

    @Test
    void aPopulatedInstanceRestoresIntoEmptyPostgresAndH2DatabasesWithEveryTableEqual() throws Exception {
        var token = populate();
        var dir = Files.createTempDirectory("loa-backup");
        var archive = dir.resolve("loa.zip");

        var manifest = new DatabaseBackup(dataSource, BackupJson.MAPPER, clock, "test").write(archive);
        var counts = manifest.tables().stream()
                .collect(Collectors.toMap(BackupManifest.Table::name, BackupManifest.Table::rows));
        assertThat(counts)
                .containsKeys("yearly_plan", "campaign", "content_item", "delivery", "publish_attempt", "audit_entry")
                .containsKeys("channel_credential", "cadence", "emergency_stop", "qrtz_triggers", "qrtz_job_details")
                .doesNotContainKeys("flyway_schema_history", "batch_job_instance", "qrtz_locks", "qrtz_fired_triggers");
        for (var table : List.of("content_item", "delivery", "publish_attempt", "audit_entry", "channel_credential")) {
            assertThat(counts.get(table)).as(table).isPositive();
        }
        assertThat(manifest.schemaVersion()).isEqualTo(new LoaSchema(dataSource).latestVersion());
        assertThat(manifest.database()).startsWith("PostgreSQL");
        var bytes = new String(Files.readAllBytes(archive), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as("credentials stay sealed").doesNotContain(token);

        // PostgreSQL: an empty database, restored, holds what the instance held.
        var postgres = dataSource(PostgresDatabase.ownDatabase("backup_target"));
        var restored = new DatabaseRestore(postgres, new LoaSchema(postgres), BackupJson.MAPPER).restore(archive);
        assertThat(restored.rows()).isEqualTo(manifest.totalRows());
        assertSameRows(dataSource, postgres);
        assertSameArchive(manifest, postgres, dir.resolve("again.zip"));
        assertIdentitiesContinue(postgres);
        assertThatThrownBy(() ->
                        new DatabaseRestore(postgres, new LoaSchema(postgres), BackupJson.MAPPER).restore(archive))
                .isInstanceOf(RestoreRefused.class)
                .hasMessageContaining("not empty")
                .hasMessageContaining("rows");

        // H2, through the commands an operator runs: the PostgreSQL archive into an empty H2
        // database, that database backed up, and its archive into another empty H2 database.
        var h2 = "jdbc:h2:mem:restore-a;DB_CLOSE_DELAY=-1";
        assertThat(command("restore", archive, h2)).isEqualTo("0");
        assertSameArchive(manifest, dataSource(h2), dir.resolve("h2.zip"));
        var fromH2 = dir.resolve("from-h2.zip");
        assertThat(command("backup", fromH2, h2)).isEqualTo("0");
        var h2b = "jdbc:h2:mem:restore-b;DB_CLOSE_DELAY=-1";
        assertThat(command("restore", fromH2, h2b)).isEqualTo("0");
        assertSameRows(dataSource(h2), dataSource(h2b));
        assertIdentitiesContinue(dataSource(h2b));
        try (var zip = new ZipFile(fromH2.toFile())) {
            var h2Manifest = BackupJson.MAPPER.readValue(
                    zip.getInputStream(zip.getEntry("manifest.json")), BackupManifest.class);
            assertThat(h2Manifest.database()).startsWith("H2");
            assertThat(checksums(h2Manifest)).isEqualTo(checksums(manifest));
        }
    }

    @Test
    void aMismatchedSchemaOrADamagedArchiveIsRefusedAndTheTargetStaysRestorable() throws Exception {
        populate();
        var dir = Files.createTempDirectory("loa-backup");
        var archive = dir.resolve("loa.zip");
        var manifest = new DatabaseBackup(dataSource, BackupJson.MAPPER, clock, "test").write(archive);
        var target = dataSource("jdbc:h2:file:" + dir.resolve("refusals"));
        var restore = new DatabaseRestore(target, new LoaSchema(target), BackupJson.MAPPER);

        var older = rewrite(
                archive,
                dir.resolve("older.zip"),
                "manifest.json",
                json -> json.replace(
                        "\"schemaVersion\" : \"" + manifest.schemaVersion() + "\"", "\"schemaVersion\" : \"21\""));
        assertThatThrownBy(() -> restore.restore(older))
                .isInstanceOf(RestoreRefused.class)
                .hasMessageContaining("schema version 21")
                .hasMessageContaining("this Loa makes schema version " + manifest.schemaVersion());
        try (var c = target.getConnection()) {
            assertThat(LoaTables.all(c)).as("nothing was touched").isEmpty();
        }

        var damaged = rewrite(
                archive,
                dir.resolve("damaged.zip"),
                "tables/theme.json",
                json -> json.replace("\"society\"", "\"societx\""));
        assertThatThrownBy(() -> restore.restore(damaged))
                .isInstanceOf(RestoreRefused.class)
                .hasMessageContaining("damaged")
                .hasMessageContaining("theme");
        try (var c = target.getConnection()) {
            assertThat(LoaTables.nonEmpty(c, Set.of("content_item", "delivery")))
                    .as("rolled back")
                    .isEmpty();
        }
        assertThat(restore.restore(archive).rows()).isEqualTo(manifest.totalRows());

        var notABackup = Files.writeString(dir.resolve("notes.zip"), "");
        assertThatThrownBy(() -> restore.restore(notABackup)).isInstanceOf(Exception.class);
    }

    @Test
    void theScheduledBackupRunsInTheClusteredSchedulerAndKeepsTheLatestArchives() throws Exception {
        assertThat(scheduler.checkExists(ScheduledBackups.JOB)).isTrue();
        populate();
        var written = new ArrayList<Path>();
        for (int i = 0; i < 3; i++) {
            written.add(scheduled.backUpNow());
            clock.advance(Duration.ofHours(1));
        }
        try (var files = Files.list(SCHEDULED_DIR)) {
            assertThat(files.map(Path::getFileName).map(Path::toString).sorted().toList())
                    .containsExactly(
                            written.get(1).getFileName().toString(),
                            written.get(2).getFileName().toString());
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Channels with sealed credentials, published and waiting deliveries, a cadence, a stop; returns the token used. */
    private String populate() {
        var page = connected("FACEBOOK");
        var published = scheduled(page, "2026-11-23T08:30:00+07:00");
        var waiting = scheduled(page, "2026-11-24T09:00:00+07:00");
        clock.set(START.plus(Duration.ofMinutes(31)));
        engine.publishDueNow();
        assertThat(status(published)).isEqualTo("PUBLISHED");
        assertThat(status(waiting)).isEqualTo("SCHEDULED");
        var campaign = campaign("society", List.of(page));
        assertCreated(as("planner")
                .post(
                        "/api/cadences",
                        Map.of(
                                "channelId",
                                page,
                                "campaignId",
                                campaign,
                                "name",
                                "Bản tin sáng",
                                "days",
                                List.of("MONDAY", "THURSDAY"),
                                "time",
                                "07:30")));
        var stop = as("admin")
                .post("/api/emergency-stops", Map.of("scope", "CHANNEL", "channelId", page, "reason", "thử"));
        assertCreated(stop);
        as("admin")
                .post(
                        "/api/emergency-stops/"
                                + stop.body().path("stop").path("id").asLong() + "/resume",
                        null);
        return "sandbox-page-token";
    }

    private static DataSource dataSource(String url) {
        var ds = new DriverManagerDataSource(url);
        ds.setUsername(url.startsWith("jdbc:postgresql") ? "postgres" : "sa");
        ds.setPassword("");
        return ds;
    }

    private String command(String command, Path file, String url) {
        var out = new ByteArrayOutputStream();
        var code = LoaCommands.run(
                        new String[] {
                            command,
                            file.toString(),
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=sa",
                            "--spring.datasource.password="
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(out, true, StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .as("the command's report")
                .contains(command.equals("backup") ? "backup written" : "restored");
        return String.valueOf(code);
    }

    /** Every table but Quartz's (whose triggers the running source fires meanwhile) equal, row for row. */
    private static void assertSameRows(DataSource original, DataSource copy) throws SQLException {
        try (var a = original.getConnection();
                var b = copy.getConnection()) {
            var tables = LoaTables.inLoadOrder(a);
            assertThat(LoaTables.inLoadOrder(b)).containsExactlyInAnyOrderElementsOf(tables);
            for (var table : tables) {
                if (!table.startsWith("qrtz_")) {
                    assertThat(rows(b, table)).as(table).isEqualTo(rows(a, table));
                }
            }
        }
    }

    /** The copy, backed up again, gives the same rows and checksums for every table, Quartz's included. */
    private void assertSameArchive(BackupManifest original, DataSource copy, Path file) throws Exception {
        var again = new DatabaseBackup(copy, BackupJson.MAPPER, clock, "test").write(file);
        assertThat(checksums(again)).isEqualTo(checksums(original));
    }

    private static Map<String, String> checksums(BackupManifest manifest) {
        return manifest.tables().stream()
                .collect(Collectors.toMap(BackupManifest.Table::name, t -> t.rows() + " " + t.sha256()));
    }

    /** A row added after the restore gets a new id, not one of the restored rows'. */
    private static void assertIdentitiesContinue(DataSource restored) throws SQLException {
        try (var c = restored.getConnection();
                var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO theme (code, name) VALUES ('after-restore', 'Sau khôi phục')");
            try (var rs = st.executeQuery("SELECT COUNT(*) FROM theme")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThan(6);
            }
        }
    }

    private static List<List<String>> rows(Connection c, String table) throws SQLException {
        var columns = Databases.columns(c, table).stream()
                .map(BackupManifest.Column::name)
                .toList();
        var sql = "SELECT " + String.join(", ", columns) + " FROM " + table + " ORDER BY "
                + String.join(", ", LoaTables.orderColumns(c, table, columns));
        var rows = new ArrayList<List<String>>();
        try (var st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                var row = new ArrayList<String>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A copy of the archive with one entry's text changed. */
    private static Path rewrite(Path archive, Path copy, String name, UnaryOperator<String> change) throws IOException {
        try (var in = new ZipFile(archive.toFile());
                var out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (var entries = in.entries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                var data = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(name)) {
                    data = change.apply(new String(data, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        return copy;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("loa-scheduled-backups");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
