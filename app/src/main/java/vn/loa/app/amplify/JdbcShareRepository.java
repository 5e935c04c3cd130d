package vn.loa.app.amplify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.amplify.PartnerShare;
import vn.loa.campaigns.amplify.ShareMethod;
import vn.loa.campaigns.amplify.ShareRepository;

/** Partners' shares of packs. */
@Repository
class JdbcShareRepository implements ShareRepository {

    private static final String SELECT = "SELECT id, pack_id, page_id, url, post_id, method, owner_verified, shared_at,"
            + " recorded_by FROM partner_share";

    private final JdbcClient jdbc;

    JdbcShareRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PartnerShare insert(PartnerShare s) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO partner_share (pack_id, page_id, url, post_id, method, owner_verified, shared_at,"
                        + " recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.packId(),
                        s.pageId(),
                        s.url(),
                        s.postId(),
                        s.method().name(),
                        s.ownerVerified(),
                        Timestamps.utc(s.sharedAt()),
                        s.recordedBy())
                .update(keys, "id");
        var stored = s.withId(keys.getKeyAs(Long.class));
        // Its engagement is read by the collection job from the next run on.
        jdbc.sql("INSERT INTO share_engagement (share_id, next_read_at) VALUES (?, ?)")
                .params(stored.id(), Timestamps.utc(s.sharedAt()))
                .update();
        return stored;
    }

    @Override
    public Optional<PartnerShare> findByPost(long pageId, String postId) {
        return jdbc.sql(SELECT + " WHERE page_id = ? AND post_id = ?")
                .params(pageId, postId)
                .query(JdbcShareRepository::map)
                .optional();
    }

    @Override
    public List<PartnerShare> findByPack(long packId) {
        return jdbc.sql(SELECT + " WHERE pack_id = ? ORDER BY shared_at, id")
                .param(packId)
                .query(JdbcShareRepository::map)
                .list();
    }

    private static PartnerShare map(ResultSet rs, int row) throws SQLException {
        return new PartnerShare(
                rs.getLong("id"),
                rs.getLong("pack_id"),
                rs.getLong("page_id"),
                rs.getString("url"),
                rs.getString("post_id"),
                ShareMethod.valueOf(rs.getString("method")),
                rs.getBoolean("owner_verified"),
                Timestamps.read(rs, "shared_at"),
                rs.getString("recorded_by"));
    }
}
