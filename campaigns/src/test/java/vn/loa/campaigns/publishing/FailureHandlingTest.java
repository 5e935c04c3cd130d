package vn.loa.campaigns.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.loa.connectors.Platform;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/** What each class of connector failure leads to (docs/publishing.md's table), and the retry policy. */
class FailureHandlingTest {

    private static final Instant NOW = Instant.parse("2026-11-20T01:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(60));
    private final FailureHandling handling = new FailureHandling(policy, () -> 0.5);

    private static ConnectorException failure(FailureKind kind, Duration retryAfter, String userMessage) {
        return new ConnectorException(Platform.FACEBOOK, kind, "368", 400, retryAfter, userMessage, "test", null);
    }

    @Test
    void transientIsRetriedWithBackoffUntilTheLastAttemptThenFails() {
        var first = handling.after(failure(FailureKind.TRANSIENT, null, null), 1, NOW);
        assertThat(first).isInstanceOfSatisfying(NextStep.RetryAt.class, r -> {
            assertThat(r.channelCooldown()).isFalse();
            assertThat(r.at()).isEqualTo(NOW.plusMillis(7_500)); // 10 s ceiling: 5 s fixed + half of 5 s random
        });
        assertThat(handling.after(failure(FailureKind.TRANSIENT, null, null), 3, NOW))
                .isInstanceOfSatisfying(
                        NextStep.Fail.class, f -> assertThat(f.reason()).contains("kept failing after 3 attempts"));
    }

    @Test
    void rateLimitedWaitsAsThePlatformAsksAndCoolsTheChannelDown() {
        assertThat(handling.after(failure(FailureKind.RATE_LIMITED, Duration.ofMinutes(7), null), 1, NOW))
                .isInstanceOfSatisfying(NextStep.RetryAt.class, r -> {
                    assertThat(r.at()).isEqualTo(NOW.plus(Duration.ofMinutes(7)));
                    assertThat(r.channelCooldown()).isTrue();
                });
    }

    @Test
    void rateLimitedWithoutAWaitWaitsAMinute() {
        assertThat(handling.after(failure(FailureKind.RATE_LIMITED, null, null), 1, NOW))
                .isInstanceOfSatisfying(
                        NextStep.RetryAt.class, r -> assertThat(r.at()).isEqualTo(NOW.plusSeconds(60)));
        assertThat(handling.after(failure(FailureKind.RATE_LIMITED, Duration.ofSeconds(-5), null), 1, NOW))
                .isInstanceOfSatisfying(
                        NextStep.RetryAt.class, r -> assertThat(r.at()).isEqualTo(NOW.plusSeconds(60)));
    }

    @Test
    void anExpiredAuthorisationHoldsForAReconnect() {
        assertThat(handling.after(failure(FailureKind.AUTH_EXPIRED, null, null), 1, NOW))
                .isInstanceOfSatisfying(
                        NextStep.HoldForReconnect.class,
                        h -> assertThat(h.reason()).contains("reconnect the channel"));
    }

    @Test
    void aRejectionFailsWithThePlatformsOwnMessage() {
        assertThat(handling.after(failure(FailureKind.REJECTED, null, "(#506) Duplicate status message"), 1, NOW))
                .isInstanceOfSatisfying(
                        NextStep.Fail.class,
                        f -> assertThat(f.reason()).isEqualTo("(#506) Duplicate status message [368]"));
        assertThat(handling.after(failure(FailureKind.REJECTED, null, null), 1, NOW))
                .isInstanceOfSatisfying(
                        NextStep.Fail.class,
                        f -> assertThat(f.reason()).isEqualTo("Facebook Page refused the post [368]"));
    }

    @Test
    void anUnknownOutcomeIsSettledNeverRetriedBlindly() {
        assertThat(handling.after(failure(FailureKind.UNKNOWN_OUTCOME, null, null), 1, NOW))
                .isInstanceOf(NextStep.Settle.class);
    }

    @Test
    void backoffDoublesIsCappedAndNeverZero() {
        assertThat(policy.nextAttempt(1, NOW, () -> 0.0)).isEqualTo(NOW.plusSeconds(5));
        assertThat(policy.nextAttempt(2, NOW, () -> 0.0)).isEqualTo(NOW.plusSeconds(10));
        assertThat(policy.nextAttempt(3, NOW, () -> 0.999)).isBefore(NOW.plusSeconds(40));
        assertThat(policy.nextAttempt(30, NOW, () -> 0.999)).isBeforeOrEqualTo(NOW.plusSeconds(60));
        assertThat(policy.nextAttempt(30, NOW, () -> 0.0)).isEqualTo(NOW.plusSeconds(30));
        assertThat(policy.mayRetry(2)).isTrue();
        assertThat(policy.mayRetry(3)).isFalse();
    }

    @Test
    void outcomesStayOpenOnlyWhileNobodyKnows() {
        assertThat(AttemptOutcome.values())
                .filteredOn(AttemptOutcome::open)
                .containsExactlyInAnyOrder(AttemptOutcome.PENDING, AttemptOutcome.UNKNOWN, AttemptOutcome.SETTLING);
        var unknown = AttemptResult.unknown(null, "no answer");
        assertThat(unknown.failureKind()).isEqualTo(FailureKind.UNKNOWN_OUTCOME);
    }
}
