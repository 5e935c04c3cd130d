package vn.loa.campaigns.channel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.loa.connectors.Platform;

public interface ChannelRepository {

    Channel insert(Channel channel);

    void update(Channel channel);

    Optional<Channel> find(long id);

    List<Channel> findAll(Collection<Long> ids);

    Optional<Channel> findByExternalId(Platform platform, String externalId);

    /** All channels, or only those of one organisation when {@code organisation} is not null. */
    List<Channel> list(String organisation);
}
