package vn.loa.app.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.support.EngineTestBase;
import vn.loa.connectors.Platform;
import vn.loa.connectors.sandbox.Fault;
import vn.loa.connectors.sandbox.PlatformSandbox;

/**
 * Native scheduling, per channel opt-in: handed to the platform when far enough ahead, reconciled
 * after the instant; cancels, moves and edits before the instant carried to the platform; after
 * publishing, corrections and deletions go to the platform.
 */
class NativeHandoffTest extends EngineTestBase {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ownDatabase(registry, "engine_handoff");
    }

    @Autowired
    NativeHandoff handoff;

    @Test
    void aDeliveryFarEnoughAheadIsHeldByThePlatformAndReconciledOnce() {
        var page = nativePage();
        var delivery = scheduled(page, "2026-11-25T07:00:00+07:00");
        var tooSoon = scheduled(page, "2026-11-23T08:10:00+07:00"); // 10 minutes ahead: inside the margin

        assertThat(handoff.handOffDue()).isEqualTo(1);
        var handed = as("planner").get("/api/deliveries/" + delivery);
        assertThat(handed.field("status")).isEqualTo("HANDED_OFF");
        assertThat(status(tooSoon)).isEqualTo("SCHEDULED");
        var onPlatform = sandbox.state().postsOf(Platform.FACEBOOK, externalId(page));
        assertThat(onPlatform).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(handed.field("externalRef"));
            assertThat(p.liveAt()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        });
        assertThat(handoff.handOffDue()).as("handed over once").isZero();

        clock.set(Instant.parse("2026-11-25T00:00:30Z"));
        engine.publishDueNow();
        assertThat(status(delivery))
                .as("Loa does not publish what the platform holds")
                .isEqualTo("HANDED_OFF");
        clock.set(Instant.parse("2026-11-25T00:03:00Z"));
        assertThat(handoff.reconcile()).isEqualTo(1);
        var done = as("planner").get("/api/deliveries/" + delivery);
        assertThat(done.field("status")).isEqualTo("PUBLISHED");
        assertThat(done.field("publishedAt")).isEqualTo("2026-11-25T07:00:00+07:00");
        assertThat(sandbox.state().postsOf(Platform.FACEBOOK, externalId(page)))
                .hasSize(2); // and the one Loa sent itself
    }

    @Test
    void cancellingMovingAndEditingBeforeTheInstantAreCarriedToThePlatform() {
        var page = nativePage();
        var cancelled = scheduled(page, "2026-11-25T07:00:00+07:00");
        var moved = scheduled(page, "2026-11-25T08:00:00+07:00");
        var edited = scheduled(page, "2026-11-25T09:00:00+07:00");
        assertThat(handoff.handOffDue()).isEqualTo(3);
        var movedRef = as("planner").get("/api/deliveries/" + moved).field("externalRef");

        assertThat(as("planner")
                        .post("/api/deliveries/" + cancelled + "/cancel", Map.of("reason", "hoãn"))
                        .field("status"))
                .isEqualTo("CANCELLED");
        var rescheduled = as("planner")
                .post("/api/deliveries/" + moved + "/reschedule", Map.of("at", "2026-11-26T08:00:00+07:00"));
        assertThat(rescheduled.field("status")).isEqualTo("SCHEDULED");
        assertThat(rescheduled.field("scheduledAt")).isEqualTo("2026-11-26T08:00:00+07:00");
        var item = contentOf(edited);
        var version =
                as("planner").get("/api/content/" + item).body().path("version").asLong();
        assertThat(as("planner")
                        .put(
                                "/api/content/" + item,
                                Map.of(
                                        "version",
                                        version,
                                        "title",
                                        "Tiêu đề đã sửa",
                                        "media",
                                        List.of("https://cdn.hanoi.gov.vn/a.jpg")))
                        .field("status"))
                .isEqualTo("IN_REVIEW");
        assertThat(status(edited)).isEqualTo("HELD");

        assertThat(sandbox.state().postsOf(Platform.FACEBOOK, externalId(page)))
                .as("all three withdrawn")
                .isEmpty();
        assertThat(handoff.handOffDue())
                .as("the moved one is handed over again at its new time")
                .isEqualTo(1);
        var again = as("planner").get("/api/deliveries/" + moved);
        assertThat(again.field("status")).isEqualTo("HANDED_OFF");
        assertThat(again.field("externalRef")).isNotEqualTo(movedRef);
    }

    @Test
    void aHandoffWithoutAnAnswerIsSettledFromThePlatformsScheduledPosts() {
        PlatformSandbox.stallFor(Duration.ofMillis(1_500));
        var page = nativePage();
        var delivery = scheduled(page, "2026-11-25T07:00:00+07:00");
        sandbox.inject(Platform.FACEBOOK, Fault.TIMEOUT_AFTER_WRITE, 1);

        assertThat(handoff.handOffDue()).isZero();
        assertThat(status(delivery)).isEqualTo("SCHEDULED");
        clock.set(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(engine.publishDueNow())
                .as("not published while the handoff is unsettled")
                .isZero();

        assertThat(handoff.settleHandoffs()).isEqualTo(1);
        assertThat(status(delivery)).isEqualTo("HANDED_OFF");
        assertThat(sandbox.state().postsOf(Platform.FACEBOOK, externalId(page))).hasSize(1);
    }

    @Test
    void afterPublishingCorrectionsAndDeletionsGoToThePlatform() {
        var page = connected("FACEBOOK");
        var delivery = scheduled(page, "2026-11-23T09:00:00+07:00");
        clock.set(Instant.parse("2026-11-23T02:00:00Z"));
        engine.publishDueNow();
        var ref = as("planner").get("/api/deliveries/" + delivery).field("externalRef");

        var item = contentOf(delivery);
        var proposed = as("planner")
                .put(
                        "/api/content/" + item + "/published-variant",
                        Map.of("platform", "FACEBOOK", "body", "Bản đã đính chính"));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(202);
        assertThat(proposed.field("status")).isEqualTo("PENDING");
        var correction = proposed.id();
        var before = postText(ref);
        assertThat(before)
                .as("nothing reaches the platform before an approver says so")
                .isNotEqualTo("Bản đã đính chính");
        assertThat(as("planner")
                        .post("/api/content/corrections/" + correction + "/approve", null)
                        .status())
                .isEqualTo(403);

        var rejected = as("approver")
                .post("/api/content/corrections/" + correction + "/reject", Map.of("reason", "Sai chính tả"));
        assertThat(rejected.field("status")).isEqualTo("REJECTED");
        assertThat(postText(ref)).isEqualTo(before);
        assertThat(as("approver")
                        .post("/api/content/corrections/" + correction + "/approve", null)
                        .status())
                .isEqualTo(409);

        // An editor who is also an approver may not approve their own correction.
        var own = as("editor-in-chief")
                .put(
                        "/api/content/" + item + "/published-variant",
                        Map.of("platform", "FACEBOOK", "body", "Bản đã đính chính"))
                .id();
        var refusedOwn = as("editor-in-chief").post("/api/content/corrections/" + own + "/approve", null);
        assertThat(refusedOwn.status()).isEqualTo(403);
        assertThat(refusedOwn.field("detail")).contains("another approver");
        var approved = as("approver").post("/api/content/corrections/" + own + "/approve", Map.of("note", "Đúng"));
        assertThat(approved.field("status")).as(approved.text()).isEqualTo("APPLIED");
        assertThat(approved.field("decidedBy")).isEqualTo("approver");
        assertThat(postText(ref)).isEqualTo("Bản đã đính chính");
        var history = as("planner").get("/api/content/" + item + "/history").text();
        assertThat(history)
                .contains("correction " + own + " by editor-in-chief, approved by approver")
                .contains("correction " + correction + " by planner rejected by approver");
        assertThat(as("leader").get("/api/content/" + item + "/corrections").body())
                .hasSize(2);

        sandbox.inject(Platform.FACEBOOK, Fault.SERVER_ERROR, 1);
        var refused = as("planner").post("/api/deliveries/" + delivery + "/remove", Map.of("reason", "gỡ"));
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.field("detail")).contains("nothing was changed in Loa");
        assertThat(status(delivery)).isEqualTo("PUBLISHED");

        var removed = as("planner").post("/api/deliveries/" + delivery + "/remove", Map.of("reason", "gỡ bài"));
        assertThat(removed.field("status")).isEqualTo("REMOVED");
        assertThat(sandbox.state().find(ref)).isEmpty();
    }

    private String postText(String ref) {
        return sandbox.state().allPosts().stream()
                .filter(p -> p.id().equals(ref))
                .findFirst()
                .orElseThrow()
                .text();
    }
}
