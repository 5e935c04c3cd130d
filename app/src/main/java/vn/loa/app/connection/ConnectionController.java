package vn.loa.app.connection;

import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.app.api.ApiTimes;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.channel.Channels;

/** Connecting channels to their platforms. Credentials go in; they never come back out. */
@RestController
@RequestMapping("/api/channels/{id}/credentials")
class ConnectionController {

    record StatusView(boolean connected, OffsetDateTime updatedAt, String updatedBy, Boolean verified, String note) {}

    private final ChannelConnections connections;
    private final Channels channels;
    private final ApiTimes times;

    ConnectionController(ChannelConnections connections, Channels channels, ApiTimes times) {
        this.connections = connections;
        this.channels = channels;
        this.times = times;
    }

    @GetMapping
    StatusView status(@PathVariable long id, Actor actor) {
        return view(connections.status(id, actor));
    }

    @PutMapping
    StatusView connect(@PathVariable long id, @RequestBody CredentialsForm body, Actor actor) {
        Permissions.requireAny(actor, "connect channels", Role.ADMIN);
        var channel = channels.getChannel(id);
        return view(connections.connect(id, body.toCredentials(channel.platform()), actor));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(@PathVariable long id, Actor actor) {
        connections.disconnect(id, actor);
    }

    private StatusView view(ChannelConnections.Status s) {
        return new StatusView(s.connected(), times.inCity(s.updatedAt()), s.updatedBy(), s.verified(), s.note());
    }
}
