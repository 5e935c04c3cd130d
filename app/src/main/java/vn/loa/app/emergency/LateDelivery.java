package vn.loa.app.emergency;

import java.time.Instant;

/**
 * A delivery an emergency stop held whose instant passed longer ago than the stop's tolerance when
 * the stop ended: it waits, still held, for a planner to confirm it goes out late.
 */
public record LateDelivery(
        long deliveryId, long stopId, long contentId, String title, long channelId, Instant scheduledAt) {}
