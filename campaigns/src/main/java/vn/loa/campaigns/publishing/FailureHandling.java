package vn.loa.campaigns.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import vn.loa.connectors.error.ConnectorException;

/** Turns a connector failure into the next step for the delivery, the same for every platform. */
public final class FailureHandling {

    private final RetryPolicy retries;
    private final DoubleSupplier random;

    public FailureHandling(RetryPolicy retries, DoubleSupplier random) {
        this.retries = retries;
        this.random = random;
    }

    public NextStep after(ConnectorException failure, int attemptsMade, Instant now) {
        var code = failure.platformCode() == null ? "" : " [" + failure.platformCode() + "]";
        return switch (failure.kind()) {
            case TRANSIENT ->
                retries.mayRetry(attemptsMade)
                        ? new NextStep.RetryAt(
                                retries.nextAttempt(attemptsMade, now, random),
                                false,
                                "temporary platform failure" + code + ", attempt " + attemptsMade)
                        : new NextStep.Fail(failure.platform().displayName() + " kept failing after " + attemptsMade
                                + " attempts" + code);
            case RATE_LIMITED ->
                new NextStep.RetryAt(
                        now.plus(wait(failure.retryAfter())),
                        true,
                        "rate limited" + code + ", waiting as the platform asks");
            case AUTH_EXPIRED ->
                new NextStep.HoldForReconnect(failure.platform().displayName()
                        + " no longer accepts this channel's authorisation" + code + "; reconnect the channel");
            case REJECTED ->
                new NextStep.Fail(
                        failure.userMessage() != null && !failure.userMessage().isBlank()
                                ? failure.userMessage() + code
                                : failure.platform().displayName() + " refused the post" + code);
            case NOT_PUBLIC ->
                new NextStep.Fail(
                        (failure.userMessage() != null && !failure.userMessage().isBlank()
                                        ? failure.userMessage()
                                        : failure.platform().displayName() + " does not show the post to the public")
                                + code,
                        true);
            case UNKNOWN_OUTCOME ->
                new NextStep.Settle("no answer from " + failure.platform().displayName() + code);
        };
    }

    private static Duration wait(Duration retryAfter) {
        return retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()
                ? Duration.ofMinutes(1)
                : retryAfter;
    }
}
