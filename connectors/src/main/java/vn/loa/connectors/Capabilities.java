package vn.loa.connectors;

import java.time.Duration;
import java.util.Set;

/**
 * What a platform allows through its API. A native-scheduling window of null means the platform
 * has no scheduler of its own and Loa publishes at the instant itself. {@code comments} says
 * whether Loa can read the comments under the channel's posts ({@link Connector#readComments}).
 *
 * <p>Built by name, from what a platform publishes and then what else it allows:
 * {@code Capabilities.publishing(kinds).withEdit().withDelete().withEngagementBatchSize(50)}.
 */
public record Capabilities(
        Set<PostKind> kinds,
        boolean edit,
        boolean delete,
        Duration nativeScheduleMinLead,
        Duration nativeScheduleMaxLead,
        int engagementBatchSize,
        boolean comments) {

    /** A platform that publishes these kinds and allows nothing more: no edit, no delete, one post per engagement read. */
    public static Capabilities publishing(Set<PostKind> kinds) {
        return new Capabilities(kinds, false, false, null, null, 1, false);
    }

    /** Published posts can be edited. */
    public Capabilities withEdit() {
        return new Capabilities(
                kinds, true, delete, nativeScheduleMinLead, nativeScheduleMaxLead, engagementBatchSize, comments);
    }

    /** Published posts can be deleted. */
    public Capabilities withDelete() {
        return new Capabilities(
                kinds, edit, true, nativeScheduleMinLead, nativeScheduleMaxLead, engagementBatchSize, comments);
    }

    /** The platform's own scheduler takes posts due between {@code minLead} and {@code maxLead} ahead. */
    public Capabilities withNativeScheduling(Duration minLead, Duration maxLead) {
        return new Capabilities(kinds, edit, delete, minLead, maxLead, engagementBatchSize, comments);
    }

    /** Engagement of up to {@code size} posts is read with one call. */
    public Capabilities withEngagementBatchSize(int size) {
        return new Capabilities(kinds, edit, delete, nativeScheduleMinLead, nativeScheduleMaxLead, size, comments);
    }

    /** Loa can read the comments under the channel's posts. */
    public Capabilities withComments() {
        return new Capabilities(
                kinds, edit, delete, nativeScheduleMinLead, nativeScheduleMaxLead, engagementBatchSize, true);
    }

    public boolean nativeScheduling() {
        return nativeScheduleMinLead != null;
    }
}
