package vn.loa.campaigns.delivery;

import java.util.EnumSet;
import java.util.Set;

/** Where one content item's trip to one channel stands. */
public enum DeliveryStatus {
    /** Waiting for its instant. */
    SCHEDULED,
    /** Kept back, not failed: its item went back to review, or its channel needs reconnecting. */
    HELD,
    PUBLISHING,
    PUBLISHED,
    /** The platform refused it; its reason is kept. */
    FAILED,
    CANCELLED;

    private Set<DeliveryStatus> next;

    static {
        SCHEDULED.next = EnumSet.of(PUBLISHING, HELD, CANCELLED);
        HELD.next = EnumSet.of(SCHEDULED, CANCELLED);
        // Back to SCHEDULED for a retry after a passing failure; HELD when the channel must be reconnected.
        PUBLISHING.next = EnumSet.of(PUBLISHED, FAILED, SCHEDULED, HELD);
        PUBLISHED.next = EnumSet.noneOf(DeliveryStatus.class);
        FAILED.next = EnumSet.noneOf(DeliveryStatus.class);
        CANCELLED.next = EnumSet.noneOf(DeliveryStatus.class);
    }

    public boolean canMoveTo(DeliveryStatus target) {
        return next.contains(target);
    }

    /** Not yet out, and still meant to go out. */
    public boolean isPending() {
        return this == SCHEDULED || this == HELD || this == PUBLISHING;
    }
}
