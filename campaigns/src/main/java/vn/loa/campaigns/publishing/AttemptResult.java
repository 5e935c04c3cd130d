package vn.loa.campaigns.publishing;

import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/**
 * How one attempt ended, as the ledger keeps it: the outcome, the platform's reference when the post
 * is out, the platform's failure when there was one, and a message for people.
 */
public record AttemptResult(AttemptOutcome outcome, String externalRef, Failure failure, String message) {

    /** What the platform said went wrong: Loa's classification and the platform's own code. */
    public record Failure(FailureKind kind, String code) {

        /** The failure a connector reported; none when there was no connector exception. */
        public static Failure of(ConnectorException e) {
            return e == null ? null : new Failure(e.kind(), e.platformCode());
        }
    }

    public AttemptResult {
        if (outcome == null) {
            throw new IllegalArgumentException("an attempt result needs an outcome");
        }
    }

    public static AttemptResult published(String externalRef, String message) {
        return new AttemptResult(AttemptOutcome.PUBLISHED, externalRef, null, message);
    }

    public static AttemptResult handedOff(String externalRef, String message) {
        return new AttemptResult(AttemptOutcome.HANDED_OFF, externalRef, null, message);
    }

    /** A closed outcome without a post: RETRY, HELD, FAILED or MISSING. */
    public static AttemptResult notOut(AttemptOutcome outcome, Failure failure, String message) {
        return new AttemptResult(outcome, null, failure, message);
    }

    /** Nobody knows whether the post went out; an unknown failure kind if the platform named none. */
    public static AttemptResult unknown(Failure failure, String message) {
        return new AttemptResult(
                AttemptOutcome.UNKNOWN,
                null,
                failure != null ? failure : new Failure(FailureKind.UNKNOWN_OUTCOME, null),
                message);
    }

    public FailureKind failureKind() {
        return failure == null ? null : failure.kind();
    }

    public String failureCode() {
        return failure == null ? null : failure.code();
    }
}
