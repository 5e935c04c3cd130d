package vn.loa.connectors.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.loa.connectors.Engagement;
import vn.loa.connectors.Platform;

/**
 * What the emulated platforms hold: posts by id, and engagement that grows with a post's age in a
 * plausible, repeatable way (fast at first, then slower), different per post.
 */
public final class SandboxState {

    private final Map<String, SandboxPost> posts = new ConcurrentHashMap<>();
    private final Map<String, Long> followers = new ConcurrentHashMap<>();
    private final Map<String, List<SandboxComment>> comments = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_000_000);
    private final Clock clock;

    SandboxState(Clock clock) {
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    String nextId() {
        return String.valueOf(ids.incrementAndGet());
    }

    SandboxPost add(SandboxPost post) {
        posts.put(post.id(), post);
        return post;
    }

    /** Puts a post straight into the emulated platform (for benchmarks and demos); returns its id. */
    public String seedPost(Platform platform, String channelId, String title, String text, Instant liveAt) {
        var id = platform == Platform.FACEBOOK
                ? channelId + "_" + nextId()
                : platform.name().substring(0, 2).toLowerCase() + nextId();
        add(new SandboxPost(
                platform,
                channelId,
                id,
                platform == Platform.FACEBOOK ? "status" : platform == Platform.YOUTUBE ? "video" : "normal",
                title,
                text,
                liveAt,
                liveAt,
                false));
        return id;
    }

    public Optional<SandboxPost> find(String id) {
        return Optional.ofNullable(posts.get(id)).filter(p -> !p.deleted());
    }

    void replace(SandboxPost post) {
        posts.put(post.id(), post);
    }

    /** Posts of a channel, newest first, deleted ones left out. */
    public List<SandboxPost> postsOf(Platform platform, String channelId) {
        var list = new ArrayList<SandboxPost>();
        for (var p : posts.values()) {
            if (p.platform() == platform && p.channelId().equals(channelId) && !p.deleted()) {
                list.add(p);
            }
        }
        list.sort(Comparator.comparing(SandboxPost::createdAt)
                .thenComparing(SandboxPost::id)
                .reversed());
        return list;
    }

    /** Every post ever made on a platform, deleted ones included: what "counted at the platform side" means. */
    public long postsMade(Platform platform) {
        return posts.values().stream().filter(p -> p.platform() == platform).count();
    }

    public List<SandboxPost> allPosts() {
        return List.copyOf(posts.values());
    }

    /**
     * Puts a comment under a post, as a member of the public would (for tests, benchmarks and demos).
     * The comment gets an id of the post's platform's shape.
     */
    public SandboxComment addComment(String postId, String authorId, String text, Instant at, long likes) {
        var post = find(postId).orElseThrow(() -> new IllegalArgumentException("no sandbox post " + postId));
        var id = post.platform() == Platform.FACEBOOK ? postId + "_" + nextId() : "Ug" + nextId();
        var comment = new SandboxComment(id, postId, authorId, "Người dùng " + authorId, text, at, likes);
        comments.computeIfAbsent(postId, k -> new ArrayList<>());
        synchronized (comments.get(postId)) {
            var list = comments.get(postId);
            list.add(comment);
            list.sort(Comparator.comparing(SandboxComment::createdAt).thenComparing(SandboxComment::id));
        }
        return comment;
    }

    /** The comments under a post, oldest first. */
    public List<SandboxComment> commentsOf(String postId) {
        var list = comments.get(postId);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    public long followers(String channelId) {
        return followers.computeIfAbsent(channelId, id -> 50_000L + Math.floorMod(id.hashCode(), 150_000));
    }

    /** What a post has gathered by now (the same {@link Engagement} value Loa adds up). */
    public Engagement counts(SandboxPost post) {
        var now = clock.instant();
        if (!post.isLive(now)) {
            return Engagement.NONE;
        }
        double minutes = Math.max(0, Duration.between(post.liveAt(), now).toSeconds() / 60.0);
        int seed = Math.floorMod(post.id().hashCode(), 97);
        // Reach saturates over a few days; interactions follow reach.
        double reach = (2_000 + seed * 150) * (1 - Math.exp(-minutes / 1_440.0)) + 40 * Math.sqrt(minutes);
        long views = Math.round(reach * 1.6);
        // The comments put under the post (tests, benchmarks, demos) count too, as on the platform: a
        // reader that waits for the count to grow (Loa on YouTube) then sees them.
        return new Engagement(
                Math.round(reach * (0.03 + seed / 5_000.0)),
                Math.round(reach * 0.004) + commentsOf(post.id()).size(),
                Math.round(reach * 0.002),
                views,
                Math.round(reach));
    }

    Instant now() {
        return clock.instant();
    }
}
