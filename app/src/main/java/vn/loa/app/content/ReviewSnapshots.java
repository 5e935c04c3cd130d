package vn.loa.app.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.app.persistence.JsonLists;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.content.ContentVariant;
import vn.loa.connectors.Platform;

/**
 * The text of an item as it stood each time it was approved or rejected, so that an approver sees
 * what changed since the last review instead of reading the whole item again.
 */
@Repository
public class ReviewSnapshots {

    private static final TypeReference<List<ContentVariant>> VARIANTS = new TypeReference<>() {};

    /** An item's master text and variants as they were reviewed. */
    public record Snapshot(
            long contentId,
            Instant reviewedAt,
            ContentStatus outcome,
            String title,
            String body,
            String link,
            List<String> media,
            List<String> tags,
            List<ContentVariant> variants) {}

    private final JdbcClient jdbc;
    private final JsonLists lists;
    private final JsonMapper json;

    ReviewSnapshots(JdbcClient jdbc, JsonLists lists, JsonMapper json) {
        this.jdbc = jdbc;
        this.lists = lists;
        this.json = json;
    }

    /** Copies the item's stored text; runs in the transaction that records the review outcome. */
    void record(long contentId, ContentStatus outcome, Instant at) {
        var variants = new ArrayList<ContentVariant>();
        jdbc.sql("SELECT platform, title, body, description, link, cover_url, media_json, tags_json"
                        + " FROM content_variant WHERE content_id = ? ORDER BY platform")
                .param(contentId)
                .query(rs -> {
                    variants.add(new ContentVariant(
                            Platform.valueOf(rs.getString(1)),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            lists.read(rs.getString(7)),
                            lists.read(rs.getString(8))));
                });
        jdbc.sql("INSERT INTO review_snapshot (content_id, reviewed_at, outcome, title, body, link, media_json,"
                        + " tags_json, variants_json) SELECT id, ?, ?, title, body, link, media_json, tags_json, ?"
                        + " FROM content_item WHERE id = ?")
                .params(Timestamps.utc(at), outcome.name(), json.writeValueAsString(variants), contentId)
                .update();
    }

    /** The last review of the item, if it was ever reviewed. */
    public Optional<Snapshot> last(long contentId) {
        return jdbc.sql("SELECT content_id, reviewed_at, outcome, title, body, link, media_json, tags_json,"
                        + " variants_json FROM review_snapshot WHERE content_id = ? ORDER BY id DESC LIMIT 1")
                .param(contentId)
                .query((rs, n) -> new Snapshot(
                        rs.getLong(1),
                        Timestamps.read(rs, "reviewed_at"),
                        ContentStatus.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        lists.read(rs.getString(7)),
                        lists.read(rs.getString(8)),
                        json.readValue(rs.getString(9), VARIANTS)))
                .optional();
    }
}
