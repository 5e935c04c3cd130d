package vn.loa.app.emergency;

import java.util.List;
import java.util.Optional;
import vn.loa.campaigns.channel.Channel;

/** The stops in force at one moment, as the publishing engine checks them. */
public record ActiveStops(List<EmergencyStop> stops) {

    public static final ActiveStops NONE = new ActiveStops(List.of());

    public ActiveStops {
        stops = List.copyOf(stops);
    }

    /** The stop that keeps the channel from publishing, if any (the oldest when several do). */
    public Optional<EmergencyStop> covering(Channel channel) {
        return covering(channel.id(), channel.organisation());
    }

    Optional<EmergencyStop> covering(long channelId, String organisation) {
        if (stops.isEmpty()) {
            return Optional.empty();
        }
        return stops.stream().filter(s -> s.covers(channelId, organisation)).findFirst();
    }

    public boolean isEmpty() {
        return stops.isEmpty();
    }
}
