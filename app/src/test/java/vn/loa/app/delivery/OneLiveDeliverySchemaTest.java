package vn.loa.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.loa.app.support.PostgresDatabase;

/**
 * The one-live-delivery rule (V10, V11) on both databases Loa runs on: H2 through a generated
 * column under a unique constraint, PostgreSQL through a partial unique index. Deliveries written
 * before the rule are migrated (pending duplicates cancelled with an audit entry, ones already out
 * kept), and afterwards the database itself refuses a second live delivery, parallel ones included.
 */
class OneLiveDeliverySchemaTest {

    @TempDir
    Path folder;

    private static final String LIVE = "('SCHEDULED', 'HELD', 'PUBLISHING', 'HANDED_OFF', 'PUBLISHED')";

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void duplicatesWrittenBeforeTheRuleAreResolvedAndNewOnesRefused(String vendor) throws Exception {
        var url = freshDatabase(vendor);
        migrate(url, "9");
        long channel;
        long campaign;
        long twoWaiting;
        long waitingA;
        long waitingB;
        long outAndWaiting;
        long waitingC;
        long out;
        long twiceOut;
        long outA;
        long outB;
        long retried;
        long failed;
        long again;
        try (var db = connect(url)) {
            channel = insert(
                    db,
                    "INSERT INTO channel (platform, external_id, display_name, channel_role,"
                            + " organisation, zone_id) VALUES ('FACEBOOK', 'p1', 'Trang', 'OFFICIAL', 'UBND', 'Asia/Ho_Chi_Minh')");
            var plan = insert(
                    db,
                    "INSERT INTO yearly_plan (plan_year, title, created_at) VALUES (2026, 'KH', CURRENT_TIMESTAMP)");
            campaign = insert(
                    db,
                    "INSERT INTO campaign (plan_id, theme_id, name, start_date, end_date, created_at) VALUES (" + plan
                            + ", 1, 'CD', DATE '2026-11-01', DATE '2026-12-31', CURRENT_TIMESTAMP)");
            twoWaiting = item(db, campaign);
            waitingA = delivery(db, twoWaiting, channel, "SCHEDULED");
            waitingB = delivery(db, twoWaiting, channel, "HELD");
            outAndWaiting = item(db, campaign);
            waitingC = delivery(db, outAndWaiting, channel, "SCHEDULED");
            out = delivery(db, outAndWaiting, channel, "PUBLISHED");
            twiceOut = item(db, campaign);
            outA = delivery(db, twiceOut, channel, "PUBLISHED");
            outB = delivery(db, twiceOut, channel, "PUBLISHED");
            retried = item(db, campaign);
            failed = delivery(db, retried, channel, "FAILED");
            again = delivery(db, retried, channel, "SCHEDULED");
            db.commit();
        }

        migrate(url, null);

        try (var db = connect(url)) {
            assertThat(status(db, waitingA)).isEqualTo("SCHEDULED");
            assertThat(status(db, waitingB)).isEqualTo("CANCELLED");
            assertThat(status(db, out)).isEqualTo("PUBLISHED");
            assertThat(status(db, waitingC)).isEqualTo("CANCELLED");
            assertThat(status(db, outA)).isEqualTo("PUBLISHED");
            assertThat(status(db, outB)).isEqualTo("PUBLISHED");
            assertThat(status(db, failed)).isEqualTo("FAILED");
            assertThat(status(db, again)).isEqualTo("SCHEDULED");
            assertThat(count(
                            db,
                            "SELECT COUNT(*) FROM audit_entry WHERE subject = 'DELIVERY' AND to_state = 'CANCELLED'"
                                    + " AND subject_id IN (" + waitingB + ", " + waitingC + ")"))
                    .isEqualTo(2);

            // Live already: refused. Each item now has exactly one live, non-exempt delivery.
            for (var item : List.of(twoWaiting, outAndWaiting, twiceOut, retried)) {
                var attempt =
                        "INSERT INTO delivery (content_id, channel_id, scheduled_at, status, created_at, updated_at)"
                                + " VALUES (" + item + ", " + channel
                                + ", CURRENT_TIMESTAMP, 'SCHEDULED', CURRENT_TIMESTAMP,"
                                + " CURRENT_TIMESTAMP)";
                assertThatThrownBy(() -> insert(db, attempt))
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState())
                                        .as(e.getMessage())
                                        .isEqualTo("23505"));
                db.rollback();
            }
            // Not live any more: the item may go to the channel again.
            db.createStatement().executeUpdate("UPDATE delivery SET status = 'CANCELLED' WHERE id = " + waitingA);
            delivery(db, twoWaiting, channel, "SCHEDULED");
            db.commit();
            assertThat(count(
                            db,
                            "SELECT COUNT(*) FROM delivery WHERE content_id = " + twoWaiting + " AND status IN "
                                    + LIVE))
                    .isEqualTo(1);

