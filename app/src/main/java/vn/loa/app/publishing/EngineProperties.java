package vn.loa.app.publishing;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The publishing engine's settings ({@code loa.engine.*}).
 *
 * @param node            this node's name in the ledger (default: host and process id)
 * @param loop            whether this node runs the dispatch loop (tests drive the engine by hand)
 * @param pollInterval    the safety poll: how often the loop looks for work when nothing woke it
 *                        earlier (a minute). Quartz wakes it at every instant something is due
 *                        and when a lease ends, so this only bounds how late work is found whose
 *                        timer was lost (a node died between committing it and setting its timer)
 * @param batchSize       deliveries claimed per claim transaction
 * @param lease           how long an attempt may run before it counts as cut off; must exceed every
 *                        connector's read timeout, or a slow call could be settled and retried while it still runs
 * @param threadsPerPlatform publish calls in flight per platform on this node; one slow platform
 *                        fills only its own pool
 * @param recorders       threads storing the calls' outcomes; fewer than the connection pool holds
 * @param maxAttempts     attempts after passing failures before a delivery fails
 * @param retryBase       first backoff; doubled per attempt, with jitter
 * @param retryCap        longest backoff
 */
@ConfigurationProperties("loa.engine")
public record EngineProperties(
        String node,
        Boolean loop,
        Duration pollInterval,
        Integer batchSize,
        Duration lease,
        Integer threadsPerPlatform,
        Integer recorders,
        Integer maxAttempts,
        Duration retryBase,
        Duration retryCap) {

    public EngineProperties {
        node = node == null || node.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName()
                : node;
        loop = loop == null || loop;
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        threadsPerPlatform = threadsPerPlatform == null ? 128 : threadsPerPlatform;
        recorders = recorders == null ? 6 : recorders;
        maxAttempts = maxAttempts == null ? 6 : maxAttempts;
        retryBase = retryBase == null ? Duration.ofSeconds(10) : retryBase;
        retryCap = retryCap == null ? Duration.ofMinutes(10) : retryCap;
    }
}
