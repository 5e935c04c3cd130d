package vn.loa.app.listening;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.loa.app.connection.ChannelConnections;
import vn.loa.app.engagement.CollectionRun;
import vn.loa.app.engagement.UsageGovernor;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.listening.PhraseMatcher;
import vn.loa.campaigns.listening.Topic;
import vn.loa.campaigns.listening.TopicRepository;
import vn.loa.connectors.Comment;
import vn.loa.connectors.CommentPage;
import vn.loa.connectors.ConnectorRegistry;
import vn.loa.connectors.Platform;
import vn.loa.connectors.credentials.MissingCredentials;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/**
 * Reads the comments under published posts, on the engagement job's cadence: only what is new
 * since each post's mark, a bounded number of pages per post and of posts per run, then stores
 * them (author as a keyed hash) with the topics they mention. What cannot be read now (rate limits,
 * quota, a platform past 80 % of its budget) stays due.
 */
@Component
public class CommentCollector {

    private static final Logger log = LoggerFactory.getLogger(CommentCollector.class);
    /** The longest comment kept; longer ones are cut (the platforms allow about 8,000 characters). */
    static final int BODY_MAX = 8_000;

    /** What one chunk of reads did. */
    public record Tally(int posts, int calls, int comments, int matches, int deferred) {}

    private final CommentStore store;
    private final TopicRepository topics;
    private final ChannelRepository channels;
    private final ChannelConnections connections;
    private final ConnectorRegistry connectors;
    private final UsageGovernor usage;
    private final AuthorHash authors;
    private final ListeningProperties properties;
    private final Clock clock;

    public CommentCollector(
            CommentStore store,
            TopicRepository topics,
            ChannelRepository channels,
            ChannelConnections connections,
            ConnectorRegistry connectors,
            UsageGovernor usage,
            AuthorHash authors,
            ListeningProperties properties,
            Clock clock) {
        this.store = store;
        this.topics = topics;
        this.channels = channels;
        this.connections = connections;
        this.connectors = connectors;
        this.usage = usage;
        this.authors = authors;
        this.properties = properties;
        this.clock = clock;
    }

    /** The posts due a comment read now, at most the per-run bound. */
    public List<CommentStore.Due> due() {
        var now = clock.instant();
        var readable = EnumSet.noneOf(Platform.class);
        for (var p : Platform.values()) {
            if (connectors.forPlatform(p).capabilities().comments()) {
                readable.add(p);
            }
        }
        return store.due(
                now.minus(properties.readFor()), now.minus(properties.hotFor()), readable, properties.postsPerRun());
    }

    /** The matcher of every active topic's phrases, built once per run. */
    public PhraseMatcher matcher() {
        return new PhraseMatcher(topics.findAll(null, true).stream()
                .flatMap(t -> t.matcherPhrases().stream())
                .toList());
    }

    /** Reads a chunk of posts and stores what came back; runs inside the caller's transaction. */
    public Tally read(CollectionRun run, PhraseMatcher matcher, List<CommentStore.Due> posts) {
        var known = new HashMap<Long, Channel>();
        channels.findAll(posts.stream()
                        .map(CommentStore.Due::channelId)
                        .distinct()
                        .toList())
                .forEach(c -> known.put(c.id(), c));
        int calls = 0;
        int deferred = 0;
        var now = clock.instant();
        var fetched = new ArrayList<Fetched>();
        var cursors = new ArrayList<CommentStore.Cursor>();
        for (var post : posts) {
            var channel = known.get(post.channelId());
            if (channel == null
                    || run.resting(channel.id())
                    || usage.shouldSlowDown(channel.platform(), channel.externalId())) {
                deferred++;
                continue;
            }
            var read = new PostRead(post);
            try {
                var access = connections.accessFor(channel);
                var connector = connectors.forPlatform(channel.platform());
                var got = new ArrayList<Comment>();
                for (int page = 0; page < properties.pagesPerPost(); page++) {
                    calls++;
                    var answer = connector.readComments(access, post.externalRef(), post.sinceAt(), read.token);
                    got.addAll(answer.comments());
                    if (read.took(answer)) {
                        break;
                    }
                }
                fetched.add(new Fetched(post, channel.platform(), got));
                cursors.add(read.cursor(now));
            } catch (ConnectorException e) {
                if (e.kind() == FailureKind.REJECTED) {
                    // The post is gone or closed to Loa: read it again only when its count grows.
                    cursors.add(read.cursor(now));
                } else if (e.kind() != FailureKind.TRANSIENT) {
                    run.rest(channel.id());
                }
                deferred++;
                log.info(
                        "Comments of {} on {} not read this time: {}",
                        post.externalRef(),
                        channel.label(),
                        e.getMessage());
            } catch (MissingCredentials e) {
                run.rest(channel.id());
                deferred++;
            }
        }
        var stored = store(matcher, fetched, cursors);
        return new Tally(posts.size(), calls, stored.comments(), stored.matches(), deferred);
    }

