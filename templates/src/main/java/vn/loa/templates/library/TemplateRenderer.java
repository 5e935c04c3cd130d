package vn.loa.templates.library;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{variable}}} placeholders. The variables are a fixed, documented set, so a typo in
 * a template shows up on preview instead of reaching a partner's page.
 */
public final class TemplateRenderer {

    /** The variables a template may use. */
    public static final Set<String> VARIABLES =
            Set.of("title", "body", "link", "date", "district", "partner", "campaign", "programme", "hashtags");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z_]+)\\s*}}");

    public Rendered render(PlatformText text, Map<String, String> values) {
        var unknown = new LinkedHashSet<String>();
        var missing = new LinkedHashSet<String>();
        var rendered = new PlatformText(
                fill(text.title(), values, unknown, missing),
                fill(text.body(), values, unknown, missing),
                fill(text.description(), values, unknown, missing));
        return new Rendered(rendered, new ArrayList<>(unknown), new ArrayList<>(missing));
    }

    /** The variables a text uses, in order of first use. */
    public static List<String> variablesOf(String text) {
        var found = new LinkedHashSet<String>();
        if (text != null) {
            var m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return new ArrayList<>(found);
    }

    private static String fill(String text, Map<String, String> values, Set<String> unknown, Set<String> missing) {
        if (text == null) {
            return null;
        }
        var m = PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            var name = m.group(1);
            String replacement;
            if (!VARIABLES.contains(name)) {
                unknown.add(name);
                replacement = m.group();
            } else {
                var value = values.get(name);
                if (value == null || value.isBlank()) {
                    missing.add(name);
                    replacement = "";
                } else {
                    replacement = value;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        // An empty variable can leave blank lines or a dangling space behind.
        return out.toString()
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
