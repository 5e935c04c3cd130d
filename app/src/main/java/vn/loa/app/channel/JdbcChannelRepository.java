package vn.loa.app.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.channel.ChannelRole;
import vn.loa.connectors.Platform;

@Repository
class JdbcChannelRepository implements ChannelRepository {

    private static final String SELECT = "SELECT id, platform, external_id, display_name, channel_role, follower_count,"
            + " organisation, zone_id, active, native_scheduling, max_in_flight FROM channel";

    private final JdbcClient jdbc;

    JdbcChannelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Channel insert(Channel c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO channel (platform, external_id, display_name, channel_role, follower_count, organisation,"
                        + " zone_id, active, native_scheduling, max_in_flight) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.platform().name(),
                        c.externalId(),
                        c.displayName(),
                        c.role().name(),
                        c.followerCount(),
                        c.organisation(),
                        c.zone().getId(),
                        c.active(),
                        c.nativeScheduling(),
                        c.maxInFlight())
                .update(keys, "id");
        return c.withId(keys.getKeyAs(Long.class));
    }

    @Override
    public void update(Channel c) {
        jdbc.sql("UPDATE channel SET platform = ?, external_id = ?, display_name = ?, channel_role = ?,"
                        + " follower_count = ?, organisation = ?, zone_id = ?, active = ?, native_scheduling = ?,"
                        + " max_in_flight = ? WHERE id = ?")
                .params(
                        c.platform().name(),
                        c.externalId(),
                        c.displayName(),
                        c.role().name(),
                        c.followerCount(),
                        c.organisation(),
                        c.zone().getId(),
                        c.active(),
                        c.nativeScheduling(),
                        c.maxInFlight(),
                        c.id())
                .update();
    }

    @Override
    public Optional<Channel> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query(JdbcChannelRepository::map)
                .optional();
    }

    @Override
    public List<Channel> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query(JdbcChannelRepository::map)
                .list();
    }

    @Override
    public Optional<Channel> findByExternalId(Platform platform, String externalId) {
        return jdbc.sql(SELECT + " WHERE platform = ? AND external_id = ?")
                .params(platform.name(), externalId)
                .query(JdbcChannelRepository::map)
                .optional();
    }

    @Override
    public List<Channel> list(String organisation) {
        if (organisation == null) {
            return jdbc.sql(SELECT + " ORDER BY channel_role, display_name")
                    .query(JdbcChannelRepository::map)
                    .list();
        }
        return jdbc.sql(SELECT + " WHERE organisation = ? ORDER BY display_name")
                .param(organisation)
                .query(JdbcChannelRepository::map)
                .list();
    }

    private static Channel map(ResultSet rs, int row) throws SQLException {
        return new Channel(
                rs.getLong("id"),
                Platform.valueOf(rs.getString("platform")),
                rs.getString("external_id"),
                rs.getString("display_name"),
                ChannelRole.valueOf(rs.getString("channel_role")),
                rs.getLong("follower_count"),
                rs.getString("organisation"),
                ZoneId.of(rs.getString("zone_id")),
                rs.getBoolean("active"),
                rs.getBoolean("native_scheduling"),
                rs.getInt("max_in_flight"));
    }
}
