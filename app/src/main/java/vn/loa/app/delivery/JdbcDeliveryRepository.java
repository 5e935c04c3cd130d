package vn.loa.app.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Pages;
import vn.loa.app.persistence.SqlFilter;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.delivery.DeliveryFilter;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.shared.AlreadyExists;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;

@Repository
class JdbcDeliveryRepository implements DeliveryRepository {

    private static final String SELECT = "SELECT d.id, d.content_id, d.channel_id, d.scheduled_at, d.status,"
            + " d.external_ref, d.failure_reason, d.published_at, d.created_at, d.updated_at";

    private static final String UPDATE = "UPDATE delivery SET scheduled_at = ?, status = ?, external_ref = ?,"
            + " failure_reason = ?, published_at = ?, updated_at = ? WHERE id = ? AND status = ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcDeliveryRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public Delivery insert(Delivery d) {
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO delivery (content_id, channel_id, scheduled_at, status, external_ref, failure_reason,"
                            + " published_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            d.contentId(),
                            d.channelId(),
                            Timestamps.utc(d.scheduledAt()),
                            d.status().name(),
                            d.externalRef(),
                            d.failureReason(),
                            Timestamps.utc(d.publishedAt()),
                            Timestamps.utc(d.createdAt()),
                            Timestamps.utc(d.updatedAt()))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            // delivery_live_once (V11): another request put the item on this channel first.
            throw new AlreadyExists("content item " + d.contentId() + " already has a delivery to channel "
                    + d.channelId() + " that is pending or published");
        }
        return d.withId(keys.getKeyAs(Long.class));
    }

    @Override
    public boolean update(Delivery d, DeliveryStatus expected) {
        return jdbc.sql(UPDATE).params(updateRow(d, expected)).update() == 1;
    }

    /** One JDBC batch: the engine claims up to a few hundred deliveries in one transaction. */
    @Override
    public List<Long> updateAll(List<Delivery> changed, DeliveryStatus expected) {
        if (changed.isEmpty()) {
            return List.of();
        }
        var counts = template.batchUpdate(
                UPDATE, changed.stream().map(d -> updateRow(d, expected)).toList());
        var refused = new ArrayList<Long>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                refused.add(changed.get(i).id());
            }
        }
        return refused;
    }

    private static Object[] updateRow(Delivery d, DeliveryStatus expected) {
        return new Object[] {
            Timestamps.utc(d.scheduledAt()),
            d.status().name(),
            d.externalRef(),
            d.failureReason(),
            Timestamps.utc(d.publishedAt()),
            Timestamps.utc(d.updatedAt()),
            d.id(),
            expected.name()
        };
    }

    @Override
    public Optional<Delivery> find(long id) {
        return jdbc.sql(SELECT + " FROM delivery d WHERE d.id = ?")
                .param(id)
                .query(JdbcDeliveryRepository::map)
                .optional();
    }

    @Override
    public List<Delivery> findByContent(long contentId) {
        return jdbc.sql(SELECT + " FROM delivery d WHERE d.content_id = ? ORDER BY d.scheduled_at, d.id")
                .param(contentId)
                .query(JdbcDeliveryRepository::map)
                .list();
    }

    @Override
    public List<Delivery> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " FROM delivery d WHERE d.id IN (:ids) ORDER BY d.id")
                .param("ids", ids)
                .query(JdbcDeliveryRepository::map)
                .list();
    }

    @Override
    public Page<Delivery> search(DeliveryFilter f, PageRequest page) {
        var filter = new SqlFilter()
                .eq("d.channel_id", "channelId", f.channelId())
                .eq("d.content_id", "contentId", f.contentId())
                .eq("d.status", "status", f.status())
                .condition("i.campaign_id = :campaignId", "campaignId", f.campaignId())
                .condition("c.theme_id = :themeId", "themeId", f.themeId())
                .condition("ch.organisation = :organisation", "organisation", f.organisation())
                .within("d.scheduled_at", f.scheduled());
        var from = "FROM delivery d JOIN content_item i ON i.id = d.content_id JOIN campaign c ON c.id = i.campaign_id"
                + " JOIN channel ch ON ch.id = d.channel_id" + filter.where();
        return Pages.fetch(jdbc, SELECT, from, filter, "d.scheduled_at, d.id", page, JdbcDeliveryRepository::map);
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getLong("id"),
                rs.getLong("content_id"),
                rs.getLong("channel_id"),
                Timestamps.read(rs, "scheduled_at"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getString("external_ref"),
                rs.getString("failure_reason"),
                Timestamps.read(rs, "published_at"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"));
    }
}
