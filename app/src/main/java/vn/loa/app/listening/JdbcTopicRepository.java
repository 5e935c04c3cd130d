package vn.loa.app.listening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.JsonLists;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.listening.Topic;
import vn.loa.campaigns.listening.TopicKind;
import vn.loa.campaigns.listening.TopicRepository;

/** Watched topics and the themes they belong to (listening_topic, listening_topic_theme). */
@Repository
class JdbcTopicRepository implements TopicRepository {

    private static final String COLUMNS = "t.id, t.name, t.kind, t.phrases, t.active, t.created_by, t.updated_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonLists json;

    JdbcTopicRepository(JdbcClient jdbc, JdbcTemplate template, JsonLists json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    @Override
    public Topic insert(Topic topic) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO listening_topic (name, kind, phrases, active, created_by, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        topic.name(),
                        topic.kind().name(),
                        json.write(topic.phrases()),
                        topic.active(),
                        topic.createdBy(),
                        Timestamps.utc(topic.updatedAt()))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        themes(id, topic.themeIds());
        return new Topic(
                id,
                topic.name(),
                topic.kind(),
                topic.phrases(),
                topic.themeIds(),
                topic.active(),
                topic.createdBy(),
                topic.updatedAt());
    }

    @Override
    public void update(Topic topic) {
        jdbc.sql("UPDATE listening_topic SET name = ?, kind = ?, phrases = ?, active = ?, updated_at = ? WHERE id = ?")
                .params(
                        topic.name(),
                        topic.kind().name(),
                        json.write(topic.phrases()),
                        topic.active(),
                        Timestamps.utc(topic.updatedAt()),
                        topic.id())
                .update();
        jdbc.sql("DELETE FROM listening_topic_theme WHERE topic_id = ?")
                .param(topic.id())
                .update();
        themes(topic.id(), topic.themeIds());
    }

    private void themes(long topicId, Set<Long> themeIds) {
        template.batchUpdate(
                "INSERT INTO listening_topic_theme (topic_id, theme_id) VALUES (?, ?)",
                themeIds.stream().map(t -> new Object[] {topicId, t}).toList());
    }

    @Override
    public Optional<Topic> find(long id) {
        return select(" WHERE t.id = ?", List.of(id)).stream().findFirst();
    }

    @Override
    public List<Topic> findAll(Long themeId, boolean activeOnly) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        if (themeId != null) {
            where.add("EXISTS (SELECT 1 FROM listening_topic_theme x WHERE x.topic_id = t.id AND x.theme_id = ?)");
            params.add(themeId);
        }
        if (activeOnly) {
            where.add("t.active");
        }
        return select(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where), params);
    }

    private List<Topic> select(String where, List<Object> params) {
        var rows = jdbc.sql("SELECT " + COLUMNS + " FROM listening_topic t" + where + " ORDER BY t.name, t.id")
                .params(params)
                .query(this::row)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        var themes = new HashMap<Long, Set<Long>>();
        jdbc.sql("SELECT topic_id, theme_id FROM listening_topic_theme WHERE topic_id IN (:ids)")
                .param("ids", rows.stream().map(Topic::id).toList())
                .query(rs -> {
                    themes.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                });
        return rows.stream().map(t -> withThemes(t, themes)).toList();
    }

    private static Topic withThemes(Topic t, Map<Long, Set<Long>> themes) {
        return new Topic(
                t.id(),
                t.name(),
                t.kind(),
                t.phrases(),
                themes.getOrDefault(t.id(), Set.of()),
                t.active(),
                t.createdBy(),
                t.updatedAt());
    }

    private Topic row(ResultSet rs, int n) throws SQLException {
        return new Topic(
                rs.getLong("id"),
                rs.getString("name"),
                TopicKind.valueOf(rs.getString("kind")),
                json.read(rs.getString("phrases")),
                Set.of(),
                rs.getBoolean("active"),
                rs.getString("created_by"),
                Timestamps.read(rs, "updated_at"));
    }
}
