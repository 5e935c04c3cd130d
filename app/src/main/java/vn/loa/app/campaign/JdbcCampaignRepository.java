package vn.loa.app.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Pages;
import vn.loa.app.persistence.SqlFilter;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.campaign.CampaignFilter;
import vn.loa.campaigns.campaign.CampaignRepository;
import vn.loa.campaigns.campaign.Kpis;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;

@Repository
class JdbcCampaignRepository implements CampaignRepository {

    private static final String SELECT = "SELECT c.id, c.plan_id, c.theme_id, c.name, c.description, c.start_date,"
            + " c.end_date, c.target_reach, c.target_interactions, c.target_posts, c.created_at";

    private final JdbcClient jdbc;

    JdbcCampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Campaign insert(Campaign c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO campaign (plan_id, theme_id, name, description, start_date, end_date, target_reach,"
                        + " target_interactions, target_posts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.planId(),
                        c.themeId(),
                        c.name(),
                        c.description(),
                        c.startDate(),
                        c.endDate(),
                        c.kpis().targetReach(),
                        c.kpis().targetInteractions(),
                        c.kpis().targetPosts(),
                        Timestamps.utc(c.createdAt()))
                .update(keys, "id");
        var stored = c.withId(keys.getKeyAs(Long.class));
        insertChannels(stored);
        return stored;
    }

    @Override
    public void update(Campaign c) {
        jdbc.sql("UPDATE campaign SET plan_id = ?, theme_id = ?, name = ?, description = ?, start_date = ?,"
                        + " end_date = ?, target_reach = ?, target_interactions = ?, target_posts = ? WHERE id = ?")
                .params(
                        c.planId(),
                        c.themeId(),
                        c.name(),
                        c.description(),
                        c.startDate(),
                        c.endDate(),
                        c.kpis().targetReach(),
                        c.kpis().targetInteractions(),
                        c.kpis().targetPosts(),
                        c.id())
                .update();
        jdbc.sql("DELETE FROM campaign_channel WHERE campaign_id = ?")
                .param(c.id())
                .update();
        insertChannels(c);
    }

    @Override
    public Optional<Campaign> find(long id) {
        var found = jdbc.sql(SELECT + " FROM campaign c WHERE c.id = ?")
                .param(id)
                .query(JdbcCampaignRepository::map)
                .list();
        return withChannels(found).stream().findFirst();
    }

    @Override
    public Page<Campaign> search(CampaignFilter f, PageRequest page) {
        var filter = new SqlFilter()
                .eq("c.plan_id", "planId", f.planId())
                .eq("c.theme_id", "themeId", f.themeId())
                .condition(
                        "EXISTS (SELECT 1 FROM campaign_channel cc WHERE cc.campaign_id = c.id"
                                + " AND cc.channel_id = :channelId)",
                        "channelId",
                        f.channelId())
                .condition("c.end_date >= :fromDate", "fromDate", f.from())
                .condition("c.start_date <= :toDate", "toDate", f.to());
        var result = Pages.fetch(
                jdbc,
                SELECT,
                "FROM campaign c" + filter.where(),
                filter,
                "c.start_date DESC, c.id",
                page,
                JdbcCampaignRepository::map);
        return new Page<>(withChannels(result.items()), result.page(), result.size(), result.totalItems());
    }

    private void insertChannels(Campaign c) {
        for (var channelId : c.channelIds()) {
            jdbc.sql("INSERT INTO campaign_channel (campaign_id, channel_id) VALUES (?, ?)")
                    .params(c.id(), channelId)
                    .update();
        }
    }

    /** Loads the channel sets of all given campaigns in one query. */
    private List<Campaign> withChannels(List<Campaign> campaigns) {
        if (campaigns.isEmpty()) {
            return campaigns;
        }
        Map<Long, Set<Long>> channels = new HashMap<>();
        jdbc.sql("SELECT campaign_id, channel_id FROM campaign_channel WHERE campaign_id IN (:ids)")
                .param("ids", campaigns.stream().map(Campaign::id).toList())
                .query(rs -> {
                    channels.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                            .add(rs.getLong(2));
                });
        return campaigns.stream()
                .map(c -> new Campaign(
                        c.id(),
                        c.planId(),
                        c.themeId(),
                        c.name(),
                        c.description(),
                        c.startDate(),
                        c.endDate(),
                        c.kpis(),
                        channels.getOrDefault(c.id(), Set.of()),
                        c.createdAt()))
                .toList();
    }

    private static Campaign map(ResultSet rs, int row) throws SQLException {
        return new Campaign(
                rs.getLong("id"),
                rs.getLong("plan_id"),
                rs.getLong("theme_id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                new Kpis(
                        rs.getObject("target_reach", Long.class),
                        rs.getObject("target_interactions", Long.class),
                        rs.getObject("target_posts", Integer.class)),
                Set.of(),
                Timestamps.read(rs, "created_at"));
    }
}
