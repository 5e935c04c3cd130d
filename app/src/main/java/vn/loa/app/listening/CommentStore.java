package vn.loa.app.listening;

import static vn.loa.app.persistence.SqlRows.rows;
import static vn.loa.app.persistence.SqlRows.typedRows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Timestamps;
import vn.loa.connectors.Platform;

/**
 * The comment tables: comments per post, each post's read cursor, which topics each comment
 * mentions and the hourly counts per topic and channel. The only class with SQL on them. Runs in
 * the caller's transaction; writes are multi-row statements.
 */
@Repository
public class CommentStore {

    /** A published post whose comments are due a read, with where the last read stopped. */
    public record Due(
            long deliveryId,
            long channelId,
            long themeId,
            String externalRef,
            Instant sinceAt,
            String pageToken,
            Instant passNewest,
            long latestComments) {}

    /** Where a post's next read starts, after a read. */
    public record Cursor(
            long deliveryId, Instant sinceAt, String pageToken, Instant passNewest, long knownCount, Instant readAt) {}

    /** A comment to store. */
    public record NewComment(
            long deliveryId,
            long channelId,
            long themeId,
            String externalId,
            String body,
            Instant createdAt,
            long likeCount,
            String authorHash) {}

    /** A stored comment mentions a topic. */
    public record Match(long commentId, long topicId, long channelId, Instant createdAt) {}

    /** A comment as listed. */
    public record StoredComment(
            long id,
            long deliveryId,
            long channelId,
            long themeId,
            String body,
            Instant createdAt,
            long likeCount,
            String authorHash) {}

    /** Comments of one topic on one channel in one hour. */
    public record HourCount(long topicId, long channelId, Instant hourStart, long comments) {}

