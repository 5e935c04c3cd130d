package vn.loa.campaigns.plan;

import java.time.Instant;
import vn.loa.campaigns.shared.Checks;

/** The city's yearly plan for positive information online; campaigns hang off it. */
public record Plan(Long id, int year, String title, String description, Instant createdAt) {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 10_000;

    public static Plan create(Integer year, String title, String description, Instant now) {
        new Checks()
                .required("year", year)
                .withinCalendar("year", year)
                .requiredText("title", title, TITLE_MAX)
                .maxLength("description", description, DESCRIPTION_MAX)
                .throwIfAny();
        return new Plan(null, year, title.strip(), description, now);
    }

    public Plan withId(long newId) {
        return new Plan(newId, year, title, description, createdAt);
    }
}
