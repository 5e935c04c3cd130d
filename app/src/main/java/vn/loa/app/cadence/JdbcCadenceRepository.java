package vn.loa.app.cadence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.campaigns.cadence.Cadence;
import vn.loa.campaigns.cadence.CadenceRepository;

@Repository
class JdbcCadenceRepository implements CadenceRepository {

    private static final String SELECT =
            "SELECT id, channel_id, campaign_id, name, days, time_of_day, active FROM cadence";

    private final JdbcClient jdbc;

    JdbcCadenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Cadence insert(Cadence c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO cadence (channel_id, campaign_id, name, days, time_of_day, active) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        c.channelId(),
                        c.campaignId(),
                        c.name(),
                        c.days().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                        c.time().toString(),
                        c.active())
                .update(keys, "id");
        return c.withId(keys.getKeyAs(Long.class));
    }

    @Override
    public Optional<Cadence> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query(JdbcCadenceRepository::map)
                .optional();
    }

    @Override
    public List<Cadence> findByChannel(long channelId) {
        return jdbc.sql(SELECT + " WHERE channel_id = ? ORDER BY id")
                .param(channelId)
                .query(JdbcCadenceRepository::map)
                .list();
    }

    @Override
    public List<Cadence> findAll() {
        return jdbc.sql(SELECT + " ORDER BY id")
                .query(JdbcCadenceRepository::map)
                .list();
    }

    private static Cadence map(ResultSet rs, int row) throws SQLException {
        var days = Arrays.stream(rs.getString("days").split(","))
                .map(DayOfWeek::valueOf)
                .collect(Collectors.toSet());
        return new Cadence(
                rs.getLong("id"),
                rs.getLong("channel_id"),
                rs.getLong("campaign_id"),
                rs.getString("name"),
                days,
                LocalTime.parse(rs.getString("time_of_day")),
                rs.getBoolean("active"));
    }
}
