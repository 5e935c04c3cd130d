package vn.loa.app.emergency;

/** How much an emergency stop covers. */
public enum StopScope {
    /** Every channel Loa publishes to. */
    CITY,
    /** Every channel of one organisation. */
    ORGANISATION,
    /** One channel. */
    CHANNEL
}
