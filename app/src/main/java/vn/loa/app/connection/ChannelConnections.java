package vn.loa.app.connection;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.Channels;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.connectors.ChannelAccess;
import vn.loa.connectors.ConnectorRegistry;
import vn.loa.connectors.credentials.CredentialStore;
import vn.loa.connectors.credentials.Credentials;
import vn.loa.connectors.credentials.InMemoryCredentialStore;
import vn.loa.connectors.credentials.MissingCredentials;
import vn.loa.connectors.credentials.ZaloOAuth;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/**
 * Connecting a channel to its platform: credentials are checked against the platform, sealed and
 * stored; afterwards connectors reach the channel through {@link #accessFor}.
 */
@Service
public class ChannelConnections {

    /** What the API says of a connection; never the credentials themselves. */
    public record Status(boolean connected, Instant updatedAt, String updatedBy, Boolean verified, String note) {}

    private final JdbcClient jdbc;
    private final CredentialCipher cipher;
    private final PlatformTransactionManager tm;
    private final Channels channels;
    private final ConnectorRegistry connectors;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    public ChannelConnections(
            JdbcClient jdbc,
            CredentialCipher cipher,
            PlatformTransactionManager tm,
            Channels channels,
            ConnectorRegistry connectors,
            ApplicationEventPublisher events,
            AuditTrail audit,
            Clock clock) {
        this.events = events;
        this.audit = audit;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.tm = tm;
        this.channels = channels;
        this.connectors = connectors;
        this.clock = clock;
    }

    public ChannelAccess accessFor(Channel channel) {
        return new ChannelAccess(
                channel.platform(),
                channel.externalId(),
                new JdbcCredentialStore(channel.id(), jdbc, cipher, tm, clock));
    }

    /**
     * Access for a batch of calls to many channels: their credentials are read in one query, now
     * (inside the caller's transaction); refreshed ones still go through each channel's locked store.
     * Channels without credentials get an access whose credentials say so when used.
     */
    public Map<Long, ChannelAccess> accessForBatch(Collection<Channel> batch) {
        var sealed = new HashMap<Long, String>();
        if (!batch.isEmpty()) {
            jdbc.sql("SELECT channel_id, sealed FROM channel_credential WHERE channel_id IN (:ids)")
                    .param("ids", batch.stream().map(Channel::id).toList())
                    .query(rs -> {
                        sealed.put(rs.getLong(1), rs.getString(2));
                    });
        }
        var result = new HashMap<Long, ChannelAccess>();
        for (var channel : batch) {
            var store = new JdbcCredentialStore(channel.id(), jdbc, cipher, tm, clock);
            var value = sealed.get(channel.id());
            var read = value == null ? null : CredentialCodec.read(cipher.open(value, channel.id()));
            result.put(channel.id(), new ChannelAccess(channel.platform(), channel.externalId(), new CredentialStore() {
                private volatile Credentials known = read;

                @Override
                public Credentials current() {
                    if (known == null) {
                        throw new MissingCredentials("channel " + channel.id());
                    }
                    return known;
                }

                @Override
                public Credentials update(UnaryOperator<Credentials> change) {
                    known = store.update(change);
                    return known;
                }
            }));
        }
        return result;
    }

    /**
     * Checks the credentials by reading the channel's follower count from the platform; refused
     * credentials are not stored. When the platform cannot be reached they are stored unverified.
     */
    public Status connect(long channelId, Credentials credentials, Actor actor) {
        Permissions.requireAny(actor, "connect channels", Role.ADMIN);
        var channel = channels.getChannel(channelId);
        var trial = new InMemoryCredentialStore(credentials);
        Boolean verified;
        String note = null;
        try {
            var followers = connectors
                    .forPlatform(channel.platform())
                    .followerCount(new ChannelAccess(channel.platform(), channel.externalId(), trial));
            channels.changeChannel(
                    channelId,
                    new Channel.Details(
                            channel.platform(),
                            channel.externalId(),
                            channel.displayName(),
                            channel.role(),
                            followers,
                            channel.organisation(),
                            channel.zone().getId(),
                            channel.active(),
                            channel.nativeScheduling(),
                            channel.maxInFlight()));
            verified = true;
        } catch (ConnectorException e) {
            if (e.kind() == FailureKind.AUTH_EXPIRED || e.kind() == FailureKind.REJECTED) {
                record(
                        channelId,
                        actor,
                        "REFUSED",
                        "the platform refused the credentials (" + e.platformCode() + "); nothing stored");
                throw InvalidInput.of(
                        "credentials",
                        channel.platform().displayName() + " refused these credentials (" + e.platformCode()
                                + "); nothing was stored");
            }
            verified = false;
            note = "stored without a check: the platform could not be reached (" + e.kind() + ")";
        }
        store(channelId, channel, trial.current(), actor.username());
        record(
                channelId,
                actor,
                "CONNECTED",
                verified ? "verified: the platform answered with these credentials" : "stored unverified: " + note);
        events.publishEvent(new ChannelConnected(channelId));
        return new Status(true, clock.instant(), actor.username(), verified, note);
    }

