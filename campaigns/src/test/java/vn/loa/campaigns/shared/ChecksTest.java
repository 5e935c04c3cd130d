package vn.loa.campaigns.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void collectsEveryProblemBeforeRefusing() {
        assertThatThrownBy(() -> new Checks()
                        .requiredText("title", " ", 10)
                        .maxLength("body", "Tiếng Việt có dấu", 5)
                        .webAddress("link", "ftp://example.org/a")
                        .maxSize("tags", List.of(1, 2, 3), 2)
                        .throwIfAny())
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        new FieldProblem("title", "is required"),
                                        new FieldProblem("body", "must be at most 5 characters (is 17)"),
                                        new FieldProblem(
                                                "link", "must be a web address starting with http:// or https://"),
                                        new FieldProblem("tags", "must have at most 2 entries (has 3)")));
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // "𝓗à" is 2 characters but 3 UTF-16 units.
        new Checks().maxLength("t", "𝓗à", 2).throwIfAny();
    }

    @Test
    void acceptsGoodInput() {
        new Checks()
                .requiredText("title", "Hà Nội", 10)
                .webAddress("link", "https://hanoi.gov.vn/a?b=c")
                .webAddress("empty", null)
                .throwIfAny();
    }

    @Test
    void pageRequestsAreBounded() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 20));
        assertThat(PageRequest.of(3, 50).offset()).isEqualTo(150);
        assertThatThrownBy(() -> PageRequest.of(-1, 500))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("page", "size"));
    }
}