    /** Comments are split into statements of this many rows (PostgreSQL takes at most 32,767 parameters). */
    static final int ROWS_PER_STATEMENT = 500;
    /** Topic matches and hourly counts (4 values each) per statement. */
    static final int MATCHES_PER_STATEMENT = 2_000;
    /** Platform ids looked up per query. */
    static final int LOOKUPS_PER_STATEMENT = 5_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public CommentStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Posts due a comment read at {@code now}: published since {@code publishedSince} on a platform
     * that gives comments, in a campaign whose theme watches an active topic; never read, or a pass
     * unfinished, or still hot ({@code hotSince}, not YouTube), or with more comments at the last
     * engagement read than at the last comment read. Longest unread first.
     */
    public List<Due> due(Instant publishedSince, Instant hotSince, Collection<Platform> platforms, int limit) {
        if (platforms.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT d.id, d.channel_id, c.theme_id, d.external_ref, cc.since_at, cc.page_token, cc.pass_newest,
                       COALESCE(el.comments, 0) AS latest_comments
                FROM delivery d
                JOIN channel ch ON ch.id = d.channel_id
                JOIN content_item i ON i.id = d.content_id
                JOIN campaign c ON c.id = i.campaign_id
                LEFT JOIN comment_cursor cc ON cc.delivery_id = d.id
                LEFT JOIN engagement_latest el ON el.delivery_id = d.id
                WHERE d.status = 'PUBLISHED' AND d.external_ref IS NOT NULL AND d.published_at >= :since
                  AND ch.platform IN (:platforms)
                  AND EXISTS (SELECT 1 FROM listening_topic_theme x JOIN listening_topic t ON t.id = x.topic_id
                              WHERE x.theme_id = c.theme_id AND t.active)
                  AND (cc.delivery_id IS NULL OR cc.page_token IS NOT NULL
                       OR (ch.platform <> 'YOUTUBE' AND d.published_at >= :hot)
                       OR COALESCE(el.comments, 0) > cc.known_count)
                ORDER BY cc.last_read_at NULLS FIRST, d.id
                LIMIT :limit""")
                .param("since", Timestamps.utc(publishedSince))
                .param("hot", Timestamps.utc(hotSince))
                .param("platforms", platforms.stream().map(Platform::name).toList())
                .param("limit", limit)
                .query((rs, n) -> new Due(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        Timestamps.read(rs, "since_at"),
                        rs.getString(6),
                        Timestamps.read(rs, "pass_newest"),
                        rs.getLong(8)))
                .list();
    }

    /**
     * Stores the comments not stored yet (a post's comments are keyed by their platform id) and
     * returns the new ones' ids by post and platform id: one query for those already stored, then
     * multi-row INSERTs that give back the new rows' ids, whatever the number of posts.
     */
    public Map<Key, Long> insertNew(List<NewComment> comments, Instant readAt) {
        var fresh = new LinkedHashMap<Key, NewComment>();
        for (var c : comments) {
            fresh.putIfAbsent(new Key(c.deliveryId(), c.externalId()), c);
        }
        if (fresh.isEmpty()) {
            return Map.of();
        }
        fresh.keySet().removeAll(existing(fresh.keySet()));
        var ids = new HashMap<Key, Long>();
        if (fresh.isEmpty()) {
            return ids;
        }
        var at = Timestamps.utc(readAt);
        var list = new ArrayList<>(fresh.values());
        for (int from = 0; from < list.size(); from += ROWS_PER_STATEMENT) {
            var slice = list.subList(from, Math.min(list.size(), from + ROWS_PER_STATEMENT));
            var params = new ArrayList<Object>(slice.size() * 9);
            for (var c : slice) {
                params.addAll(Arrays.asList(
                        c.deliveryId(),
                        c.channelId(),
                        c.themeId(),
                        c.externalId(),
                        c.body(),
                        Timestamps.utc(c.createdAt()),
                        c.likeCount(),
                        c.authorHash(),
                        at));
            }
            var sql = "INSERT INTO post_comment (delivery_id, channel_id, theme_id, external_id, body, created_at,"
                    + " like_count, author_hash, read_at) VALUES " + rows(slice.size(), 9);
            var keys = new GeneratedKeyHolder();
            template.update(
                    connection -> {
                        var statement = connection.prepareStatement(sql, NEW_KEYS);
                        new ArgumentPreparedStatementSetter(params.toArray()).setValues(statement);
                        return statement;
                    },
                    keys);
            for (var row : keys.getKeyList()) {
                ids.put(
                        new Key(((Number) row.get("delivery_id")).longValue(), (String) row.get("external_id")),
                        ((Number) row.get("id")).longValue());
            }
        }
        return ids;
    }

    /** The columns a comment INSERT gives back: its id with its key, so no row order is assumed. */
    private static final String[] NEW_KEYS = {"id", "delivery_id", "external_id"};

    /** A comment's key: its post and its id on the platform. */
    public record Key(long deliveryId, String externalId) {}

    /** Which of the keys are stored already: one query per slice of platform ids, whatever the posts. */
    private Set<Key> existing(Collection<Key> keys) {
        var posts = keys.stream().map(Key::deliveryId).distinct().toList();
        var externalIds = keys.stream().map(Key::externalId).distinct().toList();
        var found = new HashSet<Key>();
        for (int from = 0; from < externalIds.size(); from += LOOKUPS_PER_STATEMENT) {
            jdbc.sql("SELECT delivery_id, external_id FROM post_comment WHERE delivery_id IN (:d)"
                            + " AND external_id IN (:ids)")
                    .param("d", posts)
                    .param("ids", externalIds.subList(from, Math.min(externalIds.size(), from + LOOKUPS_PER_STATEMENT)))
                    .query(rs -> {
                        var key = new Key(rs.getLong(1), rs.getString(2));
                        if (keys.contains(key)) {
                            found.add(key);
                        }
                    });
        }
        return found;
    }

    /** Stores which topics the new comments mention, and adds them to the hourly counts. */
    public void insertMatches(List<Match> matches) {
        if (matches.isEmpty()) {
            return;
        }
        for (int from = 0; from < matches.size(); from += MATCHES_PER_STATEMENT) {
            var slice = matches.subList(from, Math.min(matches.size(), from + MATCHES_PER_STATEMENT));
            var params = new ArrayList<Object>(slice.size() * 4);
            for (var m : slice) {
                params.addAll(List.of(m.commentId(), m.topicId(), m.channelId(), Timestamps.utc(m.createdAt())));
            }
            template.update(
                    "INSERT INTO comment_topic (comment_id, topic_id, channel_id, created_at) VALUES "
                            + rows(slice.size(), 4),
                    params.toArray());
        }
        var hours = new LinkedHashMap<HourKey, Long>();
        for (var m : matches) {
            hours.merge(
                    new HourKey(m.topicId(), m.channelId(), m.createdAt().truncatedTo(ChronoUnit.HOURS)),
                    1L,
                    Long::sum);
        }
        var all = new ArrayList<>(hours.entrySet());
        for (int from = 0; from < all.size(); from += MATCHES_PER_STATEMENT) {
            var slice = all.subList(from, Math.min(all.size(), from + MATCHES_PER_STATEMENT));
            var params = new ArrayList<Object>(slice.size() * 4);
            slice.forEach(e -> params.addAll(List.of(
                    e.getKey().topicId(),
                    e.getKey().channelId(),
                    Timestamps.utc(e.getKey().hour()),
                    e.getValue())));
            template.update(
                    "MERGE INTO topic_hourly t USING (VALUES "
                            + typedRows(slice.size(), "BIGINT", "BIGINT", "TIMESTAMP WITH TIME ZONE", "BIGINT")
                            + ") AS s (topic_id, channel_id, hour_start, comments)"
                            + " ON t.topic_id = s.topic_id AND t.channel_id = s.channel_id AND t.hour_start = s.hour_start"
                            + " WHEN MATCHED THEN UPDATE SET comments = t.comments + s.comments"
                            + " WHEN NOT MATCHED THEN INSERT (topic_id, channel_id, hour_start, comments)"
                            + " VALUES (s.topic_id, s.channel_id, s.hour_start, s.comments)",
                    params.toArray());
        }
    }

    private record HourKey(long topicId, long channelId, Instant hour) {}

    /** Saves where each post's next read starts. */
    public void saveCursors(List<Cursor> cursors) {
        if (cursors.isEmpty()) {
            return;
        }
        var params = new ArrayList<Object>();
        for (var c : cursors) {
            params.addAll(Arrays.asList(
                    c.deliveryId(),
                    Timestamps.utc(c.sinceAt()),
                    c.pageToken(),
                    Timestamps.utc(c.passNewest()),
                    c.knownCount(),
                    Timestamps.utc(c.readAt())));
        }
        template.update(
                "MERGE INTO comment_cursor t USING (VALUES "
                        + typedRows(
                                cursors.size(),
                                "BIGINT",
                                "TIMESTAMP WITH TIME ZONE",
                                "VARCHAR(2000)",
                                "TIMESTAMP WITH TIME ZONE",
                                "BIGINT",
                                "TIMESTAMP WITH TIME ZONE")
                        + ") AS s (delivery_id, since_at, page_token, pass_newest, known_count, last_read_at)"
                        + " ON t.delivery_id = s.delivery_id"
                        + " WHEN MATCHED THEN UPDATE SET since_at = s.since_at, page_token = s.page_token,"
                        + " pass_newest = s.pass_newest, known_count = s.known_count, last_read_at = s.last_read_at"
                        + " WHEN NOT MATCHED THEN INSERT (delivery_id, since_at, page_token, pass_newest, known_count,"
                        + " last_read_at) VALUES (s.delivery_id, s.since_at, s.page_token, s.pass_newest, s.known_count,"
                        + " s.last_read_at)",
                params.toArray());
    }

    /** Topic and channel pairs with a matching comment made at or after {@code since}. */
    public List<Map.Entry<Long, Long>> activePairs(Instant since) {
        return jdbc.sql("SELECT DISTINCT topic_id, channel_id FROM comment_topic WHERE created_at >= ?")
                .param(Timestamps.utc(since))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    /**
     * The topic's comments on the channel per hour-long window ending at {@code end} (each window
     * (start, end]): index 0 is the last hour, 1 the hour before, up to {@code hours - 1}.
     */
    public long[] rollingHours(long topicId, long channelId, Instant end, int hours) {
        var counts = new long[hours];
        var start = end.minus(Duration.ofHours(hours));
        jdbc.sql("SELECT created_at FROM comment_topic WHERE topic_id = ? AND channel_id = ? AND created_at > ?"
                        + " AND created_at <= ?")
                .params(topicId, channelId, Timestamps.utc(start), Timestamps.utc(end))
                .query(rs -> {
                    var at = Timestamps.read(rs, "created_at");
                    int index = (int) (Duration.between(at, end).toNanos()
                            / Duration.ofHours(1).toNanos());
                    if (index >= 0 && index < hours) {
                        counts[index]++;
                    }
                });
        return counts;
    }

    /** The most liked comments of a topic on a channel made in (from, to]. */
    public List<StoredComment> topComments(long topicId, long channelId, Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT c.id, c.delivery_id, c.channel_id, c.theme_id, c.body, c.created_at, c.like_count,"
                        + " c.author_hash FROM comment_topic m JOIN post_comment c ON c.id = m.comment_id"
                        + " WHERE m.topic_id = ? AND m.channel_id = ? AND m.created_at > ? AND m.created_at <= ?"
                        + " ORDER BY c.like_count DESC, c.created_at DESC, c.id LIMIT ?")
                .params(topicId, channelId, Timestamps.utc(from), Timestamps.utc(to), limit)
                .query(CommentStore::comment)
                .list();
    }

    /** Per theme and topic, the comments that mentioned the topic in [from, to), most first. */
    public List<ListeningResults.TopicVolume> topicVolumes(Instant from, Instant to) {
        return jdbc.sql(
                        "SELECT x.theme_id, t.id, t.name, t.kind, COUNT(m.comment_id) FROM listening_topic t"
                                + " JOIN listening_topic_theme x ON x.topic_id = t.id"
                                + " LEFT JOIN comment_topic m ON m.topic_id = t.id AND m.created_at >= ? AND m.created_at < ?"
                                + " GROUP BY x.theme_id, t.id, t.name, t.kind ORDER BY x.theme_id, COUNT(m.comment_id) DESC, t.name")
                .params(Timestamps.utc(from), Timestamps.utc(to))
                .query((rs, n) -> new ListeningResults.TopicVolume(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
    }

    /** A rumour the comment mentions, if any (the first by id). */
    public Optional<Long> rumourOf(long commentId) {
        return jdbc.sql("SELECT MIN(m.topic_id) FROM comment_topic m JOIN listening_topic t ON t.id = m.topic_id"
                        + " WHERE m.comment_id = ? AND t.kind = 'RUMOUR'")
                .param(commentId)
                .query(Long.class)
                .optional();
    }

    public List<StoredComment> comments(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, delivery_id, channel_id, theme_id, body, created_at, like_count, author_hash"
                        + " FROM post_comment WHERE id IN (:ids) ORDER BY created_at, id")
                .param("ids", ids)
                .query(CommentStore::comment)
                .list();
    }

    /** Hourly counts of a topic (all channels, or one) in [from, to), oldest first. */
    public List<HourCount> hourly(long topicId, Long channelId, Instant from, Instant to) {
        return jdbc.sql("SELECT topic_id, channel_id, hour_start, comments FROM topic_hourly WHERE topic_id = ?"
                        + " AND hour_start >= ? AND hour_start < ?"
                        + (channelId == null ? "" : " AND channel_id = " + channelId)
                        + " ORDER BY hour_start, channel_id")
                .params(topicId, Timestamps.utc(from), Timestamps.utc(to))
                .query((rs, n) ->
                        new HourCount(rs.getLong(1), rs.getLong(2), Timestamps.read(rs, "hour_start"), rs.getLong(4)))
                .list();
    }

    /**
     * Comments that mention a rumour (flagged for rebuttal), of one theme's rumours or all, newest
     * first, with the rumour's id.
     */
    public List<Map.Entry<Long, StoredComment>> flagged(Long themeId, Instant since, int limit) {
        return jdbc.sql("SELECT m.topic_id, c.id, c.delivery_id, c.channel_id, c.theme_id, c.body, c.created_at,"
                        + " c.like_count, c.author_hash FROM comment_topic m JOIN listening_topic t ON t.id = m.topic_id"
                        + " JOIN post_comment c ON c.id = m.comment_id WHERE t.kind = 'RUMOUR' AND m.created_at >= :since"
                        + (themeId == null
                                ? ""
                                : " AND EXISTS (SELECT 1 FROM listening_topic_theme x WHERE x.topic_id = t.id"
                                        + " AND x.theme_id = :theme)")
                        + " ORDER BY m.created_at DESC, c.id DESC LIMIT :limit")
                .param("since", Timestamps.utc(since))
                .param("theme", themeId)
                .param("limit", limit)
                .query((rs, n) -> Map.entry(
                        rs.getLong(1),
                        new StoredComment(
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5),
                                rs.getString(6),
                                Timestamps.read(rs, "created_at"),
                                rs.getLong(8),
                                rs.getString(9))))
                .list();
    }

    private static StoredComment comment(ResultSet rs, int n) throws SQLException {
        return new StoredComment(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getString(5),
                Timestamps.read(rs, "created_at"),
                rs.getLong(7),
                rs.getString(8));
    }
}
