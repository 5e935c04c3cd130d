package vn.loa.campaigns.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.loa.campaigns.workflow.InMemoryWorkflow.APPROVER;
import static vn.loa.campaigns.workflow.InMemoryWorkflow.LEADER;
import static vn.loa.campaigns.workflow.InMemoryWorkflow.ON_DUTY;
import static vn.loa.campaigns.workflow.InMemoryWorkflow.PLANNER;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.content.ContentDraft;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.shared.ConcurrentChange;
import vn.loa.campaigns.shared.IllegalTransition;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotAllowed;
import vn.loa.connectors.Platform;
import vn.loa.connectors.Violation;

/** Every step of the content workflow in docs/architecture.md, and its refusals, over in-memory stores. */
class ContentWorkflowTest {

    private final InMemoryWorkflow w = new InMemoryWorkflow();

    @Test
    void writtenAsADraftWithTheAuditEntry() {
        var item = w.written("Mũ bảo hiểm");
        assertThat(item.status()).isEqualTo(ContentStatus.DRAFT);
        assertThat(item.author()).isEqualTo("planner");
        assertThat(w.writing.contentHistory(item.id()))
                .singleElement()
                .satisfies(e -> assertThat(e.toState()).isEqualTo("DRAFT"));
    }

    @Test
    void draftSubmittedGoesToReview() {
        var item = w.written("Mũ bảo hiểm");
        assertThat(w.review.submitForReview(item.id(), PLANNER).status()).isEqualTo(ContentStatus.IN_REVIEW);
    }

