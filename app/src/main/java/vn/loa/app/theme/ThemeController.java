package vn.loa.app.theme;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.theme.Theme;
import vn.loa.campaigns.theme.Themes;

@RestController
@RequestMapping("/api/themes")
class ThemeController {

    record NewTheme(String code, String name) {}

    private final Themes themes;

    ThemeController(Themes themes) {
        this.themes = themes;
    }

    @GetMapping
    List<Theme> list() {
        return themes.listThemes();
    }

    @GetMapping("/{id}")
    Theme get(@PathVariable long id) {
        return themes.getTheme(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Theme add(@RequestBody NewTheme body, Actor actor) {
        Permissions.requireAny(actor, "add a theme", Role.ADMIN, Role.PLANNER);
        return themes.addTheme(body.code(), body.name());
    }
}