    private void store(long channelId, Channel channel, Credentials credentials, String by) {
        var sealed = cipher.seal(CredentialCodec.write(credentials), channelId);
        var now = Timestamps.utc(clock.instant());
        int updated = jdbc.sql("UPDATE channel_credential SET platform = ?, sealed = ?, updated_at = ?, updated_by = ?"
                        + " WHERE channel_id = ?")
                .params(channel.platform().name(), sealed, now, by, channelId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO channel_credential (channel_id, platform, sealed, updated_at, updated_by)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(channelId, channel.platform().name(), sealed, now, by)
                    .update();
        }
    }

    /**
     * When the stored access token stops working, where the platform says (Zalo's access token);
     * empty for credentials without a known end (Facebook page tokens, YouTube refresh tokens).
     */
    public Optional<Instant> accessExpiry(long channelId, Actor actor) {
        Permissions.requireAny(actor, "see channel connections", Role.ADMIN, Role.PLANNER, Role.LEADERSHIP);
        var channel = channels.getChannel(channelId);
        if (find(channelId).isEmpty()) {
            return Optional.empty();
        }
        return accessFor(channel).credentials().current() instanceof ZaloOAuth zalo
                ? Optional.ofNullable(zalo.accessExpiresAt())
                : Optional.empty();
    }

    public Status status(long channelId, Actor actor) {
        Permissions.requireAny(actor, "see channel connections", Role.ADMIN, Role.PLANNER, Role.LEADERSHIP);
        channels.getChannel(channelId);
        return find(channelId).orElse(new Status(false, null, null, null, null));
    }

    public void disconnect(long channelId, Actor actor) {
        Permissions.requireAny(actor, "disconnect channels", Role.ADMIN);
        channels.getChannel(channelId);
        int removed = jdbc.sql("DELETE FROM channel_credential WHERE channel_id = ?")
                .param(channelId)
                .update();
        if (removed > 0) {
            record(channelId, actor, "DISCONNECTED", "stored credentials deleted");
        }
    }

    /** Credentials are recorded by what happened to them, never by their value. */
    private void record(long channelId, Actor actor, String action, String whatChanged) {
        audit.append(AuditEntry.numbered(
                AuditEntry.Subject.CREDENTIAL, channelId, actor.username(), clock.instant(), action, whatChanged));
    }

    /**
     * Deletes the sealed credentials of these channels at once (an account suspected compromised);
     * returns the channels that had some. Runs in the caller's transaction.
     */
    public List<Long> revoke(Collection<Long> channelIds, Actor actor) {
        Permissions.requireAny(actor, "revoke credentials", Role.ADMIN);
        if (channelIds.isEmpty()) {
            return List.of();
        }
        var had = jdbc.sql("SELECT channel_id FROM channel_credential WHERE channel_id IN (:ids) ORDER BY channel_id")
                .param("ids", channelIds)
                .query(Long.class)
                .list();
        jdbc.sql("DELETE FROM channel_credential WHERE channel_id IN (:ids)")
                .param("ids", channelIds)
                .update();
        return had;
    }

    private Optional<Status> find(long channelId) {
        return jdbc.sql("SELECT updated_at, updated_by FROM channel_credential WHERE channel_id = ?")
                .param(channelId)
                .query((rs, row) ->
                        new Status(true, Timestamps.read(rs, "updated_at"), rs.getString("updated_by"), null, null))
                .optional();
    }
}
