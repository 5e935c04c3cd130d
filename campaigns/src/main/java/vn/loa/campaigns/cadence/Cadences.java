package vn.loa.campaigns.cadence;

import static vn.loa.campaigns.access.Permissions.requireAny;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.campaign.CampaignRepository;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.content.ContentFilter;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.delivery.DeliveryFilter;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.InstantRange;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.shared.ReadOnly;
import vn.loa.campaigns.workflow.Scheduling;
import vn.loa.connectors.Platform;

/**
 * Recurring programmes on a channel. Each slot is filled a little ahead of its instant
 * ({@link #FILL_LEAD}) with the programme's oldest approved item not yet on the channel; a slot with
 * nothing to take is reported. Items can also be put in the channel's next free slot.
 */
public class Cadences {

    /** How long before its instant a slot is filled, so the delivery is scheduled ahead like any other. */
    public static final Duration FILL_LEAD = Duration.ofMinutes(2);

    /** What a planner types in to set a cadence. */
    public record Details(Long channelId, Long campaignId, String name, Set<DayOfWeek> days, LocalTime time) {}

    private final CadenceRepository cadences;
    private final ChannelRepository channels;
    private final CampaignRepository campaigns;
    private final ContentRepository contents;
    private final DeliveryRepository deliveries;
    private final Scheduling scheduling;
    private final CadenceTimer timer;
    private final SlotReports reports;
    private final Clock clock;

    public Cadences(
            CadenceRepository cadences,
            ChannelRepository channels,
            CampaignRepository campaigns,
            ContentRepository contents,
            DeliveryRepository deliveries,
            Scheduling scheduling,
            CadenceTimer timer,
            SlotReports reports,
            Clock clock) {
        this.cadences = cadences;
        this.channels = channels;
        this.campaigns = campaigns;
        this.contents = contents;
        this.deliveries = deliveries;
        this.scheduling = scheduling;
        this.timer = timer;
        this.reports = reports;
        this.clock = clock;
    }

    public Cadence defineCadence(Details d, Actor actor) {
        requireAny(actor, "set cadences", Role.PLANNER, Role.ADMIN);
        var checks = new Checks()
                .required("channelId", d.channelId())
                .required("campaignId", d.campaignId())
                .requiredText("name", d.name(), 100)
                .that(d.days() != null && !d.days().isEmpty(), "days", "name at least one day of the week")
                .required("time", d.time());
        var channel =
                d.channelId() == null ? null : channels.find(d.channelId()).orElse(null);
        checks.that(d.channelId() == null || channel != null, "channelId", "no channel has id " + d.channelId());
        checks.that(
                d.campaignId() == null || campaigns.find(d.campaignId()).isPresent(),
                "campaignId",
                "no campaign has id " + d.campaignId());
        checks.throwIfAny();
        var cadence = cadences.insert(
                new Cadence(null, d.channelId(), d.campaignId(), d.name().strip(), d.days(), d.time(), true));
        timer.keep(cadence, channel.zone());
        return cadence;
    }

    /**
     * A partner admin sees only their own organisation's channels' cadences; another
     * organisation's channel is answered as unknown, as {@code Channels.getChannel} does.
     */
    @ReadOnly
    public List<Cadence> listCadences(Long channelId, Actor actor) {
        if (!actor.isPartnerAdminOnly()) {
            return channelId == null ? cadences.findAll() : cadences.findByChannel(channelId);
        }
        var own = channels.list(actor.organisation()).stream().map(Channel::id).collect(Collectors.toSet());
        if (channelId != null) {
            if (!own.contains(channelId)) {
                throw new NotFound("channel", channelId);
            }
            return cadences.findByChannel(channelId);
        }
        return cadences.findAll().stream()
                .filter(c -> own.contains(c.channelId()))
                .toList();
    }

