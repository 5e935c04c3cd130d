package vn.loa.app.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import vn.loa.app.persistence.JsonLists;
import vn.loa.campaigns.content.ContentVariant;
import vn.loa.connectors.Platform;

/**
 * A variant's columns, the same in content_variant and content_correction: platform, title, body,
 * description, link, cover_url, media_json, tags_json.
 */
final class VariantColumns {

    static final String NAMES = "platform, title, body, description, link, cover_url, media_json, tags_json";

    private VariantColumns() {}

    /** The values for {@link #NAMES}, in order. */
    static List<Object> values(ContentVariant v, JsonLists lists) {
        return Arrays.asList(
                v.platform().name(),
                v.title(),
                v.body(),
                v.description(),
                v.link(),
                v.coverUrl(),
                lists.write(v.media()),
                lists.write(v.tags()));
    }

    static ContentVariant read(ResultSet rs, JsonLists lists) throws SQLException {
        return new ContentVariant(
                Platform.valueOf(rs.getString("platform")),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("description"),
                rs.getString("link"),
                rs.getString("cover_url"),
                lists.read(rs.getString("media_json")),
                lists.read(rs.getString("tags_json")));
    }
}
