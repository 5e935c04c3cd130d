package vn.loa.campaigns.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A per-theme campaign of a yearly plan, with its period, goals and the channels it uses. */
public record Campaign(
        Long id,
        long planId,
        long themeId,
        String name,
        String description,
        LocalDate startDate,
        LocalDate endDate,
        Kpis kpis,
        Set<Long> channelIds,
        Instant createdAt) {

    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 10_000;

    public Campaign {
        channelIds = Set.copyOf(channelIds);
        kpis = kpis == null ? Kpis.NONE : kpis;
    }

    /** What a planner types in when starting or changing a campaign. */
    public record Details(
            Long planId,
            Long themeId,
            String name,
            String description,
            LocalDate startDate,
            LocalDate endDate,
            Kpis kpis,
            Set<Long> channelIds) {}

    public Campaign withId(long newId) {
        return new Campaign(newId, planId, themeId, name, description, startDate, endDate, kpis, channelIds, createdAt);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }
}
