package vn.loa.campaigns.engagement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a published post's engagement is read again: often while it is fresh, then less and less
 * (+15 min, +1 h, +3 h, +6 h, +24 h, daily to day 7, weekly to day 30, a last read at day 90 by
 * default), as offsets from the instant it went out.
 */
public record ReadCadence(List<Duration> offsets) {

    public static final ReadCadence DEFAULT = new ReadCadence(defaults());

    public ReadCadence {
        offsets = List.copyOf(offsets);
        for (int i = 1; i < offsets.size(); i++) {
            if (offsets.get(i).compareTo(offsets.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("read offsets must grow: " + offsets);
            }
        }
    }

    /** The instant of the read after {@code readsDone} reads, or empty when the post is read no more. */
    public Optional<Instant> next(Instant publishedAt, int readsDone) {
        return readsDone < offsets.size() ? Optional.of(publishedAt.plus(offsets.get(readsDone))) : Optional.empty();
    }

    /** The next read after a run at {@code now}: reads missed while Loa was down are not made up one by one. */
    public Optional<Instant> nextAfter(Instant publishedAt, int readsDone, Instant now) {
        for (int i = readsDone; i < offsets.size(); i++) {
            var at = publishedAt.plus(offsets.get(i));
            if (at.isAfter(now)) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    private static List<Duration> defaults() {
        var list = new ArrayList<Duration>(List.of(
                Duration.ofMinutes(15),
                Duration.ofHours(1),
                Duration.ofHours(3),
                Duration.ofHours(6),
                Duration.ofHours(24)));
        for (int day = 2; day <= 7; day++) {
            list.add(Duration.ofDays(day));
        }
        for (int day = 14; day <= 28; day += 7) {
            list.add(Duration.ofDays(day));
        }
        list.add(Duration.ofDays(90));
        return list;
    }
}
