package vn.loa.app.amplify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.amplify.PackStatus;
import vn.loa.connectors.Platform;

/**
 * What each pack led to, for the results per partner: its first share, the clicks on its tracked
 * link and what its shares gathered at their last read. The only class with SQL for partner results;
 * runs in the caller's transaction.
 */
@Repository
class PartnerResultsStore {

    /** Which packs to read: any field left null does not narrow. */
    record Selection(Instant from, Instant to, Long campaignId, Collection<Long> organisationIds) {}

    /**
     * One pack (never a withdrawn one) and what it led to. {@code reach} is the reach the platform
     * reported for the shares, or their views where it reports no reach (YouTube, Zalo).
     */
    record PackOutcome(
            long packId,
            long organisationId,
            long pageId,
            Platform platform,
            PackStatus status,
            boolean rapid,
            Instant windowFrom,
            Instant windowTo,
            Instant officialPublishedAt,
            Instant firstSharedAt,
            long clicks,
            long botClicks,
            long reach,
            long views,
            long interactions) {}

    private final JdbcClient jdbc;

    PartnerResultsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PackOutcome> outcomes(Selection s) {
        var sql = new StringBuilder(
                "SELECT p.id, p.organisation_id, p.page_id, p.platform, p.status, p.rapid, p.window_from,"
                        + " p.window_to, p.official_published_at,"
                        + " (SELECT MIN(s.shared_at) FROM partner_share s WHERE s.pack_id = p.id) AS first_shared,"
                        + " (SELECT COALESCE(SUM(c.clicks), 0) FROM link_click_daily c WHERE c.pack_id = p.id)"
                        + " AS clicks,"
                        + " (SELECT COALESCE(SUM(c.bot_clicks), 0) FROM link_click_daily c WHERE c.pack_id = p.id)"
                        + " AS bot_clicks,"
                        + " (SELECT COALESCE(SUM(COALESCE(e.reach, e.views, 0)), 0) FROM share_engagement e"
                        + " JOIN partner_share s ON s.id = e.share_id WHERE s.pack_id = p.id) AS reach,"
                        + " (SELECT COALESCE(SUM(e.views), 0) FROM share_engagement e"
                        + " JOIN partner_share s ON s.id = e.share_id WHERE s.pack_id = p.id) AS views,"
                        + " (SELECT COALESCE(SUM(e.interactions), 0) FROM share_engagement e"
                        + " JOIN partner_share s ON s.id = e.share_id WHERE s.pack_id = p.id) AS interactions"
                        + " FROM content_pack p WHERE p.status <> 'WITHDRAWN'");
        var params = new ArrayList<Object>();
        if (s.from() != null) {
            sql.append(" AND p.created_at >= ?");
            params.add(Timestamps.utc(s.from()));
        }
        if (s.to() != null) {
            sql.append(" AND p.created_at < ?");
            params.add(Timestamps.utc(s.to()));
        }
        if (s.campaignId() != null) {
            sql.append(" AND p.campaign_id = ?");
            params.add(s.campaignId());
        }
        if (s.organisationIds() != null) {
            if (s.organisationIds().isEmpty()) {
                return List.of();
            }
            sql.append(" AND p.organisation_id IN (")
                    .append(String.join(
                            ", ", s.organisationIds().stream().map(id -> "?").toList()))
                    .append(')');
            params.addAll(s.organisationIds());
        }
        sql.append(" ORDER BY p.id");
        return jdbc.sql(sql.toString())
                .params(params)
                .query(PartnerResultsStore::map)
                .list();
    }

    private static PackOutcome map(ResultSet rs, int row) throws SQLException {
        return new PackOutcome(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getLong("page_id"),
                Platform.valueOf(rs.getString("platform")),
                PackStatus.valueOf(rs.getString("status")),
                rs.getBoolean("rapid"),
                Timestamps.read(rs, "window_from"),
                Timestamps.read(rs, "window_to"),
                Timestamps.read(rs, "official_published_at"),
                Timestamps.read(rs, "first_shared"),
                rs.getLong("clicks"),
                rs.getLong("bot_clicks"),
                rs.getLong("reach"),
                rs.getLong("views"),
                rs.getLong("interactions"));
    }
}
