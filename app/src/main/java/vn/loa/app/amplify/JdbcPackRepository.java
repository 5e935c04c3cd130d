package vn.loa.app.amplify;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.app.persistence.JsonLists;
import vn.loa.app.persistence.Pages;
import vn.loa.app.persistence.SqlFilter;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.amplify.ContentPack;
import vn.loa.campaigns.amplify.PackFilter;
import vn.loa.campaigns.amplify.PackRepository;
import vn.loa.campaigns.amplify.PackStatus;
import vn.loa.campaigns.amplify.PackText;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.connectors.Platform;

/** Content packs (texts, media and hashtags as JSON read whole) and the rebuttal push log. */
@Repository
class JdbcPackRepository implements PackRepository {

    private static final TypeReference<List<PackText>> TEXTS = new TypeReference<>() {};
    private static final String COLUMNS = "id, content_id, campaign_id, page_id, organisation_id, platform, status,"
            + " window_from, window_to, rapid, official_published_at, link_code, tracked_url, texts_json, media_json,"
            + " hashtags_json, delivery_id, created_by, created_at, reminded_at, updated_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM content_pack";
    private static final String INSERT = "INSERT INTO content_pack (" + COLUMNS.substring("id, ".length())
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final JsonLists lists;

    JdbcPackRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, JsonLists lists) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.lists = lists;
    }

    @Override
    public List<ContentPack> insertAll(List<ContentPack> packs) {
        var rows = new ArrayList<Object[]>();
        for (var p : packs) {
            rows.add(new Object[] {
                p.contentId(),
                p.campaignId(),
                p.pageId(),
                p.organisationId(),
                p.platform().name(),
                p.status().name(),
                Timestamps.utc(p.windowFrom()),
                Timestamps.utc(p.windowTo()),
                p.rapid(),
                Timestamps.utc(p.officialPublishedAt()),
                p.linkCode(),
                p.trackedUrl(),
                json.writeValueAsString(p.texts()),
                lists.write(p.media()),
                lists.write(p.hashtags()),
                p.deliveryId(),
                p.createdBy(),
                Timestamps.utc(p.createdAt()),
                Timestamps.utc(p.remindedAt()),
                Timestamps.utc(p.updatedAt())
            });
        }
        var keys = new GeneratedKeyHolder();
        // One JDBC batch for all the packs of a push, with their generated ids back.
        template.batchUpdate(
                con -> con.prepareStatement(INSERT, new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        var row = rows.get(i);
                        for (int c = 0; c < row.length; c++) {
                            StatementCreatorUtils.setParameterValue(ps, c + 1, SqlTypeValue.TYPE_UNKNOWN, row[c]);
                        }
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                },
                keys);
        var stored = new ArrayList<ContentPack>();
        var generated = keys.getKeyList();
        for (int i = 0; i < packs.size(); i++) {
            stored.add(packs.get(i).withId(((Number) generated.get(i).get("id")).longValue()));
        }
        return stored;
    }

    @Override
    public boolean move(ContentPack p, PackStatus expected) {
        return jdbc.sql(
                                "UPDATE content_pack SET status = ?, delivery_id = ?, updated_at = ? WHERE id = ? AND status = ?")
                        .params(
                                p.status().name(),
                                p.deliveryId(),
                                Timestamps.utc(p.updatedAt()),
                                p.id(),
                                expected.name())
                        .update()
                == 1;
    }

    @Override
    public Optional<ContentPack> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional();
    }

    @Override
    public Optional<ContentPack> findByDelivery(long deliveryId) {
        return jdbc.sql(SELECT + " WHERE delivery_id = ?")
                .param(deliveryId)
                .query(this::map)
                .optional();
    }

    @Override
    public List<ContentPack> findByContent(long contentId) {
        return jdbc.sql(SELECT + " WHERE content_id = ? ORDER BY id")
                .param(contentId)
                .query(this::map)
                .list();
    }

    @Override
    public Page<ContentPack> search(PackFilter f, Instant now, PageRequest page) {
        var where = new SqlFilter()
                .eq("content_id", "content", f.contentId())
                .eq("campaign_id", "campaign", f.campaignId())
                .eq("page_id", "page", f.pageId())
                .eq("status", "status", f.status())
                .eq("rapid", "rapid", f.rapid())
                .condition("organisation_id IN (:organisations)", "organisations", f.organisationIds());
        if (f.late() != null) {
            where.condition(
                    f.late()
                            ? "status IN ('OFFERED', 'ACCEPTED') AND window_to <= :now"
                            : "NOT (status IN ('OFFERED', 'ACCEPTED') AND window_to <= :now)",
                    "now",
                    Timestamps.utc(now));
        }
        return Pages.fetch(
                jdbc,
                "SELECT " + COLUMNS,
                "FROM content_pack" + where.where(),
                where,
                "created_at DESC, id DESC",
                page,
                this::map);
    }

    @Override
    public List<ContentPack> dueReminder(Instant now, Instant endsBefore, int limit) {
        return jdbc.sql(SELECT
                        + " WHERE status = 'OFFERED' AND reminded_at IS NULL AND window_to > ? AND window_to <= ?"
                        + " ORDER BY window_to, id LIMIT ?")
                .params(Timestamps.utc(now), Timestamps.utc(endsBefore), limit)
                .query(this::map)
                .list();
    }

    @Override
    public List<Long> markReminded(Collection<Long> ids, Instant at) {
        var claimed = new ArrayList<Long>();
        for (var id : ids) {
            if (jdbc.sql("UPDATE content_pack SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL")
                            .params(Timestamps.utc(at), id)
                            .update()
                    == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    @Override
    public boolean claimRapidPush(long contentId, long officialDeliveryId, Instant at) {
        try {
            jdbc.sql("INSERT INTO rapid_push (content_id, delivery_id, pushed_at) VALUES (?, ?, ?)")
                    .params(contentId, officialDeliveryId, Timestamps.utc(at))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** What amplification has to do after a delivery was published. */
    record AfterPublish(long deliveryId, boolean pushRebuttal, boolean recordShare) {}

    /**
     * Of these published deliveries, those amplification has work for, in one statement: a
     * rebuttal on an official channel is pushed to the partners; a pack's delivery becomes the
     * partner's share. Most publications are neither, and need no more reads.
     */
    List<AfterPublish> afterPublish(Collection<Long> deliveryIds) {
        var rebuttal = "(i.rebuttal AND c.channel_role = 'OFFICIAL')";
        var pack = "EXISTS (SELECT 1 FROM content_pack p WHERE p.delivery_id = d.id)";
        return jdbc.sql("SELECT d.id, " + rebuttal + ", " + pack + " FROM delivery d"
                        + " JOIN content_item i ON i.id = d.content_id JOIN channel c ON c.id = d.channel_id"
                        + " WHERE d.id IN (:ids) AND d.status = 'PUBLISHED' AND (" + rebuttal + " OR " + pack + ")"
                        + " ORDER BY d.id")
                .param("ids", deliveryIds)
                .query((rs, n) -> new AfterPublish(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3)))
                .list();
    }

    /** Where a tracked-link code leads, and whose pack it is. */
    Optional<LinkClicks.Target> linkTarget(String code) {
        return jdbc.sql("SELECT id, tracked_url FROM content_pack WHERE link_code = ?")
                .param(code)
                .query((rs, n) -> new LinkClicks.Target(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    /**
     * Rebuttal deliveries published on an official channel since {@code since} whose push to the
     * partners never happened (a crash between publishing and pushing): the sweep pushes them.
     */
    List<Long> rebuttalsNotPushedSince(Instant since) {
        return jdbc.sql("SELECT d.id FROM delivery d JOIN content_item i ON i.id = d.content_id"
                        + " JOIN channel c ON c.id = d.channel_id WHERE i.rebuttal AND c.channel_role = 'OFFICIAL'"
                        + " AND d.status = 'PUBLISHED' AND d.published_at >= ? AND NOT EXISTS"
                        + " (SELECT 1 FROM rapid_push r WHERE r.content_id = d.content_id) ORDER BY d.id")
                .param(Timestamps.utc(since))
                .query(Long.class)
                .list();
    }

    /** Deliveries of packs still ACCEPTED although Loa has published them on the partner's page: shares to record. */
    List<Long> acceptedButPublished() {
        return jdbc.sql("SELECT p.delivery_id FROM content_pack p JOIN delivery d ON d.id = p.delivery_id"
                        + " WHERE p.status = ? AND d.status = 'PUBLISHED' ORDER BY p.delivery_id")
                .param(PackStatus.ACCEPTED.name())
                .query(Long.class)
                .list();
    }

    private ContentPack map(ResultSet rs, int row) throws SQLException {
        var delivery = rs.getLong("delivery_id");
        var noDelivery = rs.wasNull();
        return new ContentPack(
                rs.getLong("id"),
                rs.getLong("content_id"),
                rs.getLong("campaign_id"),
                rs.getLong("page_id"),
                rs.getLong("organisation_id"),
                Platform.valueOf(rs.getString("platform")),
                PackStatus.valueOf(rs.getString("status")),
                Timestamps.read(rs, "window_from"),
                Timestamps.read(rs, "window_to"),
                rs.getBoolean("rapid"),
                Timestamps.read(rs, "official_published_at"),
                rs.getString("link_code"),
                rs.getString("tracked_url"),
                json.readValue(rs.getString("texts_json"), TEXTS),
                lists.read(rs.getString("media_json")),
                lists.read(rs.getString("hashtags_json")),
                noDelivery ? null : delivery,
                rs.getString("created_by"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "reminded_at"),
                Timestamps.read(rs, "updated_at"));
    }
}
