package vn.loa.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running app over real HTTP as one signed-in user (or anonymously). */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String authorization;
    private final Map<String, String> headers;

    private Api(String base, String authorization) {
        this(base, authorization, Map.of());
    }

    private Api(String base, String authorization, Map<String, String> headers) {
        this.base = base;
        this.authorization = authorization;
        this.headers = headers;
    }

    /** The same caller, sending one more header on every request (e.g. X-Forwarded-For). */
    public Api header(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, authorization, Map.copyOf(more));
    }

    /** A caller with a bearer token (a personal API token) instead of a password. */
    public static Api bearer(int port, String token) {
        return new Api("http://localhost:" + port, "Bearer " + token);
    }

    public static Api anonymous(int port) {
        return new Api("http://localhost:" + port, null);
    }

    public static Api as(int port, String username, String password) {
        var token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api("http://localhost:" + port, "Basic " + token);
    }

    public record Response(int status, String contentType, JsonNode body, String text) {

        public String field(String name) {
            return body.path(name).asString();
        }

        public long id() {
            return body.path("id").asLong();
        }

        /** The message for one field of a 400 problem, or null. */
        public String error(String field) {
            for (var e : body.path("errors")) {
                if (field.equals(e.path("field").asString())) {
                    return e.path("message").asString();
                }
            }
            return null;
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path).POST(publisher(body)).header("Content-Type", "application/json"));
    }

    public Response put(String path, Object body) {
        return send(request(path).PUT(publisher(body)).header("Content-Type", "application/json"));
    }

    /** A DELETE has no body to declare as JSON, so it says it comes from a script instead. */
    public Response delete(String path) {
        return send(request(path).DELETE().header("X-Requested-With", "loa-tests"));
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        var text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            var res = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            var type = res.headers().firstValue("Content-Type").orElse("");
            JsonNode node =
                    res.body().isBlank() || !type.contains("json") ? JSON.missingNode() : JSON.readTree(res.body());
            return new Response(res.statusCode(), type, node, res.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
