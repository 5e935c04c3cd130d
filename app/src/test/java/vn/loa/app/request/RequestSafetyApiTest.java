package vn.loa.app.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.PostgresApiTest;

/**
 * Request safety as an outsider and as each role sees it: safety headers on every answer, https
 * and HSTS behind a TLS proxy, bodies limited and never read for callers who may not send them,
 * no cross-site writes with browser-held Basic credentials, problem+json for unknown paths and
 * methods, monitoring with Basic credentials.
 */
class RequestSafetyApiTest extends PostgresApiTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return HTTP.send(builder.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return HTTP.send(
                builder.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return RawHttp.basic(user, PASSWORD);
    }

    @Test
    void everyAnswerCarriesTheSafetyHeaders() throws Exception {
        for (var res : List.of(
                get("/login"),
                get("/calendar"),
                get("/css/loa.css"),
                get("/api/themes", "Authorization", basic("planner")),
                get("/api/themes"),
                get("/api/no-such-thing", "Authorization", basic("planner")),
                get("/media/0123456789abcdef0123456789abcdef/x.png"),
                get("/l/no-such-code"),
                get("/actuator/health"))) {
            var path = res.request().uri().getPath();
            var headers = res.headers();
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).isPresent();
            assertThat(headers.firstValue("Strict-Transport-Security"))
                    .as("no HSTS over plain http: " + path)
                    .isEmpty();
        }
    }

    @Test
    void behindATlsProxyRedirectsStayOnHttpsAndHstsIsSent() throws Exception {
        var res = get("/calendar", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7");
        assertThat(res.statusCode()).isEqualTo(302);
        assertThat(res.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("https://").endsWith("/login"));
        assertThat(res.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(h -> assertThat(h).contains("max-age=31536000"));
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedUnread() throws Exception {
        var head = "POST /api/content HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("planner")
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: 50000000\r\n\r\n";
        var answer = RawHttp.send(port, head, "{\"title\":\"".getBytes(StandardCharsets.UTF_8), PROMPTLY);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer.body()).contains("body-too-large");
    }

    @Test
    void aChunkedBodyPastTheLimitIsCutOffWith413AndNothingIsStored() throws Exception {
        var campaign = campaign("society", List.of(channel("FACEBOOK", PARTNER_ORG)));
        var title = "Quá lớn " + unique();
        var filler = new char[1_100_000];
        Arrays.fill(filler, 'a');
        var json =
                "{\"campaignId\":" + campaign + ",\"title\":\"" + title + "\",\"body\":\"" + new String(filler) + "\"}";
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        var chunked = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i += 65_536) {
            int n = Math.min(65_536, bytes.length - i);
            chunked.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(bytes, i, n);
            chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        var head = "POST /api/content HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("planner")
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        var answer = RawHttp.send(port, head, chunked.toByteArray(), PROMPTLY);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("body-too-large");
        var stored = as("planner").get("/api/content?campaignId=" + campaign);
        assertThat(stored.body().path("items")).isEmpty();
    }

    @Test
    void anUnauthorisedCallerIsAnsweredBeforeItsBodyIsRead() throws Exception {
        // 500 kB declared, none sent: the answer can only come if the body is not waited for.
        var head = "POST /api/content HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\nContent-Length: 500000\r\n\r\n";
        var anonymous = RawHttp.send(port, head, new byte[0], PROMPTLY);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.head()).containsIgnoringCase("Content-Type: application/problem+json");

        var wrongPassword = RawHttp.send(
                port,
                head.replace(
                        "Host: localhost\r\n",
                        "Host: localhost\r\nAuthorization: " + RawHttp.basic("planner", "not-it") + "\r\n"),
                new byte[0],
                PROMPTLY);
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    @Test
    void aBodylessCrossSitePostWithBasicCredentialsChangesNothing() throws Exception {
        var campaign = campaign("society", List.of(channel("FACEBOOK", PARTNER_ORG)));
        var id = content("planner", campaign, "Chờ gửi duyệt " + unique());
        // What a form on another site makes a browser send: no JSON type, no custom header.
        for (var type : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x")) {
            var res =
                    post("/api/content/" + id + "/submit", "", "Authorization", basic("planner"), "Content-Type", type);
            assertThat(res.statusCode()).as(type).isEqualTo(415);
            assertThat(res.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(res.body()).contains("json-required");
        }
        var noType = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/content/" + id + "/submit"))
                        .header("Authorization", basic("planner"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noType.statusCode()).isEqualTo(415);
        assertThat(as("planner").get("/api/content/" + id).field("status")).isEqualTo("DRAFT");

        var script = post(
                "/api/content/" + id + "/submit", "", "Authorization", basic("planner"), "X-Requested-With", "loa-cli");
        assertThat(script.statusCode()).as(script.body()).isEqualTo(200);
        assertThat(as("planner").get("/api/content/" + id).field("status")).isEqualTo("IN_REVIEW");
    }

    @Test
    void unknownPathsWrongMethodsAndTheErrorPathAnswerProblemJson() throws Exception {
        var unknown = as("planner").get("/api/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        assertThat(unknown.field("code")).isEqualTo("not-found");

        var wrongMethod = as("planner").get("/api/content/1/submit");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).isEqualTo("application/problem+json");
        assertThat(wrongMethod.field("code")).isEqualTo("method-not-allowed");

        var error = get("/error", "Accept", "application/json");
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.body()).doesNotContain("999");
        var errorPage = get("/error", "Accept", "text/html");
        assertThat(errorPage.statusCode()).isEqualTo(404);
        assertThat(errorPage.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(errorPage.body()).contains("Không có trang nào ở địa chỉ này");
    }

    @Test
    void monitoringReadsMetricsWithAnAdministratorsBasicCredentials() throws Exception {
        var admin = get("/actuator/metrics", "Authorization", basic("admin"), "Accept", "application/json");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"names\"");
        var planner = get("/actuator/metrics", "Authorization", basic("planner"));
        assertThat(planner.statusCode()).isEqualTo(403);
        var anonymous = get("/actuator/metrics");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var wrongPassword = get("/actuator/metrics", "Authorization", RawHttp.basic("admin", "not-it"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void aJsonBodyWithinTheLimitStillWorks() {
        var campaign = campaign("society", List.of(channel("FACEBOOK", PARTNER_ORG)));
        var res = as("planner").post("/api/content", Map.of("campaignId", campaign, "title", "Bình thường"));
        assertCreated(res);
    }
}
