package vn.loa.campaigns.audit;

import java.time.Instant;

/**
 * One recorded step: who moved what from which state to which, when, why and from where. Never
 * changed once written. Subjects with a number (content, channels) use {@code subjectId}; subjects
 * named by text (a username, a setting) carry it in {@code subjectKey} with {@code subjectId} 0.
 * {@code address} is the network address the request came from, filled in by the trail itself when
 * the step was made in a web request; {@code reason} says what changed, never a secret.
 */
public record AuditEntry(
        Long id,
        Subject subject,
        long subjectId,
        String subjectKey,
        String actor,
        Instant at,
        String fromState,
        String toState,
        String reason,
        String address) {

    public enum Subject {
        CONTENT,
        DELIVERY,
        /** A partner page's selection status (registry of partners). */
        PARTNER_PAGE,
        /** A content pack offered to a partner page. */
        PACK,
        /** A person who may sign in (key: the username): created, roles, disabled, password reset, locked. */
        USER,
        /** A channel: its registration details (registered, changed), its platform tokens revoked. */
        CHANNEL,
        /** A channel's platform credentials (connected, verified, refused, disconnected); never the tokens. */
        CREDENTIAL,
        /** A client address sign-ins came from (key: the address): locked after too many failures, unlocked. */
        ADDRESS,
        /** An operator setting (key: its name). */
        SETTING,
        /** Publishing stopped or resumed (city-wide, per organisation or per channel). */
        EMERGENCY_STOP
    }

    public static final String SYSTEM = "system";

    /** A step on a numbered subject, as the workflow records it. */
    public AuditEntry(
            Long id,
            Subject subject,
            long subjectId,
            String actor,
            Instant at,
            String fromState,
            String toState,
            String reason) {
        this(id, subject, subjectId, null, actor, at, fromState, toState, reason, null);
    }

    /** A step on a subject named by text (a username, a setting's name). */
    public static AuditEntry named(
            Subject subject, String key, String actor, Instant at, String action, String whatChanged) {
        return new AuditEntry(null, subject, 0, key, actor, at, null, action, whatChanged, null);
    }

    /** A step on a numbered subject that is not a state change: {@code action} says what was done. */
    public static AuditEntry numbered(
            Subject subject, long id, String actor, Instant at, String action, String whatChanged) {
        return new AuditEntry(null, subject, id, null, actor, at, null, action, whatChanged, null);
    }
}
