package vn.loa.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** A browser-like client of the pages: keeps cookies, sends the CSRF token, does not follow redirects. */
public final class WebSession {

    public static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public WebSession(int port) {
        this.port = port;
    }

    public WebSession signIn(String user, String password) throws IOException, InterruptedException {
        var res = post("/login", "username=" + user + "&password=" + encode(password) + "&_csrf=" + token("/login"));
        assertThat(res.statusCode()).isEqualTo(302);
        return this;
    }

    /** The CSRF token of the page at {@code path}, URL-encoded. */
    public String token(String path) throws IOException, InterruptedException {
        var token = CSRF.matcher(get(path).body());
        assertThat(token.find()).as("a CSRF token on " + path).isTrue();
        return encode(token.group(1));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
