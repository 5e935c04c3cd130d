package vn.loa.campaigns.amplify;

/** What a notification tells its reader. */
public enum NoticeKind {
    /** A new pack to share. */
    PACK_OFFERED,
    /** A rebuttal to share at once, with a short window. */
    RAPID_PACK,
    /** A pack not yet shared whose window closes soon. */
    REMINDER,
    /** The office withdrew a pack: do not share it. */
    PACK_WITHDRAWN,
    /** Loa published a pack on the partner's connected page. */
    SHARE_PUBLISHED,
    /** For the on-duty approver: a rebuttal was drafted from a listening signal and will need approval. */
    REBUTTAL_DRAFTED
}
