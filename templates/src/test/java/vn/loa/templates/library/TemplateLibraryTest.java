package vn.loa.templates.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.connectors.Platform;

class TemplateLibraryTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    @Test
    void everyBuiltInTemplateIsUsableAndTheProgrammesHaveTheirs() {
        var library = new TemplateLibrary();
        for (var t : library.builtIn()) {
            assertThat(TemplateCheck.problems(t)).as(t.code()).isEmpty();
        }
        assertThat(library.builtIn())
                .extracting(Template::programme)
                .contains(Programme.GOOD_NEWS_DAILY, Programme.GOOD_STORY_WEEKLY);
    }

    @Test
    void variablesAreFilledAndBlankLinesLeftByEmptyOnesRemoved() {
        var story = new TemplateLibrary().find("good-story-weekly").orElseThrow();
        var r = renderer.render(
                story.body(Platform.FACEBOOK).orElseThrow(),
                Map.of(
                        "district", "Quận Hoàn Kiếm",
                        "title", "Cô giáo dạy bơi miễn phí",
                        "body", "Ba năm nay cô dạy bơi cho trẻ em.",
                        "link", "https://loa.hanoi.gov.vn/l/Ab3dEf7h"));
        assertThat(r.text().body())
                .startsWith("💚 Câu chuyện đẹp tuần này | Quận Hoàn Kiếm")
                .contains("https://loa.hanoi.gov.vn/l/Ab3dEf7h")
                .doesNotContain("{{")
                .doesNotContain("\n\n\n");
        assertThat(r.missingValues()).containsExactly("hashtags");
        assertThat(r.unknownVariables()).isEmpty();
    }

    @Test
    void aTemplateWithATypoOrNoTextIsRefusedFieldByField() {
        var bad = new Template(
                "Tin Tốt!",
                "",
                null,
                null,
                Map.of(Platform.FACEBOOK, new PlatformText(null, "Tin tốt {{distrct}} {{date}}", null)));
        assertThat(TemplateCheck.problems(bad))
                .extracting(TemplateProblem::field)
                .containsExactly("code", "name", "bodies[FACEBOOK].body");
        assertThat(TemplateCheck.problems(bad).get(2).message()).contains("{{distrct}}", "{{district}}");
        var empty = new Template("tin-tot", "Tin tốt", null, null, Map.of());
        assertThat(TemplateCheck.problems(empty))
                .extracting(TemplateProblem::field)
                .containsExactly("bodies");
    }
}
