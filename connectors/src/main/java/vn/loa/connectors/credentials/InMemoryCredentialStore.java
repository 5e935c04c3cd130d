package vn.loa.connectors.credentials;

import java.util.concurrent.atomic.AtomicReference;

/** Credentials kept in memory: for the sandbox and for tests of the connectors themselves. */
public final class InMemoryCredentialStore implements CredentialStore {

    private final AtomicReference<Credentials> current;

    public InMemoryCredentialStore(Credentials initial) {
        this.current = new AtomicReference<>(initial);
    }

    @Override
    public Credentials current() {
        var value = current.get();
        if (value == null) {
            throw new MissingCredentials("(in memory)");
        }
        return value;
    }

    @Override
    public void replace(Credentials expected, Credentials replacement) {
        if (!current.compareAndSet(expected, replacement)) {
            throw new StaleCredentials("(in memory)");
        }
    }
}
