package vn.loa.connectors;

import java.time.Instant;

/**
 * What a post had gathered at one instant. Counts a platform does not give are null, never zero:
 * YouTube has no shares, Zalo gives only views and shares, reach comes from Facebook insights only.
 */
public record EngagementSnapshot(
        String externalId, Instant readAt, Long reactions, Long comments, Long shares, Long views, Long reach) {

    /** Reactions, comments and shares together, counting what is known. */
    public long interactions() {
        return counts().interactions();
    }

    /** The counts to add up, what the platform does not give as zero. */
    public Engagement counts() {
        return new Engagement(orZero(reactions), orZero(comments), orZero(shares), orZero(views), orZero(reach));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
