package vn.loa.connectors.credentials;

public class MissingCredentials extends RuntimeException {

    public MissingCredentials(String channel) {
        super("channel " + channel + " has no credentials; connect it first");
    }
}
