package vn.loa.connectors;

/**
 * Told, the moment a platform accepts a write whose result is not yet known, what the platform gave
 * back to follow it up with (Zalo's article or video token). The caller keeps it durably with the
 * attempt, so that a crash or a lost answer after that point resumes the follow-up instead of
 * writing again; it comes back in {@link PublishRequest#receipt()} and in
 * {@code Connector.findPublished(request, since, receipt)}.
 */
@FunctionalInterface
public interface WriteReceipts {

    WriteReceipts NONE = (key, receipt) -> {};

    /** {@code idempotencyKey} is the request's; {@code receipt} is opaque to everyone but the connector. */
    void accepted(String idempotencyKey, String receipt);
}
