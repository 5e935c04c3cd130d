package vn.loa.app.alert;

/**
 * What an alert is about; stored by its code. A value type rather than an enum so that a feature adds
 * its own kind beside its code, and an alert of a kind this node does not know still lists.
 */
public record AlertKind(String code) {

    /** A platform refused the channel's authorisation: its deliveries are held until it is reconnected. */
    public static final AlertKind CHANNEL_NEEDS_RECONNECT = new AlertKind("CHANNEL_NEEDS_RECONNECT");
    /** The platform took a post but does not show it to the public (e.g. YouTube keeps the project's uploads private). */
    public static final AlertKind POSTS_NOT_PUBLIC = new AlertKind("POSTS_NOT_PUBLIC");
    /**
     * A post went out without something asked with it, for a reason that lies with the channel
     * (YouTube refuses custom thumbnails until the channel is verified): its next posts will too.
     */
    public static final AlertKind POSTS_INCOMPLETE = new AlertKind("POSTS_INCOMPLETE");
    /** A cadence slot came with nothing approved to fill it. */
    public static final AlertKind EMPTY_SLOT = new AlertKind("EMPTY_SLOT");

    public AlertKind {
        if (code == null || code.isBlank() || code.length() > 40) {
            throw new IllegalArgumentException("an alert kind is a code of 1-40 characters");
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
