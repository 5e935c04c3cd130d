package vn.loa.app.web.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.app.persistence.SqlFilter;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.shared.InstantRange;
import vn.loa.connectors.Platform;

/**
 * The calendar's read model: every delivery of a time range with what the calendar shows of it
 * (title, theme, campaign, channel), in one query, so a month of thousands of posts is one round
 * trip rather than one per page of the listing API.
 */
@Repository
class CalendarStore {

    /** At most this many deliveries in one view; a busier range is narrowed with the filters. */
    static final int LIMIT = 5_000;

    /** Narrows the calendar; null fields do not narrow. */
    record Filter(
            Long themeId,
            Long campaignId,
            Long channelId,
            DeliveryStatus status,
            InstantRange range,
            String organisation) {}

    record Entry(
            long deliveryId,
            Instant scheduledAt,
            DeliveryStatus status,
            long contentId,
            String title,
            ContentStatus contentStatus,
            boolean rebuttal,
            long campaignId,
            String campaign,
            long themeId,
            String theme,
            long channelId,
            String channel,
            Platform platform) {}

    /** A waiting or published delivery at an instant on a channel: a cadence slot it occupies. */
    record Occupied(long channelId, Instant at) {}

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<Entry> entries(Filter f) {
        var filter = new SqlFilter()
                .eq("c.theme_id", "themeId", f.themeId())
                .eq("i.campaign_id", "campaignId", f.campaignId())
                .eq("d.channel_id", "channelId", f.channelId())
                .eq("d.status", "status", f.status())
                .eq("ch.organisation", "organisation", f.organisation())
                .within("d.scheduled_at", f.range());
        var sql = "SELECT d.id, d.scheduled_at, d.status, i.id, i.title, i.status, i.rebuttal, c.id, c.name,"
                + " t.id, t.name, ch.id, ch.display_name, ch.platform FROM delivery d"
                + " JOIN content_item i ON i.id = d.content_id JOIN campaign c ON c.id = i.campaign_id"
                + " JOIN theme t ON t.id = c.theme_id JOIN channel ch ON ch.id = d.channel_id"
                + filter.where() + " ORDER BY d.scheduled_at, d.id LIMIT " + LIMIT;
        var statement = jdbc.sql(sql);
        for (var p : filter.params().entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        return statement
                .query((rs, n) -> new Entry(
                        rs.getLong(1),
                        Timestamps.read(rs, "scheduled_at"),
                        DeliveryStatus.valueOf(rs.getString(3)),
                        rs.getLong(4),
                        rs.getString(5),
                        ContentStatus.valueOf(rs.getString(6)),
                        rs.getBoolean(7),
                        rs.getLong(8),
                        rs.getString(9),
                        rs.getLong(10),
                        rs.getString(11),
                        rs.getLong(12),
                        rs.getString(13),
                        Platform.valueOf(rs.getString(14))))
                .list();
    }

    /** The instants taken on these channels in the range (anything not cancelled), whatever the filters. */
    @Transactional(readOnly = true)
    List<Occupied> occupied(Collection<Long> channelIds, InstantRange range) {
        if (channelIds.isEmpty()) {
            return List.of();
        }
        var found = new ArrayList<Occupied>();
        jdbc.sql("SELECT channel_id, scheduled_at FROM delivery WHERE channel_id IN (:ids)"
                        + " AND status <> 'CANCELLED' AND scheduled_at >= :from AND scheduled_at < :to")
                .param("ids", List.copyOf(channelIds))
                .param("from", Timestamps.utc(range.from()))
                .param("to", Timestamps.utc(range.to()))
                .query(rs -> {
                    found.add(new Occupied(rs.getLong(1), Timestamps.read(rs, "scheduled_at")));
                });
        return found;
    }
}
