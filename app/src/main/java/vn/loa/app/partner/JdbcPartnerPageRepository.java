package vn.loa.app.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.SqlFilter;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.partner.PageFilter;
import vn.loa.campaigns.partner.PageStatus;
import vn.loa.campaigns.partner.PartnerPage;
import vn.loa.campaigns.partner.PartnerPageRepository;
import vn.loa.connectors.Platform;

/** Partner pages and their follower counts per day. */
@Repository
class JdbcPartnerPageRepository implements PartnerPageRepository {

    private static final String SELECT = "SELECT id, organisation_id, platform, external_id, url, display_name,"
            + " follower_count, followers_at, audience_notes, status, status_reason, channel_id, auto_accept,"
            + " created_at, updated_at FROM partner_page";

    private final JdbcClient jdbc;

    JdbcPartnerPageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PartnerPage insert(PartnerPage p) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO partner_page (organisation_id, platform, external_id, url, display_name, follower_count,"
                        + " followers_at, audience_notes, status, status_reason, channel_id, auto_accept, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        p.organisationId(),
                        p.platform().name(),
                        p.externalId(),
                        p.url(),
                        p.displayName(),
                        p.followerCount(),
                        Timestamps.utc(p.followersAt()),
                        p.audienceNotes(),
                        p.status().name(),
                        p.statusReason(),
                        p.channelId(),
                        p.autoAccept(),
                        Timestamps.utc(p.createdAt()),
                        Timestamps.utc(p.updatedAt()))
                .update(keys, "id");
        return p.withId(keys.getKeyAs(Long.class));
    }

    @Override
    public void update(PartnerPage p) {
        jdbc.sql(
                        "UPDATE partner_page SET organisation_id = ?, platform = ?, external_id = ?, url = ?, display_name = ?,"
                                + " follower_count = ?, followers_at = ?, audience_notes = ?, status = ?, status_reason = ?,"
                                + " channel_id = ?, auto_accept = ?, updated_at = ? WHERE id = ?")
                .params(
                        p.organisationId(),
                        p.platform().name(),
                        p.externalId(),
                        p.url(),
                        p.displayName(),
                        p.followerCount(),
                        Timestamps.utc(p.followersAt()),
                        p.audienceNotes(),
                        p.status().name(),
                        p.statusReason(),
                        p.channelId(),
                        p.autoAccept(),
                        Timestamps.utc(p.updatedAt()),
                        p.id())
                .update();
    }

    @Override
    public Optional<PartnerPage> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query(JdbcPartnerPageRepository::map)
                .optional();
    }

    @Override
    public List<PartnerPage> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query(JdbcPartnerPageRepository::map)
                .list();
    }

    @Override
    public Optional<PartnerPage> findByExternalId(Platform platform, String externalId) {
        return jdbc.sql(SELECT + " WHERE platform = ? AND external_id = ?")
                .params(platform.name(), externalId)
                .query(JdbcPartnerPageRepository::map)
                .optional();
    }

    @Override
    public Optional<PartnerPage> findByChannel(long channelId) {
        return jdbc.sql(SELECT + " WHERE channel_id = ?")
                .param(channelId)
                .query(JdbcPartnerPageRepository::map)
                .optional();
    }

    @Override
    public List<PartnerPage> list(PageFilter f) {
        var where = new SqlFilter()
                .eq("status", "status", f.status())
                .eq("platform", "platform", f.platform())
                .condition("organisation_id IN (:organisations)", "organisations", f.organisationIds());
        return jdbc.sql(SELECT + where.where() + " ORDER BY display_name, id")
                .params(where.params())
                .query(JdbcPartnerPageRepository::map)
                .list();
    }

    @Override
    public void recordFollowers(long pageId, LocalDate day, long followers, Instant at) {
        int updated = jdbc.sql("UPDATE partner_page_followers SET followers = ? WHERE page_id = ? AND stat_day = ?")
                .params(followers, pageId, day)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO partner_page_followers (page_id, stat_day, followers) VALUES (?, ?, ?)")
                    .params(pageId, day, followers)
                    .update();
        }
        jdbc.sql("UPDATE partner_page SET follower_count = ?, followers_at = ? WHERE id = ?")
                .params(followers, Timestamps.utc(at), pageId)
                .update();
    }

    @Override
    public List<PartnerPage> followersToRead(Instant since) {
        return jdbc.sql(SELECT + " WHERE status <> ? AND (followers_read_at IS NULL OR followers_read_at < ?)"
                        + " AND (channel_id IS NOT NULL OR platform = ?) ORDER BY id")
                .params(PageStatus.RETIRED.name(), Timestamps.utc(since), Platform.YOUTUBE.name())
                .query(JdbcPartnerPageRepository::map)
                .list();
    }

    @Override
    public void recordFollowersRead(long pageId, LocalDate day, long followers, Instant at) {
        recordFollowers(pageId, day, followers, at);
        jdbc.sql("UPDATE partner_page SET followers_read_at = ? WHERE id = ?")
                .params(Timestamps.utc(at), pageId)
                .update();
    }

    @Override
    public List<FollowerCount> followerHistory(long pageId) {
        return jdbc.sql("SELECT stat_day, followers FROM partner_page_followers WHERE page_id = ? ORDER BY stat_day")
                .param(pageId)
                .query((rs, n) -> new FollowerCount(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
    }

    private static PartnerPage map(ResultSet rs, int row) throws SQLException {
        var channel = rs.getLong("channel_id");
        var noChannel = rs.wasNull();
        return new PartnerPage(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                Platform.valueOf(rs.getString("platform")),
                rs.getString("external_id"),
                rs.getString("url"),
                rs.getString("display_name"),
                rs.getLong("follower_count"),
                Timestamps.read(rs, "followers_at"),
                rs.getString("audience_notes"),
                PageStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                noChannel ? null : channel,
                rs.getBoolean("auto_accept"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"));
    }
}
