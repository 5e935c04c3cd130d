package vn.loa.campaigns.partner;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a partner page stands in the selection of plan 3550: found and being assessed, selected to
 * co-share official content, suspended for a while, or retired for good.
 */
public enum PageStatus {
    CANDIDATE,
    SELECTED,
    SUSPENDED,
    RETIRED;

    private Set<PageStatus> next;

    static {
        CANDIDATE.next = EnumSet.of(SELECTED, RETIRED);
        SELECTED.next = EnumSet.of(SUSPENDED, RETIRED);
        SUSPENDED.next = EnumSet.of(SELECTED, RETIRED);
        // A retired page can be assessed again from the start.
        RETIRED.next = EnumSet.of(CANDIDATE);
    }

    public boolean canMoveTo(PageStatus target) {
        return next.contains(target);
    }
}
