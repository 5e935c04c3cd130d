package vn.loa.connectors.sandbox;

import java.time.Instant;

/** A comment the sandbox holds under one of its posts; the author is only a platform id and a name. */
public record SandboxComment(
        String id, String postId, String authorId, String authorName, String text, Instant createdAt, long likeCount) {}
