package vn.loa.campaigns.channel;

import java.util.List;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.ReadOnly;

/** Use cases on the channels Loa publishes to. */
public class Channels {

    private final ChannelRepository channels;

    public Channels(ChannelRepository channels) {
        this.channels = channels;
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
}
