package vn.loa.campaigns.publishing;

/** What an attempt in the publish ledger was for; stored by name. */
public enum AttemptPurpose {
    /** Loa publishes the post itself at its instant. */
    PUBLISH,
    /** The post is handed to the platform's own scheduler ahead of its instant. */
    HANDOFF
}
