package vn.loa.app.listening;

/** What made Loa, or a person, think a rebuttal may be needed. */
public enum SignalKind {
    /** A topic's last hour on a channel was far above its baseline (docs/listening.md). */
    SPIKE,
    /** A person picked one comment (usually one that mentions a rumour). */
    COMMENT
}