            // Parallel transactions on separate connections: exactly one commits.
            var fresh = item(db, campaign);
            db.commit();
            assertThat(insertInParallel(url, fresh, channel, 6)).isEqualTo(1);
            assertThat(count(
                            db, "SELECT COUNT(*) FROM delivery WHERE content_id = " + fresh + " AND status IN " + LIVE))
                    .isEqualTo(1);
        }
    }

    private static int insertInParallel(String url, long item, long channel, int n) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(n);
        try {
            var results = new ArrayList<CompletableFuture<Boolean>>();
            for (int i = 0; i < n; i++) {
                results.add(CompletableFuture.supplyAsync(
                        () -> {
                            try (var db = connect(url)) {
                                start.await();
                                delivery(db, item, channel, "SCHEDULED");
                                db.commit();
                                return true;
                            } catch (SQLException e) {
                                return false;
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return false;
                            }
                        },
                        pool));
            }
            start.countDown();
            return (int)
                    results.stream().map(CompletableFuture::join).filter(b -> b).count();
        } finally {
            pool.shutdown();
        }
    }

    private String freshDatabase(String vendor) throws SQLException {
        var name = "live" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (vendor.equals("h2")) {
            // File mode, as Loa's embedded default runs.
            return "jdbc:h2:file:" + folder.resolve(name);
        }
        var admin = PostgresDatabase.jdbcUrl();
        try (var db = DriverManager.getConnection(admin)) {
            db.createStatement().execute("CREATE DATABASE " + name);
        }
        return admin.replaceFirst("/postgres\\?", "/" + name + "?");
    }

    private static void migrate(String url, String target) {
        var vendor = url.startsWith("jdbc:h2") ? "h2" : "postgresql";
        var config = Flyway.configure()
                .dataSource(url, url.startsWith("jdbc:h2") ? "sa" : null, url.startsWith("jdbc:h2") ? "" : null)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    private static Connection connect(String url) throws SQLException {
        var db = url.startsWith("jdbc:h2")
                ? DriverManager.getConnection(url, "sa", "")
                : DriverManager.getConnection(url);
        db.setAutoCommit(false);
        return db;
    }

    private static long item(Connection db, long campaign) throws SQLException {
        return insert(
                db,
                "INSERT INTO content_item (campaign_id, title, media_json, tags_json, status, author, created_at,"
                        + " updated_at, version) VALUES (" + campaign + ", 'Tin', '[]', '[]', 'SCHEDULED', 'planner',"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)");
    }

    private static long delivery(Connection db, long item, long channel, String status) throws SQLException {
        return insert(
                db,
                "INSERT INTO delivery (content_id, channel_id, scheduled_at, status, created_at, updated_at) VALUES ("
                        + item + ", " + channel + ", CURRENT_TIMESTAMP, '" + status + "', CURRENT_TIMESTAMP,"
                        + " CURRENT_TIMESTAMP)");
    }

    private static long insert(Connection db, String sql) throws SQLException {
        try (var statement = db.prepareStatement(sql, new String[] {"id"})) {
            statement.executeUpdate();
            try (var keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static String status(Connection db, long delivery) throws SQLException {
        try (var rs = db.createStatement().executeQuery("SELECT status FROM delivery WHERE id = " + delivery)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
