package vn.loa.app.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.JsonLists;
import vn.loa.app.persistence.Pages;
import vn.loa.app.persistence.SqlFilter;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.content.ContentFilter;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.content.ContentVariant;
import vn.loa.campaigns.shared.ConcurrentChange;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.connectors.Platform;

@Repository
class JdbcContentRepository implements ContentRepository {

    private static final String SELECT =
            "SELECT i.id, i.campaign_id, i.title, i.body, i.link, i.media_json, i.tags_json,"
                    + " i.status, i.author, i.rejection_reason, i.created_at, i.updated_at, i.version, i.rebuttal";
    private static final String UPDATE_STATUS = "UPDATE content_item SET status = ?, rejection_reason = ?,"
            + " updated_at = ?, version = ? WHERE id = ? AND version = ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonLists lists;
    private final ReviewSnapshots snapshots;

    JdbcContentRepository(JdbcClient jdbc, JdbcTemplate template, JsonLists lists, ReviewSnapshots snapshots) {
        this.jdbc = jdbc;
        this.template = template;
        this.lists = lists;
        this.snapshots = snapshots;
    }

    @Override
    public ContentItem insert(ContentItem item) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO content_item (campaign_id, title, body, link, media_json, tags_json, status, author,"
                        + " rejection_reason, created_at, updated_at, version, rebuttal)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        item.campaignId(),
                        item.title(),
                        item.body(),
                        item.link(),
                        lists.write(item.media()),
                        lists.write(item.tags()),
                        item.status().name(),
                        item.author(),
                        item.rejectionReason(),
                        Timestamps.utc(item.createdAt()),
                        Timestamps.utc(item.updatedAt()),
                        item.version(),
                        item.rebuttal())
                .update(keys, "id");
        var stored = item.withId(keys.getKeyAs(Long.class));
        insertVariants(stored);
        return stored;
    }

    @Override
    public ContentItem update(ContentItem item) {
        var next = item.version() + 1;
        int changed = jdbc.sql("UPDATE content_item SET title = ?, body = ?, link = ?, media_json = ?, tags_json = ?,"
                        + " status = ?, rejection_reason = ?, updated_at = ?, version = ?, rebuttal = ?"
                        + " WHERE id = ? AND version = ?")
                .params(
                        item.title(),
                        item.body(),
                        item.link(),
                        lists.write(item.media()),
                        lists.write(item.tags()),
                        item.status().name(),
                        item.rejectionReason(),
                        Timestamps.utc(item.updatedAt()),
                        next,
                        item.rebuttal(),
                        item.id(),
                        item.version())
                .update();
        if (changed == 0) {
            throw new ConcurrentChange("content item " + item.id());
        }
        jdbc.sql("DELETE FROM content_variant WHERE content_id = ?")
                .param(item.id())
                .update();
        insertVariants(item);
        return item.withVersion(next);
    }

    @Override
    public ContentItem updateStatus(ContentItem item) {
        if (jdbc.sql(UPDATE_STATUS).params(statusRow(item)).update() == 0) {
            throw new ConcurrentChange("content item " + item.id());
        }
        return statusStored(item);
    }

    /** One JDBC batch: the engine moves the items of a whole claimed batch at once. */
    @Override
    public List<ContentItem> updateStatusAll(List<ContentItem> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        var counts = template.batchUpdate(
                UPDATE_STATUS,
                items.stream().map(JdbcContentRepository::statusRow).toList());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new ConcurrentChange("content item " + items.get(i).id());
            }
        }
        return items.stream().map(this::statusStored).toList();
    }

    private static Object[] statusRow(ContentItem item) {
        return new Object[] {
            item.status().name(),
            item.rejectionReason(),
            Timestamps.utc(item.updatedAt()),
            item.version() + 1,
            item.id(),
            item.version()
        };
    }

    private ContentItem statusStored(ContentItem item) {
        if (item.status() == ContentStatus.APPROVED || item.status() == ContentStatus.REJECTED) {
            // Kept so the next review can show what changed since this one.
            snapshots.record(item.id(), item.status(), item.updatedAt());
        }
        return item.withVersion(item.version() + 1);
    }

    @Override
    public List<ContentItem> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withVariants(jdbc.sql(SELECT + " FROM content_item i WHERE i.id IN (:ids) ORDER BY i.id")
                .param("ids", ids)
                .query(this::map)
                .list());
    }

    @Override
    public Optional<ContentItem> find(long id) {
        var found = jdbc.sql(SELECT + " FROM content_item i WHERE i.id = ?")
                .param(id)
                .query(this::map)
                .list();
        return withVariants(found).stream().findFirst();
    }

    @Override
    public Optional<ContentItem> findHeader(long id) {
        return jdbc.sql(SELECT + " FROM content_item i WHERE i.id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    @Override
    public Page<ContentItem> search(ContentFilter f, PageRequest page) {
        var filter = new SqlFilter()
                .eq("i.campaign_id", "campaignId", f.campaignId())
                .condition(
                        "EXISTS (SELECT 1 FROM campaign c WHERE c.id = i.campaign_id AND c.theme_id = :themeId)",
                        "themeId",
                        f.themeId())
                .condition(
                        "EXISTS (SELECT 1 FROM delivery d WHERE d.content_id = i.id AND d.channel_id = :channelId)",
                        "channelId",
                        f.channelId())
                .eq("i.status", "status", f.status())
                .eq("i.author", "author", f.author())
                .within("i.created_at", f.created());
        var result = Pages.fetch(
                jdbc,
                SELECT,
                "FROM content_item i" + filter.where(),
                filter,
                "i.rebuttal DESC, i.updated_at DESC, i.id DESC",
                page,
                this::map);
        return new Page<>(withVariants(result.items()), result.page(), result.size(), result.totalItems());
    }

    private void insertVariants(ContentItem item) {
        for (var v : item.variants().values()) {
            var values = new ArrayList<Object>();
            values.add(item.id());
            values.addAll(VariantColumns.values(v, lists));
            jdbc.sql("INSERT INTO content_variant (content_id, " + VariantColumns.NAMES
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(values)
                    .update();
        }
    }

    /** Loads the variants of all given items in one query. */
    private List<ContentItem> withVariants(List<ContentItem> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<Long, Map<Platform, ContentVariant>> variants = new HashMap<>();
        jdbc.sql("SELECT content_id, " + VariantColumns.NAMES + " FROM content_variant WHERE content_id IN (:ids)")
                .param("ids", items.stream().map(ContentItem::id).toList())
                .query(rs -> {
                    var variant = VariantColumns.read(rs, lists);
                    variants.computeIfAbsent(rs.getLong("content_id"), k -> new EnumMap<>(Platform.class))
                            .put(variant.platform(), variant);
                });
        return items.stream()
                .map(i -> new ContentItem(
                        i.id(),
                        i.campaignId(),
                        i.title(),
                        i.body(),
                        i.link(),
                        i.media(),
                        i.tags(),
                        variants.getOrDefault(i.id(), Map.of()),
                        i.status(),
                        i.author(),
                        i.rejectionReason(),
                        i.createdAt(),
                        i.updatedAt(),
                        i.version(),
                        i.rebuttal()))
                .toList();
    }

    private ContentItem map(ResultSet rs, int row) throws SQLException {
        return new ContentItem(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("link"),
                lists.read(rs.getString("media_json")),
                lists.read(rs.getString("tags_json")),
                Map.of(),
                ContentStatus.valueOf(rs.getString("status")),
                rs.getString("author"),
                rs.getString("rejection_reason"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"),
                rs.getLong("version"),
                rs.getBoolean("rebuttal"));
    }
}
