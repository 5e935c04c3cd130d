package vn.loa.campaigns.theme;

import java.util.regex.Pattern;
import vn.loa.campaigns.shared.Checks;

/**
 * A subject area campaigns are grouped and reported by. Six are seeded from decision 3550 (politics,
 * economy, culture, society, security, defence); more can be added.
 */
public record Theme(Long id, String code, String name) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public static Theme create(String code, String name) {
        new Checks()
                .required("code", code)
                .that(
                        code == null || CODE.matcher(code).matches(),
                        "code",
                        "must be 2-40 lower-case letters, digits or '-', starting with a letter")
                .requiredText("name", name, 100)
                .throwIfAny();
        return new Theme(null, code, name.strip());
    }

    public Theme withId(long newId) {
        return new Theme(newId, code, name);
    }
}
