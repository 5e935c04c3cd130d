package vn.loa.campaigns.partner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.loa.connectors.Platform;

public interface PartnerPageRepository {

    PartnerPage insert(PartnerPage page);

    void update(PartnerPage page);

    Optional<PartnerPage> find(long id);

    List<PartnerPage> findAll(Collection<Long> ids);

    Optional<PartnerPage> findByExternalId(Platform platform, String externalId);

    Optional<PartnerPage> findByChannel(long channelId);

    List<PartnerPage> list(PageFilter filter);

    /** Keeps the follower count of one day (the last reading of the day wins) and the page's current count. */
    void recordFollowers(long pageId, LocalDate day, long followers, Instant at);

    List<FollowerCount> followerHistory(long pageId);

    /**
     * Pages whose follower count has not been read from their platform since {@code since} and that
     * Loa may read: linked to a channel, or on YouTube (subscriber counts are public); not retired.
     */
    List<PartnerPage> followersToRead(Instant since);

    /** A count read from the platform: kept as {@link #recordFollowers} does, with when it was read. */
    void recordFollowersRead(long pageId, LocalDate day, long followers, Instant at);

    /** One day's follower count of a page. */
    record FollowerCount(LocalDate day, long followers) {}
}
