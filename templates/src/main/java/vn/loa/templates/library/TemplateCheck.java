package vn.loa.templates.library;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What makes a template usable: a code of lower-case letters, digits and dashes, a name, at least
 * one platform's text, and only the documented {@code {{variables}}} (a typo such as
 * {@code {{distrct}}} is refused here rather than reaching a partner's page as written).
 */
public final class TemplateCheck {

    public static final int CODE_MAX = 60;
    public static final int NAME_MAX = 200;
    public static final int TEXT_MAX = 60_000;

    private static final Pattern CODE = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");

    private TemplateCheck() {}

    public static List<TemplateProblem> problems(Template t) {
        var problems = new ArrayList<TemplateProblem>();
        if (t.code() == null || t.code().isBlank()) {
            problems.add(new TemplateProblem("code", "is required"));
        } else if (t.code().length() > CODE_MAX || !CODE.matcher(t.code()).matches()) {
            problems.add(new TemplateProblem(
                    "code",
                    "must be lower-case letters, digits and dashes (at most " + CODE_MAX + "), e.g. tin-tot-quan"));
        }
        if (t.name() == null || t.name().isBlank()) {
            problems.add(new TemplateProblem("name", "is required"));
        } else if (t.name().length() > NAME_MAX) {
            problems.add(new TemplateProblem("name", "must be at most " + NAME_MAX + " characters"));
        }
        if (t.bodies().isEmpty()) {
            problems.add(new TemplateProblem("bodies", "needs the text of at least one platform"));
        }
        t.bodies().forEach((platform, text) -> {
            var prefix = "bodies[" + platform + "].";
            if (isBlank(text.body())) {
                problems.add(new TemplateProblem(prefix + "body", "is required"));
            }
            field(problems, prefix + "title", text.title());
            field(problems, prefix + "body", text.body());
            field(problems, prefix + "description", text.description());
        });
        return problems;
    }

    private static void field(List<TemplateProblem> problems, String field, String text) {
        if (text == null) {
            return;
        }
        if (text.length() > TEXT_MAX) {
            problems.add(new TemplateProblem(field, "must be at most " + TEXT_MAX + " characters"));
        }
        var unknown = TemplateRenderer.variablesOf(text).stream()
                .filter(v -> !TemplateRenderer.VARIABLES.contains(v))
                .toList();
        if (!unknown.isEmpty()) {
            problems.add(new TemplateProblem(
                    field,
                    "uses "
                            + String.join(
                                    ", ",
                                    unknown.stream().map(v -> "{{" + v + "}}").toList())
                            + ", not a variable; the variables are "
                            + String.join(
                                    ", ",
                                    new TreeSet<>(TemplateRenderer.VARIABLES)
                                            .stream().map(v -> "{{" + v + "}}").toList())));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
