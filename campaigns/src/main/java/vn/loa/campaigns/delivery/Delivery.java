package vn.loa.campaigns.delivery;

import java.time.Instant;
import java.util.Arrays;
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
            throw new IllegalTransition(
                    "delivery " + id,
                    status,
                    target,
                    status.isPending()
                            ? "only " + allowed() + " may follow " + status
                            : "it is already " + status.name().toLowerCase());
        }
        return new Delivery(
                id, contentId, channelId, scheduledAt, target, externalRef, failureReason, publishedAt, createdAt, now);
    }

    public Delivery published(String ref, Instant now) {
        var moved = moveTo(DeliveryStatus.PUBLISHED, now);
        return new Delivery(id, contentId, channelId, scheduledAt, moved.status(), ref, null, now, createdAt, now);
    }

    public Delivery failed(String reason, Instant now) {
        var moved = moveTo(DeliveryStatus.FAILED, now);
        return new Delivery(
                id, contentId, channelId, scheduledAt, moved.status(), externalRef, reason, null, createdAt, now);
    }

    /** The platform's scheduler took the post; {@code ref} is its id there. */
    public Delivery handedOff(String ref, Instant now) {
        var moved = moveTo(DeliveryStatus.HANDED_OFF, now);
        return new Delivery(id, contentId, channelId, scheduledAt, moved.status(), ref, null, null, createdAt, now);
    }

    /** The same delivery at another instant, waiting for it (a post the platform held is withdrawn first). */
    public Delivery rescheduled(Instant at, Instant now) {
        var moved = moveTo(DeliveryStatus.SCHEDULED, now);
        return new Delivery(id, contentId, channelId, at, moved.status(), null, null, null, createdAt, now);
    }

    /** A waiting (or held) delivery moved to another instant; its status stays. */
    public Delivery movedTo(Instant at, Instant now) {
        if (status != DeliveryStatus.SCHEDULED && status != DeliveryStatus.HELD) {
            throw new IllegalTransition(
                    "delivery " + id,
                    status,
                    DeliveryStatus.SCHEDULED,
                    "only a delivery that has not gone out can be moved");
        }
        return new Delivery(
                id, contentId, channelId, at, status, externalRef, failureReason, publishedAt, createdAt, now);
    }

    public Delivery withId(long newId) {
        return new Delivery(
                newId,
                contentId,
                channelId,
                scheduledAt,
                status,
                externalRef,
                failureReason,
                publishedAt,
                createdAt,
                updatedAt);
    }

    private String allowed() {
        return Arrays.stream(DeliveryStatus.values())
                .filter(status::canMoveTo)
                .map(Enum::name)
                .reduce((a, b) -> a + ", " + b)
                .orElse("nothing");
    }
}
