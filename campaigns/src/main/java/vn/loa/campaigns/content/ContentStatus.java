package vn.loa.campaigns.content;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a content item stands in the approval workflow. The allowed moves are listed here, in one
 * place; anything else is refused.
 */
public enum ContentStatus {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    REJECTED,
    SCHEDULED,
    PUBLISHING,
    PUBLISHED,
    FAILED,
    CANCELLED;

    private Set<ContentStatus> next;

    static {
        DRAFT.next = EnumSet.of(IN_REVIEW, CANCELLED);
        // IN_REVIEW -> IN_REVIEW: an edit during review keeps it in review, and is recorded.
        IN_REVIEW.next = EnumSet.of(IN_REVIEW, APPROVED, REJECTED, CANCELLED);
        REJECTED.next = EnumSet.of(IN_REVIEW, CANCELLED);
        APPROVED.next = EnumSet.of(SCHEDULED, IN_REVIEW, CANCELLED);
        // SCHEDULED -> APPROVED: every delivery was cancelled one by one; the item can be scheduled again.
        SCHEDULED.next = EnumSet.of(SCHEDULED, PUBLISHING, IN_REVIEW, APPROVED, CANCELLED);
        PUBLISHING.next = EnumSet.of(PUBLISHING, PUBLISHED, FAILED);
        PUBLISHED.next = EnumSet.noneOf(ContentStatus.class);
        // A failed item can be scheduled again once the cause (token, content) is fixed.
        FAILED.next = EnumSet.of(SCHEDULED, CANCELLED);
        CANCELLED.next = EnumSet.noneOf(ContentStatus.class);
    }

    public boolean canMoveTo(ContentStatus target) {
        return next.contains(target);
    }

    /** Whether the text may still be changed in Loa (after publishing, edits go to the platform instead). */
    public boolean isEditable() {
        return this == DRAFT || this == IN_REVIEW || this == REJECTED || this == APPROVED || this == SCHEDULED;
    }
}
