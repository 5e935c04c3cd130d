package vn.loa.connectors;

/**
 * Something asked for with a post that the platform did not do, while the post itself went out
 * (YouTube kept the video but refused its custom thumbnail). The post is published all the same;
 * the warning is shown with the delivery, never turned into a failure or a second post.
 */
public record PublishWarning(Kind kind, String platformCode, String message, boolean channelWide) {

    /**
     * A warning about this post alone; {@code channelWide} ones say the cause lies with the channel
     * (YouTube refuses custom thumbnails to a channel that is not verified), so every post of it
     * will meet it and its people are told.
     */
    public PublishWarning(Kind kind, String platformCode, String message) {
        this(kind, platformCode, message, false);
    }

    public enum Kind {
        /** The variant's cover could not be set as the video's thumbnail. */
        THUMBNAIL_NOT_SET
    }
}