    /**
     * Fills the cadence's next slot (the first after now): the programme's oldest approved item
     * that has a variant for the channel and is not on it yet. Filling the same slot twice does
     * nothing the second time.
     */
    public Optional<Delivery> fillNextSlot(long cadenceId) {
        var cadence = cadences.find(cadenceId).orElseThrow(() -> new NotFound("cadence", cadenceId));
        var channel = channels.find(cadence.channelId()).orElseThrow();
        if (!cadence.active() || !channel.active()) {
            return Optional.empty();
        }
        var slot = cadence.nextSlot(clock.instant(), channel.zone());
        var taken = deliveries
                .search(
                        new DeliveryFilter(
                                null,
                                null,
                                channel.id(),
                                null,
                                null,
                                new InstantRange(slot, slot.plusSeconds(1)),
                                null),
                        PageRequest.of(0, 50))
                .items()
                .stream()
                .filter(d -> d.status() != DeliveryStatus.CANCELLED)
                .findFirst();
        if (taken.isPresent()) {
            return taken;
        }
        var next = nextApproved(cadence, channel.platform(), channel.id());
        if (next.isEmpty()) {
            reports.emptySlot(
                    cadence,
                    slot,
                    "Nothing approved for the " + cadence.name() + " slot at "
                            + slot.atZone(channel.zone()).toLocalDateTime() + " on " + channel.label());
            return Optional.empty();
        }
        var system = new Actor("cadence:" + cadence.name(), Set.of(Role.PLANNER), null);
        return Optional.of(scheduling
                .schedule(
                        next.get().id(),
                        List.of(channel.id()),
                        slot.atZone(channel.zone()).toOffsetDateTime(),
                        system)
                .get(0));
    }

    /** Puts an approved item in the first slot of the channel's cadences that nothing occupies yet. */
    public Delivery scheduleInNextFreeSlot(long contentId, Long channelId, Actor actor) {
        requireAny(actor, "schedule content", Role.PLANNER, Role.ADMIN);
        new Checks().required("channelId", channelId).throwIfAny();
        var channel = channels.find(channelId)
                .orElseThrow(() -> InvalidInput.of("channelId", "no channel has id " + channelId));
        var own = cadences.findByChannel(channelId).stream()
                .filter(Cadence::active)
                .toList();
        if (own.isEmpty()) {
            throw InvalidInput.of(
                    "channelId", channel.label() + " has no cadence; schedule the item at a time instead");
        }
        var from = clock.instant().plus(FILL_LEAD);
        for (int i = 0; i < 400; i++) {
            var after = from;
            var slot = own.stream()
                    .map(c -> c.nextSlot(after, channel.zone()))
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            var occupied = deliveries
                            .search(
                                    new DeliveryFilter(
                                            null,
                                            null,
                                            channelId,
                                            null,
                                            null,
                                            new InstantRange(slot, slot.plusSeconds(1)),
                                            null),
                                    PageRequest.of(0, 1))
                            .totalItems()
                    > 0;
            if (!occupied) {
                return scheduling
                        .schedule(
                                contentId,
                                List.of(channelId),
                                slot.atZone(channel.zone()).toOffsetDateTime(),
                                actor)
                        .get(0);
            }
            from = slot;
        }
        throw InvalidInput.of("channelId", "no free slot on " + channel.label() + " in the coming months");
    }

    private Optional<ContentItem> nextApproved(Cadence cadence, Platform platform, long channelId) {
        var approved = contents.search(
                        new ContentFilter(cadence.campaignId(), null, null, ContentStatus.APPROVED, null, null),
                        PageRequest.of(0, PageRequest.MAX_SIZE))
                .items();
        return approved.stream()
                .filter(i -> i.variant(platform).isPresent())
                .filter(i -> deliveries.findByContent(i.id()).stream()
                        .noneMatch(d -> d.channelId() == channelId
                                && d.status() != DeliveryStatus.CANCELLED
                                && d.status() != DeliveryStatus.FAILED))
                .min(Comparator.comparing(ContentItem::updatedAt).thenComparing(ContentItem::id));
    }
}
