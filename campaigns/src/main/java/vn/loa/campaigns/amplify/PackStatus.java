package vn.loa.campaigns.amplify;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a content pack stands: offered to the partner; accepted for Loa to publish on the
 * partner's connected page; shared (by hand and confirmed, or published by Loa); withdrawn by the
 * office. A pack not shared by the end of its window is late (that is read from its window, not
 * stored).
 */
public enum PackStatus {
    OFFERED,
    ACCEPTED,
    SHARED,
    WITHDRAWN;

    private Set<PackStatus> next;

    static {
        OFFERED.next = EnumSet.of(ACCEPTED, SHARED, WITHDRAWN);
        // Back to OFFERED when Loa could not publish it (the partner may still post it by hand).
        ACCEPTED.next = EnumSet.of(SHARED, WITHDRAWN, OFFERED);
        SHARED.next = EnumSet.noneOf(PackStatus.class);
        WITHDRAWN.next = EnumSet.noneOf(PackStatus.class);
    }

    public boolean canMoveTo(PackStatus target) {
        return next.contains(target);
    }

    /** Still waiting for the partner's share. */
    public boolean isOpen() {
        return this == OFFERED || this == ACCEPTED;
    }
}
