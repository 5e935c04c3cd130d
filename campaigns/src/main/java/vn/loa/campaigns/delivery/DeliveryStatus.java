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
    /** The platform's own scheduler holds the post (Facebook scheduled post, YouTube publishAt). */
    HANDED_OFF,
    PUBLISHED,
    /** Published, then deleted from the platform at Loa's request. */
    REMOVED,
    /** The platform refused it; its reason is kept. */
    FAILED,
    CANCELLED;

    private Set<DeliveryStatus> next;

    static {
        SCHEDULED.next = EnumSet.of(SCHEDULED, PUBLISHING, HANDED_OFF, HELD, CANCELLED);
        HELD.next = EnumSet.of(SCHEDULED, CANCELLED);
        // Withdrawn from the platform's scheduler: to move it (SCHEDULED), for an edit (HELD), or for good;
        // FAILED when the platform's scheduler published it but keeps it from the public.
        HANDED_OFF.next = EnumSet.of(PUBLISHED, SCHEDULED, HELD, CANCELLED, FAILED);
        // Back to SCHEDULED for a retry after a passing failure; HELD when the channel must be reconnected.
        PUBLISHING.next = EnumSet.of(PUBLISHED, FAILED, SCHEDULED, HELD);
        PUBLISHED.next = EnumSet.of(REMOVED);
        REMOVED.next = EnumSet.noneOf(DeliveryStatus.class);
        FAILED.next = EnumSet.noneOf(DeliveryStatus.class);
        CANCELLED.next = EnumSet.noneOf(DeliveryStatus.class);
    }

    public boolean canMoveTo(DeliveryStatus target) {
        return next.contains(target);
    }

    /** Not yet out, and still meant to go out. */
    public boolean isPending() {
        return this == SCHEDULED || this == HELD || this == PUBLISHING || this == HANDED_OFF;
    }
}
