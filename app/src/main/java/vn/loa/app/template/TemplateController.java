package vn.loa.app.template;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.campaigns.access.Actor;
import vn.loa.templates.library.Programme;

/** The template library over HTTP: listing, adding, changing, previews, and programmes with their slots. */
@RestController
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping("/api/templates")
    List<Templates.TemplateView> list(
            @RequestParam(required = false) String themeCode, @RequestParam(required = false) Programme programme) {
        return templates.list(themeCode, programme);
    }

    @GetMapping("/api/templates/{code}")
    Templates.TemplateView get(@PathVariable String code) {
        return templates.get(code);
    }

    @PostMapping("/api/templates")
    @ResponseStatus(HttpStatus.CREATED)
    Templates.TemplateView create(@RequestBody Templates.Input input, Actor actor) {
        return templates.create(input, actor);
    }

    @PutMapping("/api/templates/{code}")
    Templates.TemplateView update(@PathVariable String code, @RequestBody Templates.Input input, Actor actor) {
        return templates.update(code, input, actor);
    }

    @PostMapping("/api/templates/{code}/preview")
    Templates.Preview preview(@PathVariable String code, @RequestBody(required = false) Templates.PreviewInput input) {
        return templates.preview(code, input);
    }

    @GetMapping("/api/programmes")
    List<Templates.ProgrammeView> programmes(@RequestParam(required = false) Integer days) {
        return templates.programmes(days);
    }

    @PutMapping("/api/cadences/{id}/programme")
    Templates.Tie tie(@PathVariable long id, @RequestBody Templates.Tie tie, Actor actor) {
        templates.tie(id, tie, actor);
        return tie;
    }
}
