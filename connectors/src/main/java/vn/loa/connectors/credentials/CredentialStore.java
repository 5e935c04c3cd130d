package vn.loa.connectors.credentials;

import java.util.function.UnaryOperator;

/** Where one channel's credentials are kept; refreshed tokens are written back through it. */
public interface CredentialStore {

    /** The current credentials; throws {@link MissingCredentials} when the channel was never connected. */
    Credentials current();

    /**
     * Runs {@code change} on the current credentials while holding this channel's lock (across all
     * Loa nodes sharing the store) and stores what it returns before the lock is released. This is
     * how single-use refresh tokens are rotated without two nodes spending the same one. The change
     * returns its argument unchanged when, seeing fresher credentials, it has nothing to do.
     */
    Credentials update(UnaryOperator<Credentials> change);
}
