package vn.loa.app.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.JsonLists;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.workflow.Correction;
import vn.loa.campaigns.workflow.CorrectionRepository;

/** The content_correction table: corrections of published posts waiting for, or given, a decision. */
@Repository
class JdbcCorrectionRepository implements CorrectionRepository {

    private static final String COLUMNS = "id, content_id, " + VariantColumns.NAMES
            + ", status, proposed_by, proposed_at, decided_by, decided_at, note";

    private final JdbcClient jdbc;
    private final JsonLists lists;

    JdbcCorrectionRepository(JdbcClient jdbc, JsonLists lists) {
        this.jdbc = jdbc;
        this.lists = lists;
    }

    @Override
    public Correction insert(Correction c) {
        var keys = new GeneratedKeyHolder();
        var v = c.variant();
        var values = new ArrayList<Object>();
        values.add(c.contentId());
        values.addAll(VariantColumns.values(v, lists));
        values.addAll(List.of(c.status().name(), c.proposedBy(), Timestamps.utc(c.proposedAt())));
        jdbc.sql("INSERT INTO content_correction (content_id, " + VariantColumns.NAMES
                        + ", status, proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(values)
                .update(keys, "id");
        return new Correction(
                keys.getKeyAs(Long.class),
                c.contentId(),
                v,
                c.status(),
                c.proposedBy(),
                c.proposedAt(),
                null,
                null,
                null);
    }

    @Override
    public Optional<Correction> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM content_correction WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    @Override
    public boolean decide(Correction decided) {
        return jdbc.sql("UPDATE content_correction SET status = ?, decided_by = ?, decided_at = ?, note = ?"
                                + " WHERE id = ? AND status = ?")
                        .params(
                                decided.status().name(),
                                decided.decidedBy(),
                                Timestamps.utc(decided.decidedAt()),
                                decided.note(),
                                decided.id(),
                                Correction.Status.PENDING.name())
                        .update()
                == 1;
    }

    @Override
    public List<Correction> findByContent(long contentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM content_correction WHERE content_id = ? ORDER BY id")
                .param(contentId)
                .query(this::map)
                .list();
    }

    private Correction map(ResultSet rs, int row) throws SQLException {
        return new Correction(
                rs.getLong("id"),
                rs.getLong("content_id"),
                VariantColumns.read(rs, lists),
                Correction.Status.valueOf(rs.getString("status")),
                rs.getString("proposed_by"),
                Timestamps.read(rs, "proposed_at"),
                rs.getString("decided_by"),
                Timestamps.read(rs, "decided_at"),
                rs.getString("note"));
    }
}
