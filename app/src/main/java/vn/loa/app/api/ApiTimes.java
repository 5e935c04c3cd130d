package vn.loa.app.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import vn.loa.app.config.LoaProperties;
import vn.loa.campaigns.shared.InstantRange;

/** Turns stored UTC instants into offset date-times in the zone a reader works in. */
@Component
public class ApiTimes {

    private final ZoneId cityZone;

    public ApiTimes(LoaProperties properties) {
        this.cityZone = properties.cityZone();
    }

    public OffsetDateTime inCity(Instant instant) {
        return in(instant, cityZone);
    }

    public static OffsetDateTime in(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    public static InstantRange range(OffsetDateTime from, OffsetDateTime to) {
        return new InstantRange(from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
    }
}
