package vn.loa.campaigns.cadence;

import java.time.Instant;

/** Told of a slot that had nothing approved to take: it is reported, never skipped silently. */
public interface SlotReports {

    void emptySlot(Cadence cadence, Instant slot, String message);
}
