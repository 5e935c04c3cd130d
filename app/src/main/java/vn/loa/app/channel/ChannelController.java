package vn.loa.app.channel;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRole;
import vn.loa.campaigns.channel.Channels;
import vn.loa.connectors.Platform;

@RestController
@RequestMapping("/api/channels")
class ChannelController {

    record ChannelView(
            long id,
            Platform platform,
            String externalId,
            String displayName,
            ChannelRole role,
            long followerCount,
            String organisation,
            String zone,
            boolean active,
            boolean nativeScheduling,
            int maxInFlight) {

        static ChannelView of(Channel c) {
            return new ChannelView(
                    c.id(),
                    c.platform(),
                    c.externalId(),
                    c.displayName(),
                    c.role(),
                    c.followerCount(),
                    c.organisation(),
                    c.zone().getId(),
                    c.active(),
                    c.nativeScheduling(),
                    c.maxInFlight());
        }
    }

    private final Channels channels;

    ChannelController(Channels channels) {
        this.channels = channels;
    }

    @GetMapping
    List<ChannelView> list(Actor actor) {
        return channels.listChannels(actor).stream().map(ChannelView::of).toList();
    }

    @GetMapping("/{id}")
    ChannelView get(@PathVariable long id, Actor actor) {
        return ChannelView.of(channels.getChannel(id, actor));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ChannelView register(@RequestBody Channel.Details body, Actor actor) {
        return ChannelView.of(channels.registerChannel(body, actor));
    }

    @PutMapping("/{id}")
    ChannelView change(@PathVariable long id, @RequestBody Channel.Details body, Actor actor) {
        return ChannelView.of(channels.changeChannel(id, body, actor));
    }
}
