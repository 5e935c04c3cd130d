package vn.loa.app.publishing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.loa.app.connection.ChannelConnections;
import vn.loa.app.emergency.EmergencyStops;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.PostDrafts;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.delivery.PlatformPosts;
import vn.loa.campaigns.shared.PlatformRefused;
import vn.loa.connectors.ConnectorRegistry;
import vn.loa.connectors.credentials.MissingCredentials;
import vn.loa.connectors.error.ConnectorException;

/** Carries withdrawals, deletions and edits of posts to their platforms through the connectors. */
@Component
class ConnectorPlatformPosts implements PlatformPosts {

    private final ChannelRepository channels;
    private final ChannelConnections connections;
    private final ConnectorRegistry connectors;
    private final ObjectProvider<EmergencyStops> emergency;

    ConnectorPlatformPosts(
            ChannelRepository channels,
            ChannelConnections connections,
            ConnectorRegistry connectors,
            ObjectProvider<EmergencyStops> emergency) {
        this.channels = channels;
        this.connections = connections;
        this.connectors = connectors;
        this.emergency = emergency;
    }

    @Override
    public void withdraw(Delivery delivery) {
        var channel = channels.find(delivery.channelId()).orElseThrow();
        var connector = connectors.forPlatform(channel.platform());
        if (!connector.capabilities().delete()) {
            throw new PlatformRefused(channel.platform().displayName() + " does not let Loa delete posts");
        }
        try {
            connector.delete(connections.accessFor(channel), delivery.externalRef());
        } catch (ConnectorException e) {
            throw refused("delete the post from", channel.label(), e);
        } catch (MissingCredentials e) {
            throw new PlatformRefused(channel.label() + " is not connected; reconnect it first");
        }
    }

    @Override
    public void edit(Delivery delivery, ContentItem item) {
        var channel = channels.find(delivery.channelId()).orElseThrow();
        var connector = connectors.forPlatform(channel.platform());
        if (!connector.capabilities().edit()) {
            throw new PlatformRefused(channel.platform().displayName() + " does not let Loa edit posts");
        }
        // Withdrawals and deletions take posts down and stay possible; an edit sends new text.
        var stop = emergency.getObject().current().covering(channel);
        if (stop.isPresent()) {
            throw new PlatformRefused(channel.label() + ": publishing is stopped ("
                    + stop.get().holdReason() + "); nothing was changed. Edit the post once the stop ends.");
        }
        var variant = item.variant(channel.platform()).orElseThrow();
        try {
            // An update resends the whole article: the author too, or Zalo would blank it.
            connector.edit(
                    delivery.externalRef(),
                    PostDrafts.toRequest(variant, connections.accessFor(channel), null)
                            .withAuthor(channel.displayName()));
        } catch (ConnectorException e) {
            throw refused("edit the post on", channel.label(), e);
        } catch (MissingCredentials e) {
            throw new PlatformRefused(channel.label() + " is not connected; reconnect it first");
        }
    }

    private static PlatformRefused refused(String what, String channel, ConnectorException e) {
        var why = e.userMessage() != null
                ? e.userMessage()
                : e.kind().name().toLowerCase().replace('_', ' ');
        return new PlatformRefused("Could not " + what + " " + channel + " (" + why + ", " + e.platformCode()
                + "); nothing was changed in Loa. Try again, or do it on the platform.");
    }
}
