package vn.loa.campaigns.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.loa.campaigns.workflow.InMemoryWorkflow.APPROVER;
import static vn.loa.campaigns.workflow.InMemoryWorkflow.PLANNER;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRole;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.shared.ConcurrentChange;
import vn.loa.campaigns.shared.FieldProblem;
import vn.loa.campaigns.shared.IllegalTransition;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.connectors.Platform;

/** Every move of a delivery in docs/architecture.md's diagram, and the scheduling checks, over in-memory stores. */
class DeliveryMovesTest {

    private final InMemoryWorkflow w = new InMemoryWorkflow();

    @Test
    void scheduledThenPublishingThenPublishedWithThePlatformReference() {
        var d = w.scheduledOnPage("Mũ bảo hiểm");
        assertThat(d.status()).isEqualTo(DeliveryStatus.SCHEDULED);
        var started = w.progress.startPublishing(d.id());
        assertThat(started.delivery().status()).isEqualTo(DeliveryStatus.PUBLISHING);
        var published = w.progress.recordPublished(started.delivery(), "page-1_42");
        assertThat(published.status()).isEqualTo(DeliveryStatus.PUBLISHED);
        assertThat(published.externalRef()).isEqualTo("page-1_42");
        assertThat(published.publishedAt()).isEqualTo(w.clock.instant());
        assertThat(w.scheduling.deliveryHistory(d.id(), PLANNER))
                .extracting(AuditEntry::toState)
                .containsExactly("SCHEDULED", "PUBLISHING", "PUBLISHED");
    }

    @Test
    void aClaimedBatchStartsTogether_eachItemMovedOnceAndEveryStepAudited() {
        var first = w.scheduledOnPage("Mũ bảo hiểm");
        var second = w.scheduledOnPage("Phòng cháy");
        var item = w.item(first.contentId());
        var onOa = w.scheduling
                .schedule(
                        item.id(),
                        List.of(w.oa.id()),
                        w.clock.instant().plusSeconds(3600).atOffset(ZoneOffset.UTC),
                        PLANNER)
                .get(0);

        var started = w.progress.startPublishing(List.of(first, second, onOa));

        assertThat(started).extracting(s -> s.delivery().id()).containsExactly(first.id(), second.id(), onOa.id());
        assertThat(started).allSatisfy(s -> {
            assertThat(s.delivery().status()).isEqualTo(DeliveryStatus.PUBLISHING);
            assertThat(s.item().status()).isEqualTo(ContentStatus.PUBLISHING);
            assertThat(w.delivery(s.delivery().id()).status()).isEqualTo(DeliveryStatus.PUBLISHING);
        });
        // Two deliveries of one item: the item moved once, and both carry it as moved.
        assertThat(started.get(0).item().version())
                .isEqualTo(started.get(2).item().version());
        assertThat(w.item(item.id()).version()).isEqualTo(started.get(0).item().version());
        assertThat(w.scheduling.deliveryHistory(onOa.id(), PLANNER))
                .extracting(AuditEntry::toState)
                .containsExactly("SCHEDULED", "PUBLISHING");
        assertThat(w.audit.history(AuditEntry.Subject.CONTENT, item.id()))
                .extracting(AuditEntry::toState)
                .containsOnlyOnce("PUBLISHING");
    }

