package vn.loa.connectors.credentials;

/** A Page access token (long-lived when derived from a long-lived user token), and optionally the app secret for appsecret_proof. */
public record FacebookPageToken(String pageToken, String appSecret) implements Credentials {

    @Override
    public String toString() {
        return "FacebookPageToken[***]";
    }
}
