package vn.loa.app.connection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.connectors.credentials.Credentials;
import vn.loa.connectors.credentials.FacebookPageToken;
import vn.loa.connectors.credentials.YouTubeOAuth;
import vn.loa.connectors.credentials.ZaloOAuth;

/** Credentials to and from the JSON that is sealed; a {@code type} field says which kind. */
final class CredentialCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CredentialCodec() {}

    static String write(Credentials credentials) {
        var map = new LinkedHashMap<String, Object>();
        if (credentials instanceof FacebookPageToken fb) {
            map.put("type", "facebook");
            map.put("pageToken", fb.pageToken());
            map.put("appSecret", fb.appSecret());
        } else if (credentials instanceof YouTubeOAuth yt) {
            map.put("type", "youtube");
            map.put("clientId", yt.clientId());
            map.put("clientSecret", yt.clientSecret());
            map.put("refreshToken", yt.refreshToken());
            map.put("projectId", yt.projectId());
        } else if (credentials instanceof ZaloOAuth z) {
            map.put("type", "zalo");
            map.put("appId", z.appId());
            map.put("secretKey", z.secretKey());
            map.put("accessToken", z.accessToken());
            map.put(
                    "accessExpiresAt",
                    z.accessExpiresAt() == null ? null : z.accessExpiresAt().toString());
            map.put("refreshToken", z.refreshToken());
        }
        return JSON.writeValueAsString(map);
    }

    @SuppressWarnings("unchecked")
    static Credentials read(String json) {
        Map<String, String> m = JSON.readValue(json, Map.class);
        return switch (m.get("type")) {
            case "facebook" -> new FacebookPageToken(m.get("pageToken"), m.get("appSecret"));
            case "youtube" ->
                new YouTubeOAuth(m.get("clientId"), m.get("clientSecret"), m.get("refreshToken"), m.get("projectId"));
            case "zalo" ->
                new ZaloOAuth(
                        m.get("appId"),
                        m.get("secretKey"),
                        m.get("accessToken"),
                        m.get("accessExpiresAt") == null ? null : Instant.parse(m.get("accessExpiresAt")),
                        m.get("refreshToken"));
            default -> throw new IllegalStateException("unknown credential type");
        };
    }
}
