package vn.loa.campaigns.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects every problem with an input before refusing it, so the person filling in a form sees
 * all of them at once rather than one per attempt.
 */
public final class Checks {

    private static final String WEB_ADDRESS = "must be a web address starting with http:// or https://";

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

    public Checks maxLength(String field, String value, int maxLength) {
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
