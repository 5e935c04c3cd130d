package vn.loa.campaigns.shared;

import java.time.Instant;

/** A half-open range [from, to) of instants; either end may be open (null). */
public record InstantRange(Instant from, Instant to) {

    public InstantRange {
        new Checks().withinCalendar("from", from).withinCalendar("to", to).throwIfAny();
        if (from != null && to != null && to.isBefore(from)) {
            throw InvalidInput.of("to", "must not be before 'from'");
        }
    }
}
