package vn.loa.connectors;

/** The platforms Loa publishes to. Each has one connector package under {@code vn.loa.connectors}. */
public enum Platform {
    FACEBOOK("Facebook Page"),
    YOUTUBE("YouTube channel"),
    ZALO("Zalo Official Account");

    private final String displayName;

    Platform(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
