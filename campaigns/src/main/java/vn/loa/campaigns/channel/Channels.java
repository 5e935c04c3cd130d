package vn.loa.campaigns.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.ReadOnly;

/** Use cases on the channels Loa publishes to. */
public class Channels {

    private final ChannelRepository channels;
    private final AuditTrail audit;
    private final Clock clock;

    /** Without an audit trail: for tools and tests that register channels as the system. */
    public Channels(ChannelRepository channels) {
        this(channels, null, Clock.systemUTC());
    }

    public Channels(ChannelRepository channels, AuditTrail audit, Clock clock) {
        this.channels = channels;
        this.audit = audit;
        this.clock = clock;
    }

    /** An administrator registers a channel; the audit trail records who and what. */
    public Channel registerChannel(Channel.Details details, Actor actor) {
        Permissions.requireAny(actor, "register a channel", Role.ADMIN);
        var channel = registerChannel(details);
        record(channel.id(), actor, "REGISTERED", describe(channel));
        return channel;
    }

    /** An administrator changes a channel; the audit trail records each field that changed. */
    public Channel changeChannel(long id, Channel.Details details, Actor actor) {
        Permissions.requireAny(actor, "change a channel", Role.ADMIN);
        var before = getChannel(id);
        var after = changeChannel(id, details);
        var changes = changes(before, after);
        if (!changes.isEmpty()) {
            record(id, actor, "CHANGED", changes);
        }
        return after;
    }

    public Channel registerChannel(Channel.Details details) {
        var channel = Channel.from(null, details);
        refuseDuplicate(channel, null);
        return channels.insert(channel);
    }

    /** Changes what {@code details} gives; what it leaves out (null) keeps its current value. */
    public Channel changeChannel(long id, Channel.Details details) {
        var channel = Channel.from(id, details.over(getChannel(id)));
        refuseDuplicate(channel, id);
        channels.update(channel);
        return channel;
    }

    @ReadOnly
    public Channel getChannel(long id) {
        return channels.find(id).orElseThrow(() -> new NotFound("channel", id));
    }

    /** A partner admin sees their own organisation's channels; everyone else sees all. */
    @ReadOnly
    public Channel getChannel(long id, Actor actor) {
        var channel = getChannel(id);
        if (actor.isPartnerAdminOnly() && !channel.organisation().equals(actor.organisation())) {
            throw new NotFound("channel", id);
        }
        return channel;
    }

    @ReadOnly
    public List<Channel> listChannels(Actor actor) {
        return channels.list(actor.isPartnerAdminOnly() ? actor.organisation() : null);
    }

    private void refuseDuplicate(Channel channel, Long ownId) {
        channels.findByExternalId(channel.platform(), channel.externalId())
                .filter(existing -> !existing.id().equals(ownId))
                .ifPresent(existing -> {
                    throw InvalidInput.of(
                            "externalId",
                            "is already registered as channel " + existing.id() + " (" + existing.displayName() + ")");
                });
    }

    private void record(long id, Actor actor, String action, String whatChanged) {
        if (audit != null) {
            audit.append(AuditEntry.numbered(
                    AuditEntry.Subject.CHANNEL, id, actor.username(), clock.instant(), action, whatChanged));
        }
    }

    private static String describe(Channel c) {
        return c.label() + ", " + c.role() + ", " + c.organisation() + ", external id " + c.externalId()
                + (c.active() ? "" : ", inactive");
    }

    private static String changes(Channel before, Channel after) {
        var parts = new ArrayList<String>();
        diff(parts, "displayName", before.displayName(), after.displayName());
        diff(parts, "role", before.role(), after.role());
        diff(parts, "organisation", before.organisation(), after.organisation());
        diff(parts, "followerCount", before.followerCount(), after.followerCount());
        diff(parts, "zone", before.zone(), after.zone());
        diff(parts, "active", before.active(), after.active());
        diff(parts, "nativeScheduling", before.nativeScheduling(), after.nativeScheduling());
        diff(parts, "maxInFlight", before.maxInFlight(), after.maxInFlight());
        diff(parts, "externalId", before.externalId(), after.externalId());
        return String.join("; ", parts);
    }

    private static void diff(List<String> parts, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            parts.add(field + ": " + before + " → " + after);
        }
    }
}
