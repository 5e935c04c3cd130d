package vn.loa.campaigns.theme;

import java.util.List;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.ReadOnly;

/** Use cases on themes. */
public class Themes {

    private final ThemeRepository themes;

    public Themes(ThemeRepository themes) {
        this.themes = themes;
    }

    public Theme addTheme(String code, String name) {
        var theme = Theme.create(code, name);
        if (themes.findByCode(theme.code()).isPresent()) {
            throw InvalidInput.of("code", "a theme with code '" + theme.code() + "' already exists");
        }
        return themes.insert(theme);
    }

    @ReadOnly
    public Theme getTheme(long id) {
        return themes.find(id).orElseThrow(() -> new NotFound("theme", id));
    }

    @ReadOnly
    public List<Theme> listThemes() {
        return themes.findAll();
    }
}
