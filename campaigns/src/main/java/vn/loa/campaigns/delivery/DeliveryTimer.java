package vn.loa.campaigns.delivery;

import java.time.Instant;

/** Told when a delivery becomes due, so the publishing engine wakes at that instant rather than at its next poll. */
@FunctionalInterface
public interface DeliveryTimer {

    void dueAt(Instant at);
}