    @Test
    void submittingTwiceIsRefused() {
        var item = w.written("Mũ bảo hiểm");
        w.review.submitForReview(item.id(), PLANNER);
        assertThatThrownBy(() -> w.review.submitForReview(item.id(), PLANNER)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void aVariantBreakingItsPlatformsLimitsCannotBeSubmitted() {
        var item = w.written("Mũ bảo hiểm");
        w.violations.put(Platform.ZALO, List.of(new Violation(Platform.ZALO, "title", "is too long")));
        assertThatThrownBy(() -> w.review.submitForReview(item.id(), PLANNER))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("too long");
        assertThat(w.item(item.id()).status()).isEqualTo(ContentStatus.DRAFT);
        assertThat(w.review.findLimitProblems(item.id())).hasSize(1);
    }

    @Test
    void inReviewApprovedBySomeoneElse() {
        var item = w.written("Mũ bảo hiểm");
        w.review.submitForReview(item.id(), PLANNER);
        assertThat(w.review.approve(item.id(), APPROVER, "ok").status()).isEqualTo(ContentStatus.APPROVED);
    }

    @Test
    void nobodyApprovesTheirOwnItem() {
        var both = new Actor("planner", Set.of(Role.PLANNER, Role.APPROVER), null, false);
        var item = w.written("Mũ bảo hiểm");
        w.review.submitForReview(item.id(), PLANNER);
        assertThatThrownBy(() -> w.review.approve(item.id(), both, null)).isInstanceOf(NotAllowed.class);
        assertThat(w.item(item.id()).status()).isEqualTo(ContentStatus.IN_REVIEW);
    }

    @Test
    void aDraftCannotBeApproved() {
        var item = w.written("Mũ bảo hiểm");
        assertThatThrownBy(() -> w.review.approve(item.id(), APPROVER, null))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("submitted for review first");
    }

    @Test
    void rejectingNeedsAReasonAndKeepsIt() {
        var item = w.written("Mũ bảo hiểm");
        w.review.submitForReview(item.id(), PLANNER);
        assertThatThrownBy(() -> w.review.reject(item.id(), APPROVER, " ")).isInstanceOf(InvalidInput.class);
        var rejected = w.review.reject(item.id(), APPROVER, "Thiếu nguồn");
        assertThat(rejected.status()).isEqualTo(ContentStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("Thiếu nguồn");
        assertThat(w.writing.contentHistory(item.id()).get(2).reason()).isEqualTo("Thiếu nguồn");
    }

    @Test
    void rejectedEditedAndSubmittedAgain() {
        var item = w.written("Mũ bảo hiểm");
        w.review.submitForReview(item.id(), PLANNER);
        var rejected = w.review.reject(item.id(), APPROVER, "Thiếu nguồn");
        var edited =
                w.writing.editContent(item.id(), rejected.version(), w.draft("Mũ bảo hiểm (nguồn: Bộ GTVT)"), PLANNER);
        assertThat(edited.title()).endsWith("(nguồn: Bộ GTVT)");
        assertThat(w.review.submitForReview(item.id(), PLANNER).status()).isEqualTo(ContentStatus.IN_REVIEW);
    }

    @Test
    void editingAnApprovedItemSendsItBackToReview() {
        var item = w.approved("Mũ bảo hiểm");
        var edited = w.writing.editContent(item.id(), item.version(), w.draft("Mũ bảo hiểm 2"), PLANNER);
        assertThat(edited.status()).isEqualTo(ContentStatus.IN_REVIEW);
    }

    @Test
    void editingAScheduledItemHoldsItsDeliveriesUntilApprovedAgain() {
        var delivery = w.scheduledOnPage("Mũ bảo hiểm");
        var item = w.item(delivery.contentId());
        assertThat(item.status()).isEqualTo(ContentStatus.SCHEDULED);

        var edited = w.writing.editContent(item.id(), item.version(), w.draft("Mũ bảo hiểm 2"), PLANNER);
        assertThat(edited.status()).isEqualTo(ContentStatus.IN_REVIEW);
        assertThat(w.delivery(delivery.id()).status()).isEqualTo(DeliveryStatus.HELD);

        var again = w.review.approve(item.id(), APPROVER, null);
        assertThat(again.status()).isEqualTo(ContentStatus.SCHEDULED);
        assertThat(w.delivery(delivery.id()).status()).isEqualTo(DeliveryStatus.SCHEDULED);
    }

    @Test
    void aStaleEditIsRefusedNotLost() {
        var item = w.written("Mũ bảo hiểm");
        w.writing.editContent(item.id(), item.version(), w.draft("Bản 2"), PLANNER);
        assertThatThrownBy(() -> w.writing.editContent(item.id(), item.version(), w.draft("Bản cũ"), PLANNER))
                .isInstanceOf(ConcurrentChange.class);
        assertThat(w.item(item.id()).title()).isEqualTo("Bản 2");
    }

    @Test
    void anApprovedItemIsScheduledAndTheEngineIsWokenAtItsInstant() {
        var item = w.approved("Mũ bảo hiểm");
        var at = w.clock.instant().plusSeconds(600).atOffset(ZoneOffset.UTC);
        var created = w.scheduling.schedule(item.id(), List.of(w.page.id(), w.oa.id()), at, PLANNER);
        assertThat(created).hasSize(2).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SCHEDULED));
        assertThat(w.item(item.id()).status()).isEqualTo(ContentStatus.SCHEDULED);
        assertThat(w.wakeUps).containsExactly(at.toInstant());
    }

    @Test
    void onlyApprovedContentIsScheduled() {
        var item = w.written("Mũ bảo hiểm");
        var at = w.clock.instant().plusSeconds(600).atOffset(ZoneOffset.UTC);
        assertThatThrownBy(() -> w.scheduling.schedule(item.id(), List.of(w.page.id()), at, PLANNER))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void itemFollowsItsDeliveries_publishingThenPublished() {
        var delivery = w.scheduledOnPage("Mũ bảo hiểm");
        var started = w.progress.startPublishing(delivery.id());
        assertThat(w.item(delivery.contentId()).status()).isEqualTo(ContentStatus.PUBLISHING);
        w.progress.recordPublished(started.delivery(), "page-1_42");
        assertThat(w.item(delivery.contentId()).status()).isEqualTo(ContentStatus.PUBLISHED);
    }

    @Test
    void itemFailsWhenNoDeliveryIsLeftAndOneFailed_thenCanBeScheduledAgain() {
        var delivery = w.scheduledOnPage("Mũ bảo hiểm");
        w.progress.startPublishing(delivery.id());
        w.progress.recordFailed(delivery.id(), "(#506) Duplicate status message");
        var item = w.item(delivery.contentId());
        assertThat(item.status()).isEqualTo(ContentStatus.FAILED);

        var at = w.clock.instant().plusSeconds(600).atOffset(ZoneOffset.UTC);
        w.scheduling.schedule(item.id(), List.of(w.oa.id()), at, PLANNER);
        assertThat(w.item(item.id()).status()).isEqualTo(ContentStatus.SCHEDULED);
    }

    @Test
    void lastDeliveryCancelledMakesTheItemApprovedAgain() {
        var delivery = w.scheduledOnPage("Mũ bảo hiểm");
        w.scheduling.cancelDelivery(delivery.id(), PLANNER, null);
        assertThat(w.item(delivery.contentId()).status()).isEqualTo(ContentStatus.APPROVED);
    }

    @Test
    void anyStateBeforePublishingCanBeCancelled() {
        var draft = w.written("Nháp");
        var inReview = w.written("Đang duyệt");
        w.review.submitForReview(inReview.id(), PLANNER);
        var rejected = w.written("Bị từ chối");
        w.review.submitForReview(rejected.id(), PLANNER);
        w.review.reject(rejected.id(), APPROVER, "Không phù hợp");
        var approved = w.approved("Đã duyệt");
        var scheduled = w.scheduledOnPage("Đã lên lịch");

        for (var id : List.of(draft.id(), inReview.id(), rejected.id(), approved.id(), scheduled.contentId())) {
            assertThat(w.scheduling.cancelContent(id, PLANNER, "đổi kế hoạch").status())
                    .isEqualTo(ContentStatus.CANCELLED);
        }
        assertThat(w.delivery(scheduled.id()).status()).isEqualTo(DeliveryStatus.CANCELLED);
    }

    @Test
    void aPublishedItemCannotBeCancelledOrEdited() {
        var delivery = w.scheduledOnPage("Mũ bảo hiểm");
        w.progress.recordPublished(w.progress.startPublishing(delivery.id()).delivery(), "page-1_42");
        var item = w.item(delivery.contentId());
        assertThatThrownBy(() -> w.scheduling.cancelContent(item.id(), PLANNER, null))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> w.writing.editContent(item.id(), item.version(), w.draft("Sửa"), PLANNER))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void rolesAreCheckedByTheUseCasesThemselves() {
        assertThatThrownBy(() -> w.writing.writeContent(w.draft("X"), LEADER)).isInstanceOf(NotAllowed.class);
        var item = w.written("Mũ bảo hiểm");
        w.review.submitForReview(item.id(), PLANNER);
        assertThatThrownBy(() -> w.review.approve(item.id(), PLANNER, null)).isInstanceOf(NotAllowed.class);
    }

    @Test
    void aRebuttalIsApprovedByTheOnDutyApproverAndGoesToOfficialChannelsAtOnce() {
        var d = w.draft("Bác bỏ tin giả");
        var rebuttal = w.writing.writeContent(
                new ContentDraft(
                        d.campaignId(), d.title(), d.body(), d.link(), d.media(), d.tags(), d.variants(), true),
                PLANNER);
        w.review.submitForReview(rebuttal.id(), PLANNER);
        assertThatThrownBy(() -> w.review.approve(rebuttal.id(), APPROVER, null))
                .isInstanceOf(NotAllowed.class);

        var approved = w.review.approve(rebuttal.id(), ON_DUTY, null);
        assertThat(approved.status()).isEqualTo(ContentStatus.SCHEDULED);
        assertThat(w.deliveries.findByContent(rebuttal.id())).singleElement().satisfies(x -> {
            assertThat(x.channelId()).isEqualTo(w.page.id()); // the official page, not the partner OA
            assertThat(x.scheduledAt()).isEqualTo(w.clock.instant());
        });
        assertThat(w.wakeUps).containsExactly(w.clock.instant());
    }
}
