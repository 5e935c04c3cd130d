package vn.loa.campaigns.workflow;

import java.time.Instant;
import vn.loa.campaigns.content.ContentVariant;

/**
 * A proposed correction of a published item's variant on one platform. It changes nothing on the
 * platforms until an approver other than its author approves it.
 */
public record Correction(
        Long id,
        long contentId,
        ContentVariant variant,
        Status status,
        String proposedBy,
        Instant proposedAt,
        String decidedBy,
        Instant decidedAt,
        String note) {

    public enum Status {
        /** Waiting for an approver. */
        PENDING,
        /** Approved and carried to the platform's posts. */
        APPLIED,
        /** Refused by an approver; the posts stay as they were. */
        REJECTED
    }

    static Correction propose(long contentId, ContentVariant variant, String by, Instant at) {
        return new Correction(null, contentId, variant, Status.PENDING, by, at, null, null, null);
    }

    Correction decided(Status to, String by, Instant at, String why) {
        return new Correction(id, contentId, variant, to, proposedBy, proposedAt, by, at, why);
    }
}
