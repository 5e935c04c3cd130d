package vn.loa.campaigns.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When to try a delivery again after a passing failure: exponential backoff with full jitter,
 * capped, for a bounded number of attempts.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(10), Duration.ofMinutes(10));

    public boolean mayRetry(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The earliest instant of the next attempt after {@code attemptsMade} attempts; {@code random} gives [0, 1). */
    public Instant nextAttempt(int attemptsMade, Instant now, DoubleSupplier random) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() * (1L << Math.min(20, Math.max(0, attemptsMade - 1))));
        // Half fixed, half random: spreads retries of a burst without ever retrying at once.
        long wait = ceiling / 2 + (long) (random.getAsDouble() * (ceiling / 2.0));
        return now.plusMillis(wait);
    }
}
