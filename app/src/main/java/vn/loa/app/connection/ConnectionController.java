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
import vn.loa.campaigns.shared.Checks;
import vn.loa.connectors.Platform;
import vn.loa.connectors.credentials.Credentials;
import vn.loa.connectors.credentials.FacebookPageToken;
import vn.loa.connectors.credentials.YouTubeOAuth;
import vn.loa.connectors.credentials.ZaloOAuth;

/** Connecting channels to their platforms. Credentials go in; they never come back out. */
@RestController
@RequestMapping("/api/channels/{id}/credentials")
class ConnectionController {

    /** The fields of all three platforms; which are required depends on the channel's platform. */
    record CredentialsInput(
            String pageToken,
            String appSecret,
            String clientId,
            String clientSecret,
            String refreshToken,
            String projectId,
            String appId,
            String secretKey,
            String accessToken,
            OffsetDateTime accessExpiresAt) {}

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
    StatusView connect(@PathVariable long id, @RequestBody CredentialsInput body, Actor actor) {
        Permissions.requireAny(actor, "connect channels", Role.ADMIN);
        var channel = channels.getChannel(id);
        return view(connections.connect(id, credentials(channel.platform(), body), actor));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(@PathVariable long id, Actor actor) {
        connections.disconnect(id, actor);
    }

    private static Credentials credentials(Platform platform, CredentialsInput in) {
        var checks = new Checks();
        Credentials credentials = switch (platform) {
            case FACEBOOK -> {
                checks.requiredText("pageToken", in.pageToken(), 1000);
                yield new FacebookPageToken(strip(in.pageToken()), strip(in.appSecret()));
            }
            case YOUTUBE -> {
                checks.requiredText("clientId", in.clientId(), 300)
                        .requiredText("clientSecret", in.clientSecret(), 300)
                        .requiredText("refreshToken", in.refreshToken(), 1000)
                        .requiredText("projectId", in.projectId(), 100);
                yield new YouTubeOAuth(
                        strip(in.clientId()),
                        strip(in.clientSecret()),
                        strip(in.refreshToken()),
                        strip(in.projectId()));
            }
            case ZALO -> {
                checks.requiredText("appId", in.appId(), 100)
                        .requiredText("secretKey", in.secretKey(), 300)
                        .requiredText("accessToken", in.accessToken(), 2000)
                        .requiredText("refreshToken", in.refreshToken(), 2000);
                yield new ZaloOAuth(
                        strip(in.appId()),
                        strip(in.secretKey()),
                        strip(in.accessToken()),
                        in.accessExpiresAt() == null
                                ? null
                                : in.accessExpiresAt().toInstant(),
                        strip(in.refreshToken()));
            }
        };
        checks.throwIfAny();
        return credentials;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private StatusView view(ChannelConnections.Status s) {
        return new StatusView(s.connected(), times.inCity(s.updatedAt()), s.updatedBy(), s.verified(), s.note());
    }
}
