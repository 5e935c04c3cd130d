package vn.loa.campaigns.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects every problem with an input before refusing it, so the person filling in a form sees
 * all of them at once rather than one per attempt.
 */
public final class Checks {

    private static final String WEB_ADDRESS = "must be a web address starting with http:// or https://";

    /**
     * The days Loa plans for. Far-off dates are typing slips (a year 20266) or probes, and beyond
     * what the databases and the platforms take; refusing them keeps them from reaching either.
     */
    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    private final List<FieldProblem> problems = new ArrayList<>();

    public Checks required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "is required");
        }
        return this;
    }

    public Checks requiredText(String field, String value, int maxLength) {
        required(field, value);
        return maxLength(field, value, maxLength);
    }

    /** At most {@code maxLength} characters, none of them one {@link SafeText} refuses. */
    public Checks maxLength(String field, String value, int maxLength) {
        SafeText.problem(value).ifPresent(problem -> add(field, problem));
        if (value != null && value.codePointCount(0, value.length()) > maxLength) {
            add(
                    field,
                    "must be at most " + maxLength + " characters (is " + value.codePointCount(0, value.length())
                            + ")");
        }
        return this;
    }

    public Checks maxSize(String field, Collection<?> values, int max) {
        if (values != null && values.size() > max) {
            add(field, "must have at most " + max + " entries (has " + values.size() + ")");
        }
        return this;
    }

    public Checks webAddress(String field, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        try {
            var uri = new URI(value);
            var scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                add(field, WEB_ADDRESS);
            }
        } catch (URISyntaxException e) {
            add(field, WEB_ADDRESS);
        }
        return maxLength(field, value, 2048);
    }

    /** A day within {@link #FIRST_DAY} and {@link #LAST_DAY}. */
    public Checks withinCalendar(String field, LocalDate day) {
        if (day != null && (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY))) {
            add(field, "must be between " + FIRST_DAY + " and " + LAST_DAY);
        }
        return this;
    }

    /** A year within the years of {@link #FIRST_DAY} and {@link #LAST_DAY}. */
    public Checks withinCalendar(String field, Integer year) {
        if (year != null && (year < FIRST_DAY.getYear() || year > LAST_DAY.getYear())) {
            add(field, "must be between " + FIRST_DAY.getYear() + " and " + LAST_DAY.getYear());
        }
        return this;
    }

    /** An instant on a day within {@link #FIRST_DAY} and {@link #LAST_DAY} (UTC). */
    public Checks withinCalendar(String field, Instant instant) {
        if (instant != null
                && (instant.isBefore(FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())
                        || !instant.isBefore(LAST_DAY.plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()))) {
            add(field, "must be between " + FIRST_DAY + " and " + LAST_DAY);
        }
        return this;
    }

    public Checks that(boolean condition, String field, String message) {
        if (!condition) {
            add(field, message);
        }
        return this;
    }

    public Checks add(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return this;
    }

    public boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
