package vn.loa.campaigns.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadCadenceTest {

    private final Instant out = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void readsDecayFromMinutesToWeeksAndStopAtDayNinety() {
        var cadence = ReadCadence.DEFAULT;
        assertThat(cadence.next(out, 0)).contains(out.plus(Duration.ofMinutes(15)));
        assertThat(cadence.next(out, 1)).contains(out.plus(Duration.ofHours(1)));
        assertThat(cadence.next(out, 4)).contains(out.plus(Duration.ofDays(1)));
        assertThat(cadence.next(out, 10)).contains(out.plus(Duration.ofDays(7)));
        assertThat(cadence.next(out, 11)).contains(out.plus(Duration.ofDays(14)));
        assertThat(cadence.next(out, cadence.offsets().size() - 1)).contains(out.plus(Duration.ofDays(90)));
        assertThat(cadence.next(out, cadence.offsets().size())).isEmpty();
    }

    @Test
    void readsMissedWhileDownAreNotMadeUpOneByOne() {
        var now = out.plus(Duration.ofDays(3)).plus(Duration.ofHours(1));
        assertThat(ReadCadence.DEFAULT.nextAfter(out, 1, now)).contains(out.plus(Duration.ofDays(4)));
        assertThatThrownBy(() -> new ReadCadence(List.of(Duration.ofHours(2), Duration.ofHours(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
