package vn.loa.campaigns.partner;

import java.time.Instant;
import vn.loa.connectors.Platform;

/**
 * A partner's fanpage, group, YouTube channel or Zalo OA in the registry. Loa need not hold its
 * token: most partners post packs themselves. When a partner lets Loa publish for it, the page is
 * linked to a {@code channel} ({@code channelId}) and, with {@code autoAccept}, its packs are
 * published through the engine without anyone accepting them one by one.
 */
public record PartnerPage(
        Long id,
        long organisationId,
        Platform platform,
        String externalId,
        String url,
        String displayName,
        long followerCount,
        Instant followersAt,
        String audienceNotes,
        PageStatus status,
        String statusReason,
        Long channelId,
        boolean autoAccept,
        Instant createdAt,
        Instant updatedAt) {

    public static final int NOTES_MAX = 4_000;

    /** What a person types in to register or change a page; its status moves by its own use case. */
    public record Details(
            Long organisationId,
            Platform platform,
            String externalId,
            String url,
            String displayName,
            Long followerCount,
            String audienceNotes) {}

    public PartnerPage withStatus(PageStatus target, String reason, Instant now) {
        return new PartnerPage(
                id,
                organisationId,
                platform,
                externalId,
                url,
                displayName,
                followerCount,
                followersAt,
                audienceNotes,
                target,
                reason,
                channelId,
                autoAccept,
                createdAt,
                now);
    }

    public PartnerPage withChannel(Long newChannelId, boolean newAutoAccept, Instant now) {
        return new PartnerPage(
                id,
                organisationId,
                platform,
                externalId,
                url,
                displayName,
                followerCount,
                followersAt,
                audienceNotes,
                status,
                statusReason,
                newChannelId,
                newAutoAccept,
                createdAt,
                now);
    }

    public PartnerPage withFollowers(long followers, Instant at) {
        return new PartnerPage(
                id,
                organisationId,
                platform,
                externalId,
                url,
                displayName,
                followers,
                at,
                audienceNotes,
                status,
                statusReason,
                channelId,
                autoAccept,
                createdAt,
                at);
    }

    public PartnerPage withId(long newId) {
        return new PartnerPage(
                newId,
                organisationId,
                platform,
                externalId,
                url,
                displayName,
                followerCount,
                followersAt,
                audienceNotes,
                status,
                statusReason,
                channelId,
                autoAccept,
                createdAt,
                updatedAt);
    }

    public String label() {
        return displayName + " (" + platform.displayName() + ")";
    }
}