    /** The comments one post's read gave, as the platform gave them. */
    public record Fetched(CommentStore.Due post, Platform platform, List<Comment> comments) {}

    /** What {@link #store} wrote: new comments and their topic matches. */
    public record Stored(int comments, int matches) {}

    /**
     * Stores what a chunk's reads gave (the database side of a read, also what the ingest benchmark
     * times): each comment cut to {@link #BODY_MAX} with its author hashed, the ones not stored yet
     * inserted, their topics matched and counted per hour, and the posts' cursors saved. Runs in the
     * caller's transaction.
     */
    public Stored store(PhraseMatcher matcher, List<Fetched> fetched, List<CommentStore.Cursor> cursors) {
        var comments = new ArrayList<CommentStore.NewComment>();
        for (var f : fetched) {
            for (var c : f.comments()) {
                comments.add(stored(f.post(), f.platform(), c));
            }
        }
        var ids = store.insertNew(comments, clock.instant());
        var matches = new ArrayList<CommentStore.Match>();
        for (var c : comments) {
            var id = ids.get(new CommentStore.Key(c.deliveryId(), c.externalId()));
            if (id == null) {
                continue; // stored by an earlier read
            }
            for (var topic : matcher.topicsIn(c.body())) {
                matches.add(new CommentStore.Match(id, topic, c.channelId(), c.createdAt()));
            }
        }
        store.insertMatches(matches);
        store.saveCursors(cursors);
        return new Stored(ids.size(), matches.size());
    }

    private CommentStore.NewComment stored(CommentStore.Due post, Platform platform, Comment c) {
        var body = c.text() == null ? "" : c.text();
        return new CommentStore.NewComment(
                post.deliveryId(),
                post.channelId(),
                post.themeId(),
                c.externalId(),
                body.length() > BODY_MAX ? body.substring(0, BODY_MAX) : body,
                c.createdAt() == null ? clock.instant() : c.createdAt(),
                c.likeCount(),
                authors.of(platform, c.authorId()));
    }

    /**
     * One post's read: the page token to go on from, and the newest comment seen in this pass. A
     * pass ends when the platform has no more new comments; the mark then moves to the newest.
     */
    private static final class PostRead {
        private final CommentStore.Due post;
        private String token;
        private Instant newest;
        private boolean finished;

        PostRead(CommentStore.Due post) {
            this.post = post;
            this.token = post.pageToken();
            this.newest = post.passNewest();
        }

        /** Takes a page in; true when the pass is over. */
        boolean took(CommentPage page) {
            for (var c : page.comments()) {
                if (c.createdAt() != null && (newest == null || c.createdAt().isAfter(newest))) {
                    newest = c.createdAt();
                }
            }
            token = page.nextPageToken();
            finished = !page.hasMore();
            return finished;
        }

        CommentStore.Cursor cursor(Instant now) {
            if (finished) {
                var since = post.sinceAt();
                if (newest != null && (since == null || newest.isAfter(since))) {
                    since = newest;
                }
                return new CommentStore.Cursor(post.deliveryId(), since, null, null, post.latestComments(), now);
            }
            return new CommentStore.Cursor(
                    post.deliveryId(), post.sinceAt(), token, newest, post.latestComments(), now);
        }
    }

    /** Every topic, by id, for naming them in alerts. */
    public Map<Long, Topic> topicsById() {
        var byId = new HashMap<Long, Topic>();
        topics.findAll(null, false).forEach(t -> byId.put(t.id(), t));
        return byId;
    }
}
