package vn.loa.app.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.campaigns.shared.FieldProblem;
import vn.loa.campaigns.shared.InvalidInput;

/**
 * What a form shows next to each field after a refusal: the domain's problems, field by field, in
 * the reader's language. A refusal that names no field (a role, a state) goes under {@code ""}.
 */
public final class FormErrors {

    public static final FormErrors NONE = new FormErrors(Map.of());

    private final Map<String, List<String>> byField;

    private FormErrors(Map<String, List<String>> byField) {
        this.byField = byField;
    }

    public static FormErrors of(DomainException e, DomainMessages messages, Locale locale) {
        var map = new LinkedHashMap<String, List<String>>();
        if (e instanceof InvalidInput invalid) {
            for (FieldProblem p : invalid.problems()) {
                map.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(messages.translate(p.message(), locale));
            }
        } else {
            map.computeIfAbsent("", k -> new ArrayList<>()).add(messages.translate(e.getMessage(), locale));
        }
        return new FormErrors(map);
    }

    /** Problems found without a refusal (platform limits while typing), keyed as the domain keys them. */
    public static FormErrors of(List<FieldProblem> problems, DomainMessages messages, Locale locale) {
        var map = new LinkedHashMap<String, List<String>>();
        for (var p : problems) {
            map.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(messages.translate(p.message(), locale));
        }
        return new FormErrors(map);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public List<String> of(String field) {
        return byField.getOrDefault(field, List.of());
    }

    /** Problems of every field starting with {@code prefix} (all of one variant, say). */
    public List<String> under(String prefix) {
        var all = new ArrayList<String>();
        byField.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                all.addAll(v);
            }
        });
        return all;
    }

    /** Every problem with its field, for a summary at the top of the form. */
    public Map<String, List<String>> all() {
        return byField;
    }
}
