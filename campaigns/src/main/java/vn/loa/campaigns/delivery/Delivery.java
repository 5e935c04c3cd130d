package vn.loa.campaigns.delivery;

import java.time.Instant;
import vn.loa.campaigns.shared.IllegalTransition;

/** One content item going to one channel at one instant (stored in UTC), with its own status. */
public record Delivery(
        Long id,
        long contentId,
        long channelId,
        Instant scheduledAt,
        DeliveryStatus status,
        String externalRef,
        String failureReason,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt) {

    public static Delivery schedule(long contentId, long channelId, Instant at, Instant now) {
        return new Delivery(null, contentId, channelId, at, DeliveryStatus.SCHEDULED, null, null, null, now, now);
    }

    public Delivery moveTo(DeliveryStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransition("delivery " + id, status, target,
                    status.isPending() ? "only " + allowed() + " may follow " + status
                            : "it is already " + status.name().toLowerCase());
        }
        return new Delivery(id, contentId, channelId, scheduledAt, target, externalRef, failureReason, publishedAt,
                createdAt, now);
    }

    public Delivery published(String ref, Instant now) {
        var moved = moveTo(DeliveryStatus.PUBLISHED, now);
        return new Delivery(id, contentId, channelId, scheduledAt, moved.status(), ref, null, now, createdAt, now);
    }

    public Delivery failed(String reason, Instant now) {
        var moved = moveTo(DeliveryStatus.FAILED, now);
        return new Delivery(id, contentId, channelId, scheduledAt, moved.status(), externalRef, reason, null,
                createdAt, now);
    }

    public Delivery withId(long newId) {
        return new Delivery(newId, contentId, channelId, scheduledAt, status, externalRef, failureReason, publishedAt,
                createdAt, updatedAt);
    }

    private String allowed() {
        return java.util.Arrays.stream(DeliveryStatus.values()).filter(status::canMoveTo)
                .map(Enum::name).reduce((a, b) -> a + ", " + b).orElse("nothing");
    }
}
