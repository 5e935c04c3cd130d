package vn.loa.app.engagement;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import vn.loa.connectors.ChannelAccess;

/**
 * What one collection run learns as it goes, and forgets when it ends: channels not to call again in
 * this run (rate-limited, out of quota, disconnected) and each channel's credentials, read once per
 * run (refreshed ones still go through the locked store). The job makes one per run (job scope);
 * a run's steps run one after another on one thread.
 */
public class CollectionRun {

    private final Set<Long> resting = new HashSet<>();
    private final Map<Long, ChannelAccess> access = new HashMap<>();

    /** Not to be called again in this run. */
    public void rest(long channelId) {
        resting.add(channelId);
    }

    public boolean resting(long channelId) {
        return resting.contains(channelId);
    }

    Map<Long, ChannelAccess> access() {
        return access;
    }
}
