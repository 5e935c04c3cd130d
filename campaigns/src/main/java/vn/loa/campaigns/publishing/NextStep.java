package vn.loa.campaigns.publishing;

import java.time.Instant;
import java.util.List;
import vn.loa.connectors.PublishWarning;

/** What becomes of a delivery after one publish attempt. */
public sealed interface NextStep {

    /**
     * Out: the platform's id for the post, and what it did not do of what was asked with it (a
     * thumbnail refused): the post counts as published all the same.
     */
    record Published(String externalRef, List<PublishWarning> warnings) implements NextStep {

        public Published(String externalRef) {
            this(externalRef, List.of());
        }

        public Published {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        /** The warnings as one line for the attempt's message; null when there are none. */
        public String summary() {
            return warnings.isEmpty()
                    ? null
                    : String.join(
                            "; ", warnings.stream().map(PublishWarning::message).toList());
        }
    }

    /** Try again, not before {@code at}. {@code channelCooldown} is true when the whole channel must wait. */
    record RetryAt(Instant at, boolean channelCooldown, String reason) implements NextStep {}

    /** Keep it back, not failed, until the channel is reconnected; pause the channel and alert its admins. */
    record HoldForReconnect(String reason) implements NextStep {}

    /** Keep it back, not failed, while an emergency stop covers its channel; resuming releases it. */
    record HoldWhileStopped(long stopId, String reason) implements NextStep {}

    /**
     * Failed for good: the platform's reason is kept for the user. {@code alertChannel} is true when
     * the cause lies with the channel rather than the post (the platform hides what it publishes),
     * so the channel's people are told, not only the post's author.
     */
    record Fail(String reason, boolean alertChannel) implements NextStep {

        public Fail(String reason) {
            this(reason, false);
        }
    }

    /** Nobody knows whether it went out: read the platform back before anything else. */
    record Settle(String reason) implements NextStep {}
}
