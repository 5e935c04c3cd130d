package vn.loa.connectors;

import java.time.Duration;

/**
 * Told how much of a platform's rate budget a channel has used, as the platform reports it
 * (Meta's usage headers, YouTube's quota ledger), so that bulk work can slow down before it is cut off.
 */
@FunctionalInterface
public interface UsageObserver {

    UsageObserver NONE = (platform, scope, percentUsed, regainAccessIn) -> {};

    /** {@code scope} names the budget ("app", "page:{page id}", "buc:pages", "units:{project}"…); {@code regainAccessIn} may be null. */
    void observed(Platform platform, String scope, int percentUsed, Duration regainAccessIn);
}
