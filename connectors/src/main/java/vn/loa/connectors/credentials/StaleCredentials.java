package vn.loa.connectors.credentials;

public class StaleCredentials extends RuntimeException {

    public StaleCredentials(String channel) {
        super("credentials of " + channel + " were replaced meanwhile");
    }
}
