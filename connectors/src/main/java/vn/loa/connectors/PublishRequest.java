package vn.loa.connectors;

import java.util.List;

/**
 * One post to one channel. {@code text} is the Facebook message, the YouTube description or the Zalo
 * article body; {@code summary} is the Zalo description. {@code idempotencyKey} identifies the
 * delivery attempt so an unknown outcome can be settled by reading the platform back. {@code receipt}
 * is what an earlier attempt of the same delivery was given by the platform before it was cut off
 * (see {@link WriteReceipts}), so that this attempt resumes from there; null when there was none.
 */
public record PublishRequest(
        ChannelAccess channel,
        PostKind kind,
        String title,
        String text,
        String summary,
        String link,
        Media cover,
        List<Media> media,
        List<String> tags,
        String author,
        String idempotencyKey,
        String receipt) {

    public PublishRequest(
            ChannelAccess channel,
            PostKind kind,
            String title,
            String text,
            String summary,
            String link,
            Media cover,
            List<Media> media,
            List<String> tags,
            String author,
            String idempotencyKey) {
        this(channel, kind, title, text, summary, link, cover, media, tags, author, idempotencyKey, null);
    }

    public PublishRequest {
        media = media == null ? List.of() : List.copyOf(media);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public PublishRequest withChannel(ChannelAccess other) {
        return new PublishRequest(
                other, kind, title, text, summary, link, cover, media, tags, author, idempotencyKey, receipt);
    }

    /**
     * The same request signed by {@code signedBy} (the channel's display name: Loa's variants have no
     * author field of their own). Platforms without an author field ignore it.
     */
    public PublishRequest withAuthor(String signedBy) {
        return new PublishRequest(
                channel, kind, title, text, summary, link, cover, media, tags, signedBy, idempotencyKey, receipt);
    }

    /** The same request, resuming from what an earlier attempt was given. */
    public PublishRequest resumingFrom(String earlierReceipt) {
        return new PublishRequest(
                channel, kind, title, text, summary, link, cover, media, tags, author, idempotencyKey, earlierReceipt);
    }
}
