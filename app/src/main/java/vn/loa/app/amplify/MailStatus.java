package vn.loa.app.amplify;

/** Where a notification stands with e-mail; stored by name. */
public enum MailStatus {
    /** Not to be mailed: e-mail is off, or the recipient has no address. */
    NONE,
    /** To be sent by the outbox (after its transaction commits, or on the next sweep). */
    PENDING,
    /** Handed to the SMTP server. */
    SENT,
    /** Refused on every one of the outbox's attempts. */
    FAILED
}
