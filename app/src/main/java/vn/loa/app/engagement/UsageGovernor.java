package vn.loa.app.engagement;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.loa.app.quota.QuotaStore;
import vn.loa.connectors.Platform;
import vn.loa.connectors.UsageObserver;

/**
 * How much of each platform's rate budget the platform last said was used (Meta's usage headers),
 * shared by every node through the database: bulk work slows down on all of them when any one is
 * told a budget it shares (the app's, a business use case's, or the page's own) is past the
 * threshold (80 %), until a reading below it, or until the reading is five minutes old, or longer
 * when Meta says how long until access is regained (X-Business-Use-Case-Usage's
 * estimated_time_to_regain_access: calls before it would only be throttled again). Only
 * readings that change the answer are written: a high one, and the first low one after a high one
 * this node knows of, so that a call costs no statement while the budget is comfortable.
 */
@Component
public class UsageGovernor implements UsageObserver {

    static final int THRESHOLD = 80;
    private static final Duration FRESH = Duration.ofMinutes(5);

    private final QuotaStore store;
    private final Clock clock;
    /** Scopes this node stored a high reading for (or read one of), not yet followed by a low one. */
    private final Map<String, Boolean> high = new ConcurrentHashMap<>();

    public UsageGovernor(QuotaStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void observed(Platform platform, String scope, int percentUsed, Duration regainAccessIn) {
        if (scope.startsWith("units:")) {
            return; // YouTube's ledger refuses by itself when the budget is spent
        }
        var key = platform.name() + "|" + scope;
        var now = clock.instant();
        if (percentUsed >= THRESHOLD) {
            var wait = regainAccessIn != null && regainAccessIn.compareTo(FRESH) > 0 ? regainAccessIn : FRESH;
            store.recordUsage(platform, scope, percentUsed, now, now.plus(wait));
            high.put(key, true);
        } else if (high.remove(key) != null) {
            store.recordUsage(platform, scope, percentUsed, now, now);
        }
    }

    /** Whether bulk work on the platform should wait: any node saw one of its shared budgets high. */
    public boolean shouldSlowDown(Platform platform) {
        return shouldSlowDown(platform, null);
    }

    /** Whether bulk work on one page should wait: a shared budget or that page's own is high. */
    public boolean shouldSlowDown(Platform platform, String pageId) {
        var now = clock.instant();
        return store.deferring(platform, THRESHOLD, now, now.minus(FRESH), pageId == null ? null : "page:" + pageId);
    }
}
