package vn.loa.app.emergency;

import java.time.Instant;

/**
 * One emergency stop: who stopped what, when and why, and when it ended. Active while
 * {@code resumedAt} is null.
 */
public record EmergencyStop(
        long id,
        StopScope scope,
        String organisation,
        Long channelId,
        String reason,
        String stoppedBy,
        Instant stoppedAt,
        String resumedBy,
        Instant resumedAt) {

    public boolean active() {
        return resumedAt == null;
    }

    /** Whether the stop covers a channel (given by its id and organisation). */
    public boolean covers(long channel, String channelOrganisation) {
        return switch (scope) {
            case CITY -> true;
            case ORGANISATION -> organisation.equals(channelOrganisation);
            case CHANNEL -> channelId == channel;
        };
    }

    /** Whether this stop covers exactly the same channels as one asked for. */
    boolean sameScope(StopScope otherScope, String otherOrganisation, Long otherChannel) {
        return scope == otherScope
                && switch (scope) {
                    case CITY -> true;
                    case ORGANISATION -> organisation.equals(otherOrganisation);
                    case CHANNEL -> channelId.equals(otherChannel);
                };
    }

    /** The reason a held delivery shows. */
    public String holdReason() {
        return "emergency stop #" + id + ": " + reason;
    }
}
