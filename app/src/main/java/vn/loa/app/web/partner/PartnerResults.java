package vn.loa.app.web.partner;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** A partner's own results over their packs: shares confirmed, tracked-link clicks, and what the shares gathered. */
@Repository
class PartnerResults {

    record Totals(long packs, long shared, long clicks, long interactions, long views) {}

    private final JdbcClient jdbc;

    PartnerResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Totals of(Collection<Long> packIds) {
        if (packIds.isEmpty()) {
            return new Totals(0, 0, 0, 0, 0);
        }
        var ids = List.copyOf(packIds);
        var shared = jdbc.sql("SELECT COUNT(DISTINCT pack_id) FROM partner_share WHERE pack_id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
        var clicks = jdbc.sql("SELECT COALESCE(SUM(clicks), 0) FROM link_click_daily WHERE pack_id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
        var engagement = jdbc.sql(
                        "SELECT COALESCE(SUM(e.interactions), 0), COALESCE(SUM(e.views), 0)"
                                + " FROM share_engagement e JOIN partner_share s ON s.id = e.share_id WHERE s.pack_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        return new Totals(ids.size(), shared, clicks, engagement[0], engagement[1]);
    }
}
