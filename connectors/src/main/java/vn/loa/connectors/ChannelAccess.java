package vn.loa.connectors;

import vn.loa.connectors.credentials.CredentialStore;

/**
 * How to reach one page, channel or official account: its id on the platform and where its
 * credentials are kept (the connector reads them, and stores refreshed ones, through the store).
 */
public record ChannelAccess(Platform platform, String externalId, CredentialStore credentials) {

    /** The key under which per-channel state (locks, cached tokens) is kept. */
    public String key() {
        return platform + ":" + externalId;
    }

    @Override
    public String toString() {
        return "ChannelAccess[" + key() + "]";
    }
}
