package vn.loa.connectors.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One request to the sandbox, with its query and form parameters read, and ways to answer it. */
final class SandboxExchange {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpExchange exchange;
    private final byte[] body;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final String path;
    private boolean answered;

    SandboxExchange(HttpExchange exchange) throws IOException {
        this.exchange = exchange;
        var raw = exchange.getRequestBody().readAllBytes();
        // Google's client gzips request bodies.
        this.body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes()
                : raw;
        this.path = exchange.getRequestURI().getPath();
        parse(exchange.getRequestURI().getRawQuery(), params);
        var type = header("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            parse(new String(body, StandardCharsets.UTF_8), params);
        }
    }

    /** A request made inside a Graph batch: its own path and parameters, answered into the batch. */
    SandboxExchange(String method, String relativeUrl, Map<String, String> bodyParams) {
        this.exchange = null;
        this.body = new byte[0];
        var q = relativeUrl.indexOf('?');
        this.path = q < 0 ? relativeUrl : relativeUrl.substring(0, q);
        if (q >= 0) {
            parse(relativeUrl.substring(q + 1), params);
        }
        params.putAll(bodyParams);
        this.batchMethod = method;
    }

    private String batchMethod;
    private int batchStatus;
    private String batchBody;

    String method() {
        return exchange == null ? batchMethod : exchange.getRequestMethod();
    }

    String path() {
        return path;
    }

    String param(String name) {
        return params.get(name);
    }

    Map<String, String> params() {
        return params;
    }

    String header(String name) {
        return exchange == null ? null : exchange.getRequestHeaders().getFirst(name);
    }

    byte[] body() {
        return body;
    }

    JsonNode json() {
        return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    }

    /** The bearer token, or an access_token parameter, or the Zalo access_token header. */
    String token() {
        var auth = header("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return auth.substring(7);
        }
        var zalo = header("access_token");
        return zalo != null ? zalo : param("access_token");
    }

    String baseUrl() {
        // Inside a Graph batch there is no request of its own: links then name the sandbox generically.
        return exchange == null
                ? "http://sandbox"
                : "http://" + exchange.getRequestHeaders().getFirst("Host");
    }

    void setHeader(String name, String value) {
        if (exchange != null) {
            exchange.getResponseHeaders().set(name, value);
        }
    }

    void json(int status, Object value) throws IOException {
        send(status, "application/json; charset=UTF-8", JSON.writeValueAsBytes(value));
    }

    void send(int status, String contentType, byte[] bytes) throws IOException {
        answered = true;
        if (exchange == null) {
            batchStatus = status;
            batchBody = new String(bytes, StandardCharsets.UTF_8);
            return;
        }
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    boolean answered() {
        return answered;
    }

    int batchStatus() {
        return batchStatus;
    }

    String batchBody() {
        return batchBody;
    }

    /** An opaque paging token (cursor) standing for a position in a list. */
    static String token(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a {@link #token} stands for; 0 for one the sandbox did not make. */
    static int offset(String token) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return text.startsWith("offset:") ? Integer.parseInt(text.substring(7)) : 0;
        } catch (IllegalArgumentException e) {
            return 0; // a token from elsewhere reads from the start, as a fresh read would
        }
    }

    static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }

    private static void parse(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (var pair : raw.split("&")) {
            var eq = pair.indexOf('=');
            var name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            var value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            // Google's client repeats list parameters (id=a&id=b); others join them with commas.
            into.merge(name, value, (a, b) -> a + "," + b);
        }
    }
}
