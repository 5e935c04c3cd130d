package vn.loa.campaigns.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.loa.campaigns.content.ContentStatus.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.loa.campaigns.shared.IllegalTransition;

class ContentStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "DRAFT, IN_REVIEW, true",
        "DRAFT, APPROVED, false",
        "DRAFT, SCHEDULED, false",
        "DRAFT, CANCELLED, true",
        "IN_REVIEW, APPROVED, true",
        "IN_REVIEW, REJECTED, true",
        "IN_REVIEW, SCHEDULED, false",
        "REJECTED, IN_REVIEW, true",
        "REJECTED, APPROVED, false",
        "APPROVED, SCHEDULED, true",
        "APPROVED, IN_REVIEW, true",
        "APPROVED, PUBLISHED, false",
        "SCHEDULED, PUBLISHING, true",
        "SCHEDULED, IN_REVIEW, true",
        "SCHEDULED, CANCELLED, true",
        "PUBLISHING, PUBLISHED, true",
        "PUBLISHING, FAILED, true",
        "PUBLISHING, CANCELLED, false",
        "PUBLISHED, CANCELLED, false",
        "PUBLISHED, IN_REVIEW, false",
        "FAILED, SCHEDULED, true",
        "CANCELLED, DRAFT, false",
        "CANCELLED, IN_REVIEW, false"
    })
    void onlyTheWorkflowsMovesAreAllowed(ContentStatus from, ContentStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void aRefusedMoveSaysWhy() {
        var item = new ContentItem(
                7L,
                1,
                "t",
                "b",
                null,
                List.of(),
                List.of(),
                Map.of(),
                PUBLISHED,
                "ha",
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                3,
                false);
        assertThatThrownBy(() -> item.moveTo(IN_REVIEW, Instant.EPOCH))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("content item 7 from PUBLISHED to IN_REVIEW")
                .hasMessageContaining("already published");
    }

    @Test
    void onlyItemsNotYetPublishingCanBeEdited() {
        assertThat(List.of(values()))
                .filteredOn(ContentStatus::isEditable)
                .containsExactly(DRAFT, IN_REVIEW, APPROVED, REJECTED, SCHEDULED);
    }
}
