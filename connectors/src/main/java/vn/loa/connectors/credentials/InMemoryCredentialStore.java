package vn.loa.connectors.credentials;

import java.util.function.UnaryOperator;

/** Credentials kept in memory: for the sandbox and for tests of the connectors themselves. */
public final class InMemoryCredentialStore implements CredentialStore {

    private Credentials current;

    public InMemoryCredentialStore(Credentials initial) {
        this.current = initial;
    }

    @Override
    public synchronized Credentials current() {
        if (current == null) {
            throw new MissingCredentials("(in memory)");
        }
        return current;
    }

    @Override
    public synchronized Credentials update(UnaryOperator<Credentials> change) {
        current = change.apply(current());
        return current;
    }
}
