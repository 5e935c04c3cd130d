package vn.loa.campaigns.cadence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A recurring slot on one channel, in the channel's own zone: "one good news every day at 07:00",
 * "one story every Sunday at 19:00". Each slot takes the next approved item of its programme (a
 * campaign).
 */
public record Cadence(
        Long id, long channelId, long campaignId, String name, Set<DayOfWeek> days, LocalTime time, boolean active) {

    public Cadence {
        days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
        time = time.withSecond(0).withNano(0);
    }

    /** The first slot strictly after {@code after}, in {@code zone}; daylight-saving gaps move it to the next valid time. */
    public Instant nextSlot(Instant after, ZoneId zone) {
        var local = after.atZone(zone).toLocalDate();
        for (int i = 0; i <= 8; i++) {
            var day = local.plusDays(i);
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            var slot = ZonedDateTime.of(day, time, zone).toInstant();
            if (slot.isAfter(after)) {
                return slot;
            }
        }
        throw new IllegalStateException("cadence " + id + " has no day");
    }

    /** The Quartz cron expression of the slots (seconds, minutes, hours, day of month, month, days of week). */
    public String cron() {
        var dow = days.size() == 7
                ? "*"
                : days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
        return "0 " + time.getMinute() + " " + time.getHour() + " ? * " + dow;
    }

    public Cadence withId(long newId) {
        return new Cadence(newId, channelId, campaignId, name, days, time, active);
    }
}
