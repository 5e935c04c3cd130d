package vn.loa.campaigns.publishing;

/**
 * Where one attempt at a delivery stands in the publish ledger; stored by name. An attempt starts
 * PENDING (its intent recorded before the platform is called) and ends in one of the closed
 * outcomes. UNKNOWN and SETTLING are open: nobody knows yet whether the post went out, and the
 * platform is read back before anything else happens to the delivery.
 */
public enum AttemptOutcome {
    /** The intent is recorded; the platform call is under way (or its node died during it). */
    PENDING,
    /** The platform has the post; its reference is kept. */
    PUBLISHED,
    /** A passing failure: the delivery goes again later. */
    RETRY,
    /** The channel's authorisation was refused: the delivery waits for a reconnect. */
    HELD,
    /** Failed for good, with the platform's reason. */
    FAILED,
    /** The call may or may not have reached the platform: to be settled by reading it back. */
    UNKNOWN,
    /** A node has taken the attempt over and is reading the platform back. */
    SETTLING,
    /** Settled: the platform does not have the post, so the delivery is tried again. */
    MISSING,
    /** The platform's own scheduler took the post (native scheduling). */
    HANDED_OFF;

    /** Still open: a settler may take it over once its lease runs out. */
    public boolean open() {
        return this == PENDING || this == UNKNOWN || this == SETTLING;
    }
}
