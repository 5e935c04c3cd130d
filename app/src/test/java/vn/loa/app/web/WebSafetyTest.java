package vn.loa.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.PostgresApiTest;

/** The pages' safety rules: CSRF tokens on every form, content escaped, the session cookie locked down. */
class WebSafetyTest extends PostgresApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern POST_FORM =
            Pattern.compile("<form[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** A browser-like client: keeps cookies, does not follow redirects (so they can be checked). */
    private final class Session {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String setCookie;

        Session signIn(String user) throws IOException, InterruptedException {
            var page = get("/login");
            var token = CSRF.matcher(page.body());
            assertThat(token.find()).isTrue();
            var res = post(
                    "/login",
                    "username=" + user + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
            assertThat(res.statusCode()).isEqualTo(302);
            setCookie = String.join("; ", res.headers().allValues("Set-Cookie"));
            return this;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        var session = new Session().signIn("planner");
        assertThat(session.setCookie)
                .contains("JSESSIONID")
                .contains("HttpOnly")
                .contains("SameSite=Lax");
    }

    @Test
    void aTitleWithAScriptTagShowsAsText() throws Exception {
        var channel = channel("FACEBOOK", "UBND Thành phố Hà Nội");
        var campaign = campaign("society", List.of(channel));
        var id = content("planner", campaign, "<script>alert('loa')</script> Tin tốt");
        var session = new Session().signIn("planner");
        for (var path : List.of("/content/" + id, "/campaigns/" + campaign, "/content/" + id + "/edit")) {
            var page = session.get(path).body();
            assertThat(page).as(path).doesNotContain("<script>alert('loa')</script>");
            assertThat(page).as(path).contains("&lt;script&gt;alert(&#39;loa&#39;)&lt;/script&gt;");
        }
    }

    @Test
    void everyFormCarriesACsrfTokenAndAFormWithoutOneIsRefused() throws Exception {
        var channel = channel("FACEBOOK", "UBND Thành phố Hà Nội");
        var campaign = campaign("society", List.of(channel));
        var id = content("planner", campaign, "Tin có biểu mẫu");
        var admin = new Session().signIn("admin");
        for (var path : List.of(
                "/",
                "/compose",
                "/content/" + id,
                "/review",
                "/channels",
                "/import",
                "/admin",
                "/partners",
                "/calendar",
                "/dashboard",
                "/campaigns/" + campaign)) {
            var page = admin.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            var forms = POST_FORM.matcher(page.body());
            while (forms.find()) {
                assertThat(forms.group(1)).as("a form on " + path).contains("name=\"_csrf\"");
            }
        }
        var planner = new Session().signIn("planner");
        var refused = planner.post("/compose", "campaignId=" + campaign + "&title=Không+có+token");
        assertThat(refused.statusCode()).isEqualTo(403);
        var token = CSRF.matcher(planner.get("/compose").body());
        assertThat(token.find()).isTrue();
        var accepted = planner.post(
                "/compose",
                "campaignId=" + campaign + "&title=C%C3%B3+token&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("Location").orElse("")).contains("/content/");
    }

    @Test
    void uploadsAreCheckedByTheirBytesNotTheirName() throws Exception {
        var planner = new Session().signIn("planner");
        var token = CSRF.matcher(planner.get("/compose").body());
        assertThat(token.find()).isTrue();
        var png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        var stored = upload(planner, token.group(1), "ảnh đẹp.jpg", png);
        assertThat(stored.statusCode()).isEqualTo(201);
        var url = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(stored.body());
        assertThat(url.find()).isTrue();
        assertThat(url.group(1)).endsWith("/anh-dep.png");
        var served = new Session().get(URI.create(url.group(1)).getPath());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");

        var html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        var refused = upload(planner, token.group(1), "photo.jpg", html);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("kiểm tra theo nội dung tệp");
    }

    private HttpResponse<String> upload(Session s, String csrf, String name, byte[] data)
            throws IOException, InterruptedException {
        var boundary = "loa-" + unique();
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var body = new byte[head.length + data.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(data, 0, body, head.length, data.length);
        System.arraycopy(tail, 0, body, head.length + data.length, tail.length);
        return s.http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/media"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("X-CSRF-TOKEN", csrf)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
