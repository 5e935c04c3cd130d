package vn.loa.app.partner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.partner.Criterion;
import vn.loa.campaigns.partner.Evaluation;
import vn.loa.campaigns.partner.EvaluationRepository;

/** Evaluations of partner pages, one row per evaluation and one per score. */
@Repository
class JdbcEvaluationRepository implements EvaluationRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcEvaluationRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public Evaluation insert(Evaluation e) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO partner_evaluation (page_id, reviewer, evaluated_at, notes) VALUES (?, ?, ?, ?)")
                .params(e.pageId(), e.reviewer(), Timestamps.utc(e.evaluatedAt()), e.notes())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        var rows = new ArrayList<Object[]>();
        e.scores().forEach((criterion, score) -> rows.add(new Object[] {id, criterion.name(), score}));
        template.batchUpdate(
                "INSERT INTO partner_evaluation_score (evaluation_id, criterion, score) VALUES (?, ?, ?)", rows);
        return e.withId(id);
    }

    @Override
    public List<Evaluation> listFor(long pageId) {
        return listFor(List.of(pageId));
    }

    @Override
    public Map<Long, Evaluation> latestFor(Collection<Long> pageIds) {
        var latest = new HashMap<Long, Evaluation>();
        // Newest first: the first seen of each page is its latest.
        listFor(pageIds).forEach(e -> latest.putIfAbsent(e.pageId(), e));
        return latest;
    }

    /** The evaluations of these pages with their scores, newest first, in two statements. */
    private List<Evaluation> listFor(Collection<Long> pageIds) {
        if (pageIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<Criterion, Integer>> scores = new HashMap<>();
        jdbc.sql("SELECT s.evaluation_id, s.criterion, s.score FROM partner_evaluation_score s"
                        + " JOIN partner_evaluation e ON e.id = s.evaluation_id WHERE e.page_id IN (:pages)")
                .param("pages", pageIds)
                .query(rs -> {
                    scores.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(Criterion.class))
                            .put(Criterion.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return jdbc.sql("SELECT id, page_id, reviewer, evaluated_at, notes FROM partner_evaluation"
                        + " WHERE page_id IN (:pages) ORDER BY evaluated_at DESC, id DESC")
                .param("pages", pageIds)
                .query((rs, n) -> new Evaluation(
                        rs.getLong("id"),
                        rs.getLong("page_id"),
                        rs.getString("reviewer"),
                        Timestamps.read(rs, "evaluated_at"),
                        scores.getOrDefault(rs.getLong("id"), Map.of()),
                        rs.getString("notes")))
                .list();
    }
}
