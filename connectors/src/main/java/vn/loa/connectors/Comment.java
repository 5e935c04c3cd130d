package vn.loa.connectors;

import java.time.Instant;

/**
 * One comment under a post, as the platform gives it. {@code authorId} is the commenter's id on the
 * platform (null where the platform does not say); Loa stores only a keyed hash of it, never a name.
 */
public record Comment(String externalId, String text, Instant createdAt, long likeCount, String authorId) {}
