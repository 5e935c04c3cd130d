package vn.loa.connectors.credentials;

/** An OAuth client and the channel owner's refresh token; access tokens are fetched from it as needed. */
public record YouTubeOAuth(String clientId, String clientSecret, String refreshToken, String projectId)
        implements Credentials {

    @Override
    public String toString() {
        return "YouTubeOAuth[clientId=" + clientId + ", project=" + projectId + ", secrets=***]";
    }
}
