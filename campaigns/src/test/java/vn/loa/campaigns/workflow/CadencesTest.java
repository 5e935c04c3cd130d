package vn.loa.campaigns.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.loa.campaigns.workflow.InMemoryWorkflow.APPROVER;
import static vn.loa.campaigns.workflow.InMemoryWorkflow.PLANNER;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.loa.campaigns.cadence.Cadence;
import vn.loa.campaigns.cadence.CadenceRepository;
import vn.loa.campaigns.cadence.Cadences;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.shared.FieldProblem;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotAllowed;

/**
 * The cadence rules over in-memory stores: a slot takes the programme's oldest approved item not yet
 * on the channel, once; an empty slot is reported; an item goes in the channel's next free slot.
 * The page's zone is the city's (UTC+7), so 07:00 there is 00:00 UTC.
 */
class CadencesTest {

    private final InMemoryWorkflow w = new InMemoryWorkflow();
    private final Map<Long, Cadence> rows = new TreeMap<>();
    private final List<String> kept = new ArrayList<>();
    private final List<String> emptySlots = new ArrayList<>();
    private final Cadences cadences = new Cadences(
            new CadenceRepository() {
                @Override
                public Cadence insert(Cadence cadence) {
                    var stored = cadence.withId(rows.size() + 1L);
                    rows.put(stored.id(), stored);
                    return stored;
                }

                @Override
                public Optional<Cadence> find(long id) {
                    return Optional.ofNullable(rows.get(id));
                }

                @Override
                public List<Cadence> findByChannel(long channelId) {
                    return rows.values().stream()
                            .filter(c -> c.channelId() == channelId)
                            .toList();
                }

                @Override
                public List<Cadence> findAll() {
                    return List.copyOf(rows.values());
                }
            },
            w.channels,
            w.campaigns,
            w.contents,
            w.deliveries,
            w.scheduling,
            (cadence, zone) -> kept.add(cadence.cron() + " " + zone),
            (cadence, slot, message) -> emptySlots.add(slot + " " + message),
            w.clock);

    /** Every day at 07:00 on the page; the clock starts at 08:00 there, so the first slot is tomorrow's. */
    private Cadence daily() {
        return cadences.defineCadence(
                new Cadences.Details(
                        w.page.id(),
                        w.campaign.id(),
                        "Mỗi ngày một tin tốt",
                        EnumSet.allOf(DayOfWeek.class),
                        LocalTime.of(7, 0)),
                PLANNER);
    }

    @Test
    void aCadenceIsKeptOnTheClockInItsChannelsZone() {
        var cadence = daily();
        assertThat(cadences.listCadences(w.page.id(), PLANNER)).containsExactly(cadence);
        assertThat(cadences.listCadences(w.oa.id(), PLANNER)).isEmpty();
        assertThat(kept).containsExactly("0 0 7 ? * * " + ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    @Test
    void onlyPlannersAndAdminsSetCadencesAndEveryBadFieldIsNamedWithNothingStored() {
        var details = new Cadences.Details(
                w.page.id(), w.campaign.id(), "Tin tốt", Set.of(DayOfWeek.MONDAY), LocalTime.of(7, 0));
        assertThatThrownBy(() -> cadences.defineCadence(details, APPROVER)).isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> cadences.defineCadence(new Cadences.Details(999L, null, " ", Set.of(), null), PLANNER))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactlyInAnyOrder("channelId", "campaignId", "name", "days", "time"));
        assertThat(rows).isEmpty();
        assertThat(kept).isEmpty();
    }

    @Test
    void aSlotTakesTheOldestApprovedItemOnceAndLeavesTheRestForTheNextSlots() {
        var cadence = daily();
        var older = w.approved("Tin thứ nhất");
        w.clock.advance(Duration.ofMinutes(1));
        var newer = w.approved("Tin thứ hai");
        w.written("Bản nháp chưa duyệt");

        var filled = cadences.fillNextSlot(cadence.id()).orElseThrow();
        assertThat(filled.contentId()).isEqualTo(older.id());
        assertThat(filled.channelId()).isEqualTo(w.page.id());
        assertThat(filled.status()).isEqualTo(DeliveryStatus.SCHEDULED);
        assertThat(filled.scheduledAt()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));

        // Filled again before its instant: the slot keeps what it has.
        assertThat(cadences.fillNextSlot(cadence.id())).contains(filled);
        assertThat(w.deliveries.findByContent(newer.id())).isEmpty();

        // The next day's slot takes the next item.
        w.clock.set(Instant.parse("2026-11-21T00:30:00Z"));
        assertThat(cadences.fillNextSlot(cadence.id()).orElseThrow().contentId())
                .isEqualTo(newer.id());
        assertThat(emptySlots).isEmpty();
    }

    @Test
    void aSlotWithNothingApprovedIsReportedNotSkippedSilently() {
        var cadence = daily();
        w.written("Bản nháp chưa duyệt");
        assertThat(cadences.fillNextSlot(cadence.id())).isEmpty();
        assertThat(emptySlots)
                .singleElement()
                .satisfies(m -> assertThat(m).startsWith("2026-11-21T00:00:00Z").contains("Mỗi ngày một tin tốt"));
    }

    @Test
    void anItemAlreadyOnTheChannelIsNotTakenAgain() {
        var cadence = daily();
        w.scheduledOnPage("Đã lên lịch");
        assertThat(cadences.fillNextSlot(cadence.id())).isEmpty();
        assertThat(emptySlots).hasSize(1);
    }

    @Test
    void anInactiveChannelsSlotIsNotFilled() {
        var cadence = daily();
        w.approved("Tin tốt");
        var page = w.page;
        w.channels.update(new Channel(
                page.id(),
                page.platform(),
                page.externalId(),
                page.displayName(),
                page.role(),
                page.followerCount(),
                page.organisation(),
                page.zone(),
                false,
                page.nativeScheduling(),
                page.maxInFlight()));
        assertThat(cadences.fillNextSlot(cadence.id())).isEmpty();
        assertThat(emptySlots).isEmpty();
    }

    @Test
    void anItemGoesInTheChannelsNextFreeSlot() {
        daily();
        var first = w.approved("Tin thứ nhất");
        var second = w.approved("Tin thứ hai");
        assertThat(cadences.scheduleInNextFreeSlot(first.id(), w.page.id(), PLANNER)
                        .scheduledAt())
                .isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(cadences.scheduleInNextFreeSlot(second.id(), w.page.id(), PLANNER)
                        .scheduledAt())
                .isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));
        assertThatThrownBy(() -> cadences.scheduleInNextFreeSlot(second.id(), w.oa.id(), PLANNER))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("channelId"));
    }
}
