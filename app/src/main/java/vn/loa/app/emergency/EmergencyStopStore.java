package vn.loa.app.emergency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.delivery.DeliveryStatus;

/** The emergency stops and the deliveries they hold ({@code emergency_stop}, {@code emergency_hold}). */
@Repository
class EmergencyStopStore {

    /** A delivery a stop holds, with what deciding its release needs. */
    record Hold(
            long deliveryId,
            long stopId,
            long channelId,
            String organisation,
            Instant scheduledAt,
            DeliveryStatus status,
            boolean awaitingConfirmation) {}

    /** A delivery on a channel, as a stop's scope is checked against it. */
    record Placed(long deliveryId, long channelId, String organisation) {}

    private static final String COLUMNS =
            "id, scope, organisation, channel_id, reason, stopped_by, stopped_at, resumed_by, resumed_at";

    private final JdbcClient jdbc;

    EmergencyStopStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(StopScope scope, String organisation, Long channelId, String reason, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO emergency_stop (scope, organisation, channel_id, reason, stopped_by, stopped_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(scope.name(), organisation, channelId, reason, by, Timestamps.utc(at))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    List<EmergencyStop> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM emergency_stop WHERE resumed_at IS NULL ORDER BY id")
                .query(EmergencyStopStore::stop)
                .list();
    }

    /** The latest stops, active or not, newest first. */
    List<EmergencyStop> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM emergency_stop ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query(EmergencyStopStore::stop)
                .list();
    }

    Optional<EmergencyStop> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM emergency_stop WHERE id = ?")
                .param(id)
                .query(EmergencyStopStore::stop)
                .optional();
    }

    /** Ends a stop; false when it had already ended. */
    boolean resume(long id, String by, Instant at) {
        return jdbc.sql("UPDATE emergency_stop SET resumed_by = ?, resumed_at = ? WHERE id = ? AND resumed_at IS NULL")
                        .params(by, Timestamps.utc(at), id)
                        .update()
                == 1;
    }

    /** Remembers that the stop holds the delivery (again, if an earlier stop had held it). */
    void hold(long deliveryId, long stopId, Instant at) {
        int updated = jdbc.sql("UPDATE emergency_hold SET stop_id = ?, held_at = ?, awaiting_confirmation = FALSE"
                        + " WHERE delivery_id = ?")
                .params(stopId, Timestamps.utc(at), deliveryId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO emergency_hold (delivery_id, stop_id, held_at) VALUES (?, ?, ?)")
                    .params(deliveryId, stopId, Timestamps.utc(at))
                    .update();
        }
    }

    /** Every delivery held by a stop and not yet waiting for a planner, with its channel and status now. */
    List<Hold> holds() {
        return jdbc.sql("""
                SELECT h.delivery_id, h.stop_id, d.channel_id, c.organisation, d.scheduled_at, d.status,
                       h.awaiting_confirmation
                FROM emergency_hold h
                JOIN delivery d ON d.id = h.delivery_id
                JOIN channel c ON c.id = d.channel_id
                WHERE h.awaiting_confirmation = FALSE
                ORDER BY h.delivery_id""")
                .query((rs, n) -> new Hold(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        Timestamps.read(rs, "scheduled_at"),
                        DeliveryStatus.valueOf(rs.getString(6)),
                        rs.getBoolean(7)))
                .list();
    }

    /** The held deliveries waiting for a planner's confirmation (still held; cancelled ones drop out). */
    List<LateDelivery> late() {
        return jdbc.sql("""
                SELECT h.delivery_id, h.stop_id, d.content_id, i.title, d.channel_id, d.scheduled_at
                FROM emergency_hold h
                JOIN delivery d ON d.id = h.delivery_id
                JOIN content_item i ON i.id = d.content_id
                WHERE h.awaiting_confirmation = TRUE AND d.status = 'HELD'
                ORDER BY d.scheduled_at, h.delivery_id""")
                .query((rs, n) -> new LateDelivery(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getLong(5),
                        Timestamps.read(rs, "scheduled_at")))
                .list();
    }

    Optional<LateDelivery> lateOne(long deliveryId) {
        return late().stream().filter(l -> l.deliveryId() == deliveryId).findFirst();
    }

    void awaitConfirmation(long deliveryId, long stopId) {
        jdbc.sql("UPDATE emergency_hold SET awaiting_confirmation = TRUE, stop_id = ? WHERE delivery_id = ?")
                .params(stopId, deliveryId)
                .update();
    }

    void moveHold(long deliveryId, long stopId) {
        jdbc.sql("UPDATE emergency_hold SET stop_id = ? WHERE delivery_id = ?")
                .params(stopId, deliveryId)
                .update();
    }

    void release(long deliveryId) {
        jdbc.sql("DELETE FROM emergency_hold WHERE delivery_id = ?")
                .param(deliveryId)
                .update();
    }

    /** Deliveries the platforms' own schedulers hold for an instant still ahead. */
    List<Placed> handedOffAfter(Instant now) {
        return jdbc.sql("""
                SELECT d.id, d.channel_id, c.organisation FROM delivery d JOIN channel c ON c.id = d.channel_id
                WHERE d.status = 'HANDED_OFF' AND d.scheduled_at > ? ORDER BY d.id""")
                .param(Timestamps.utc(now))
                .query((rs, n) -> new Placed(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .list();
    }

    /** Whether any channel belongs to the organisation. */
    boolean organisationHasChannels(String organisation) {
        return jdbc.sql("SELECT COUNT(*) FROM channel WHERE organisation = ?")
                        .param(organisation)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static EmergencyStop stop(ResultSet rs, int row) throws SQLException {
        var channel = rs.getObject("channel_id", Long.class);
        return new EmergencyStop(
                rs.getLong("id"),
                StopScope.valueOf(rs.getString("scope")),
                rs.getString("organisation"),
                channel,
                rs.getString("reason"),
                rs.getString("stopped_by"),
                Timestamps.read(rs, "stopped_at"),
                rs.getString("resumed_by"),
                Timestamps.read(rs, "resumed_at"));
    }
}
