package vn.loa.connectors;

import java.util.List;

/**
 * One post to one channel. {@code text} is the Facebook message, the YouTube description or the Zalo
 * article body; {@code summary} is the Zalo description. {@code idempotencyKey} identifies the
 * delivery attempt so an unknown outcome can be settled by reading the platform back.
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
        String idempotencyKey) {

    public PublishRequest {
        media = media == null ? List.of() : List.copyOf(media);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public PublishRequest withChannel(ChannelAccess other) {
        return new PublishRequest(other, kind, title, text, summary, link, cover, media, tags, author, idempotencyKey);
    }
}
