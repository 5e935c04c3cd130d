package vn.loa.campaigns.amplify;

import java.time.Instant;
import java.util.List;
import vn.loa.connectors.Platform;

/**
 * One content item offered to one partner page: its texts per platform, media, hashtags, the
 * window in which to share it, and the partner's own tracked link ({@code linkCode}, served at
 * {@code /l/{code}}, redirecting to {@code trackedUrl}). A rapid pack carries a rebuttal that went
 * out on the official channel at {@code officialPublishedAt}.
 */
public record ContentPack(
        Long id,
        long contentId,
        long campaignId,
        long pageId,
        long organisationId,
        Platform platform,
        PackStatus status,
        Instant windowFrom,
        Instant windowTo,
        boolean rapid,
        Instant officialPublishedAt,
        String linkCode,
        String trackedUrl,
        List<PackText> texts,
        List<String> media,
        List<String> hashtags,
        Long deliveryId,
        String createdBy,
        Instant createdAt,
        Instant remindedAt,
        Instant updatedAt) {

    public ContentPack {
        texts = List.copyOf(texts);
        media = List.copyOf(media);
        hashtags = List.copyOf(hashtags);
    }

    public boolean isLate(Instant now) {
        return status.isOpen() && !windowTo.isAfter(now);
    }

    public ContentPack moved(PackStatus target, Long newDeliveryId, Instant now) {
        return new ContentPack(
                id,
                contentId,
                campaignId,
                pageId,
                organisationId,
                platform,
                target,
                windowFrom,
                windowTo,
                rapid,
                officialPublishedAt,
                linkCode,
                trackedUrl,
                texts,
                media,
                hashtags,
                newDeliveryId,
                createdBy,
                createdAt,
                remindedAt,
                now);
    }

    public ContentPack withId(long newId) {
        return new ContentPack(
                newId,
                contentId,
                campaignId,
                pageId,
                organisationId,
                platform,
                status,
                windowFrom,
                windowTo,
                rapid,
                officialPublishedAt,
                linkCode,
                trackedUrl,
                texts,
                media,
                hashtags,
                deliveryId,
                createdBy,
                createdAt,
                remindedAt,
                updatedAt);
    }
}