    @Test
    void aBatchWithADeliveryInAnotherStateIsRefusedWhole() {
        var due = w.scheduledOnPage("Mũ bảo hiểm");
        var gone = w.scheduledOnPage("Phòng cháy");
        w.progress.startPublishing(gone.id());

        assertThatThrownBy(() -> w.progress.startPublishing(List.of(due, w.delivery(gone.id()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(w.delivery(due.id()).status()).isEqualTo(DeliveryStatus.SCHEDULED);
    }

    @Test
    void aBatchWhoseDeliveryChangedSinceItWasReadIsRefused() {
        var due = w.scheduledOnPage("Mũ bảo hiểm");
        var stale = w.scheduledOnPage("Phòng cháy");
        w.scheduling.cancelDelivery(stale.id(), PLANNER, null);

        assertThatThrownBy(() -> w.progress.startPublishing(List.of(due, stale)))
                .isInstanceOf(ConcurrentChange.class);
    }

    @Test
    void publishingThenFailedWithThePlatformsReason() {
        var d = w.scheduledOnPage("Mũ bảo hiểm");
        w.progress.startPublishing(d.id());
        var failed = w.progress.recordFailed(d.id(), "(#506) Duplicate status message");
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("(#506) Duplicate status message");
    }

    @Test
    void aPassingFailureSendsItBackToScheduled() {
        var d = w.scheduledOnPage("Mũ bảo hiểm");
        w.progress.startPublishing(d.id());
        assertThat(w.progress.retryLater(d.id(), "temporary").status()).isEqualTo(DeliveryStatus.SCHEDULED);
    }

    @Test
    void aRefusedTokenHoldsItAndAReconnectReleasesIt() {
        var d = w.scheduledOnPage("Mũ bảo hiểm");
        w.progress.startPublishing(d.id());
        assertThat(w.progress.hold(d.id(), "reconnect").status()).isEqualTo(DeliveryStatus.HELD);
        assertThat(w.progress.release(d.id(), "channel reconnected")).isTrue();
        assertThat(w.delivery(d.id()).status()).isEqualTo(DeliveryStatus.SCHEDULED);
    }

    @Test
    void aHeldDeliveryOfAnItemBackInReviewIsNotReleasedByAReconnect() {
        var d = w.scheduledOnPage("Mũ bảo hiểm");
        var item = w.item(d.contentId());
        w.writing.editContent(item.id(), item.version(), w.draft("Bản 2"), PLANNER);
        assertThat(w.delivery(d.id()).status()).isEqualTo(DeliveryStatus.HELD);
        assertThat(w.progress.release(d.id(), "channel reconnected")).isFalse();
        assertThat(w.delivery(d.id()).status()).isEqualTo(DeliveryStatus.HELD);
    }

    @Test
    void editHoldsAndApprovingAgainReschedules() {
        var d = w.scheduledOnPage("Mũ bảo hiểm");
        var item = w.item(d.contentId());
        w.writing.editContent(item.id(), item.version(), w.draft("Bản 2"), PLANNER);
        w.review.approve(item.id(), APPROVER, null);
        assertThat(w.delivery(d.id()).status()).isEqualTo(DeliveryStatus.SCHEDULED);
    }

    @Test
    void scheduledOrHeldCanBeCancelled_publishedCannot() {
        var scheduled = w.scheduledOnPage("Một");
        assertThat(w.scheduling.cancelDelivery(scheduled.id(), PLANNER, null).status())
                .isEqualTo(DeliveryStatus.CANCELLED);

        var held = w.scheduledOnPage("Hai");
        var item = w.item(held.contentId());
        w.writing.editContent(item.id(), item.version(), w.draft("Hai, bản 2"), PLANNER);
        assertThat(w.scheduling.cancelDelivery(held.id(), PLANNER, "thôi").status())
                .isEqualTo(DeliveryStatus.CANCELLED);

        var out = w.scheduledOnPage("Ba");
        w.progress.recordPublished(w.progress.startPublishing(out.id()).delivery(), "page-1_3");
        assertThatThrownBy(() -> w.scheduling.cancelDelivery(out.id(), PLANNER, null))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void handedOffThenConfirmedByThePlatform() {
        var d = w.scheduledOnPage("Mũ bảo hiểm");
        var handed = w.progress.handedOff(d, "fb-scheduled-7");
        assertThat(handed.status()).isEqualTo(DeliveryStatus.HANDED_OFF);
        var published = w.progress.confirmedByPlatform(handed);
        assertThat(published.status()).isEqualTo(DeliveryStatus.PUBLISHED);
        assertThat(published.externalRef()).isEqualTo("fb-scheduled-7");
        assertThat(published.publishedAt()).isEqualTo(d.scheduledAt());
        assertThat(w.item(d.contentId()).status()).isEqualTo(ContentStatus.PUBLISHED);
    }

    @Test
    void handedOffThenDroppedByThePlatformGoesBackToLoa() {
        var d = w.scheduledOnPage("Mũ bảo hiểm");
        var handed = w.progress.handedOff(d, "fb-scheduled-7");
        var back = w.progress.droppedByPlatform(handed, "the platform no longer holds it");
        assertThat(back.status()).isEqualTo(DeliveryStatus.SCHEDULED);
        assertThat(back.externalRef()).isNull();
    }

    @Test
    void handedOffRescheduledIsWithdrawnFromThePlatformFirst() {
        var d = w.scheduledOnPage("Mũ bảo hiểm");
        var handed = w.progress.handedOff(d, "fb-scheduled-7");
        var later = w.clock.instant().plusSeconds(7200).atOffset(ZoneOffset.UTC);
        var moved = w.scheduling.reschedule(handed.id(), later, PLANNER);
        assertThat(moved.status()).isEqualTo(DeliveryStatus.SCHEDULED);
        assertThat(moved.scheduledAt()).isEqualTo(later.toInstant());
        assertThat(w.withdrawn).containsExactly(d.id());
    }

    @Test
    void handedOffEditedIsWithdrawnAndHeld() {
        var d = w.scheduledOnPage("Mũ bảo hiểm");
        w.progress.handedOff(d, "fb-scheduled-7");
        var item = w.item(d.contentId());
        w.writing.editContent(item.id(), item.version(), w.draft("Bản 2"), PLANNER);
        assertThat(w.delivery(d.id()).status()).isEqualTo(DeliveryStatus.HELD);
        assertThat(w.withdrawn).containsExactly(d.id());
    }

    @Test
    void publishedThenRemovedFromThePlatform() {
        var d = w.scheduledOnPage("Mũ bảo hiểm");
        var published =
                w.progress.recordPublished(w.progress.startPublishing(d.id()).delivery(), "page-1_42");
        assertThat(w.progress.removed(published, "planner", "gỡ bài").status()).isEqualTo(DeliveryStatus.REMOVED);
    }

    @Test
    void schedulingRefusesEachBadTargetWithItsOwnMessage() {
        var item = w.approved("Mũ bảo hiểm");
        var inactive = w.channels.insert(Channel.from(
                null,
                new Channel.Details(
                        Platform.FACEBOOK, "page-off", "Trang tắt", ChannelRole.PARTNER, 10L, "Phường", null, false)));
        var youtube = w.channels.insert(InMemoryWorkflow.channel(Platform.YOUTUBE, "yt-1", ChannelRole.OFFICIAL));
        var at = w.clock.instant().plusSeconds(600).atOffset(ZoneOffset.UTC);
        assertThatThrownBy(
                        () -> w.scheduling.schedule(item.id(), List.of(inactive.id(), youtube.id(), 999L), at, PLANNER))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::message)
                                .containsExactlyInAnyOrder(
                                        inactive.label() + " is inactive",
                                        "the item has no YOUTUBE variant for " + youtube.label(),
                                        "no channel has id 999"));
        assertThat(w.deliveries.findByContent(item.id())).isEmpty();
    }

    @Test
    void schedulingInThePastOrTwiceToAChannelIsRefused() {
        var item = w.approved("Mũ bảo hiểm");
        var past = w.clock.instant().minusSeconds(1).atOffset(ZoneOffset.UTC);
        assertThatThrownBy(() -> w.scheduling.schedule(item.id(), List.of(w.page.id()), past, PLANNER))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("in the past");
        var at = w.clock.instant().plusSeconds(600).atOffset(ZoneOffset.UTC);
        w.scheduling.schedule(item.id(), List.of(w.page.id()), at, PLANNER);
        assertThatThrownBy(() -> w.scheduling.schedule(item.id(), List.of(w.page.id()), at, PLANNER))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("already scheduled or published");
    }

    @Test
    void aFinishedDeliveryMovesNoMore() {
        var d = w.scheduledOnPage("Mũ bảo hiểm");
        w.progress.startPublishing(d.id());
        w.progress.recordFailed(d.id(), "refused");
        assertThatThrownBy(() -> w.progress.retryLater(d.id(), "again")).isInstanceOf(IllegalTransition.class);
    }
}
