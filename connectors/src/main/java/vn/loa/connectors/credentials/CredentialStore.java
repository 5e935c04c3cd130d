package vn.loa.connectors.credentials;

/** Where one channel's credentials are kept; refreshed tokens are written back through it. */
public interface CredentialStore {

    /** The current credentials; throws {@link MissingCredentials} when the channel was never connected. */
    Credentials current();

    /**
     * Replaces {@code expected} with {@code replacement} atomically; throws
     * {@link StaleCredentials} when someone replaced them first (another node refreshed).
     */
    void replace(Credentials expected, Credentials replacement);
}
