package vn.loa.app.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Timestamps;
import vn.loa.connectors.PublishWarning;

/**
 * What a platform did not do of what was asked with a post that went out all the same (table
 * {@code delivery_notice}): written with the outcome of the attempt, shown with the delivery and in
 * the campaign report. The only class with SQL for the table.
 */
@Repository
public class DeliveryNotices {

    /** One notice on one delivery. */
    public record Notice(long deliveryId, PublishWarning.Kind kind, String platformCode, String message, Instant at) {}

    private final JdbcClient jdbc;

    public DeliveryNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the platform's warnings on a delivery; runs in the caller's transaction (the outcome's). */
    public void add(long deliveryId, List<PublishWarning> warnings, Instant at) {
        for (var w : warnings) {
            jdbc.sql("INSERT INTO delivery_notice (delivery_id, kind, platform_code, message, occurred_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(
                            deliveryId,
                            w.kind().name(),
                            cut(w.platformCode(), 64),
                            cut(w.message(), 2000),
                            Timestamps.utc(at))
                    .update();
        }
    }

    /** The notices of the given deliveries, oldest first, by delivery id; deliveries without any are left out. */
    public Map<Long, List<Notice>> of(Collection<Long> deliveryIds) {
        var byDelivery = new LinkedHashMap<Long, List<Notice>>();
        if (deliveryIds.isEmpty()) {
            return byDelivery;
        }
        jdbc.sql("SELECT delivery_id, kind, platform_code, message, occurred_at FROM delivery_notice"
                        + " WHERE delivery_id IN (:ids) ORDER BY occurred_at, id")
                .param("ids", deliveryIds)
                .query((rs, n) -> new Notice(
                        rs.getLong(1),
                        PublishWarning.Kind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        Timestamps.read(rs, "occurred_at")))
                .list()
                .forEach(notice -> byDelivery
                        .computeIfAbsent(notice.deliveryId(), id -> new ArrayList<>())
                        .add(notice));
        return byDelivery;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
