package vn.loa.connectors;

import java.time.Duration;
import java.util.Set;

/**
 * What a platform allows through its API. A native-scheduling window of null means the platform
 * has no scheduler of its own and Loa publishes at the instant itself. {@code comments} says
 * whether Loa can read the comments under the channel's posts ({@link Connector#readComments}).
 */
public record Capabilities(
        Set<PostKind> kinds,
        boolean edit,
        boolean delete,
        Duration nativeScheduleMinLead,
        Duration nativeScheduleMaxLead,
        int engagementBatchSize,
        boolean comments) {

    /** A platform whose comments Loa cannot read. */
    public Capabilities(
            Set<PostKind> kinds,
            boolean edit,
            boolean delete,
            Duration nativeScheduleMinLead,
            Duration nativeScheduleMaxLead,
            int engagementBatchSize) {
        this(kinds, edit, delete, nativeScheduleMinLead, nativeScheduleMaxLead, engagementBatchSize, false);
    }

    public boolean nativeScheduling() {
        return nativeScheduleMinLead != null;
    }
}
