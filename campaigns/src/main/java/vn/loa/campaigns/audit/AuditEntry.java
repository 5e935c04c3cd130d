package vn.loa.campaigns.audit;

import java.time.Instant;

/** One recorded step: who moved what from which state to which, when and why. Never changed once written. */
public record AuditEntry(
        Long id,
        Subject subject,
        long subjectId,
        String actor,
        Instant at,
        String fromState,
        String toState,
        String reason) {

    public enum Subject {
        CONTENT,
        DELIVERY,
        /** A partner page's selection status (registry of partners). */
        PARTNER_PAGE,
        /** A content pack offered to a partner page. */
        PACK,
        /** An emergency stop of publishing (city-wide, an organisation's or a channel's). */
        EMERGENCY_STOP,
        /** A channel's connection to its platform (credentials revoked). */
        CHANNEL
    }

    public static final String SYSTEM = "system";
}
