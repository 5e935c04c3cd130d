package vn.loa.connectors;

import java.time.Duration;
import java.util.Set;

/**
 * What a platform allows through its API. A native-scheduling window of null means the platform
 * has no scheduler of its own and Loa publishes at the instant itself.
 */
public record Capabilities(
        Set<PostKind> kinds,
        boolean edit,
        boolean delete,
        Duration nativeScheduleMinLead,
        Duration nativeScheduleMaxLead,
        int engagementBatchSize) {

    public boolean nativeScheduling() {
        return nativeScheduleMinLead != null;
    }
}
