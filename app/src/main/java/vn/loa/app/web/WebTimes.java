package vn.loa.app.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import vn.loa.app.config.LoaProperties;
import vn.loa.campaigns.shared.InvalidInput;

/**
 * Times on the pages: shown in the city's zone with the zone named, and read back from
 * {@code datetime-local} fields as wall-clock times in that zone.
 */
@Component("webTimes")
public class WebTimes {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ZoneId zone;

    public WebTimes(LoaProperties properties) {
        this.zone = properties.cityZone();
    }

    public ZoneId zone() {
        return zone;
    }

    /** "Asia/Ho_Chi_Minh, UTC+07:00": the zone every time on the page is in. */
    public String zoneLabel() {
        var offset = zone.getRules().getOffset(Instant.now()).getId();
        return zone.getId() + ", UTC" + ("Z".equals(offset) ? "+00:00" : offset);
    }

    public String show(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atZone(zone));
    }

    public String show(OffsetDateTime time) {
        return time == null ? "" : show(time.toInstant());
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** The value of a {@code datetime-local} field for this instant. */
    public String field(Instant instant) {
        return instant == null ? "" : FIELD.format(instant.atZone(zone));
    }

    /** Reads a {@code datetime-local} value as a time in the city zone; refuses it under {@code field}. */
    public OffsetDateTime parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toOffsetDateTime();
        } catch (DateTimeException e) {
            throw InvalidInput.of(field, "is not a date and time (for example 2026-11-24T07:00)");
        }
    }
}
