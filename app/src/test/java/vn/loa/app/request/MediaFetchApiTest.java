package vn.loa.app.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import vn.loa.app.partner.PartnerApiTest;

/**
 * Media addresses Loa fetches itself (a partner's pack download, YouTube and Zalo uploads) reach
 * public http(s) addresses only: a content item cannot make Loa read its own machine or network.
 * The tests allow "localhost" (as the demo does for its sandbox), so 127.0.0.1 stays refused.
 */
class MediaFetchApiTest extends PartnerApiTest {

    @Test
    void aPackDownloadFetchesNoMediaFromLoopbackLinkLocalOrPrivateAddresses() throws Exception {
        var page = selectedPage(organisation("Đoàn phường " + unique(), "WARD", partnerOrg()), "FACEBOOK", 60_000);
        var campaign = campaign("society", List.of(channel("FACEBOOK", "UBND Hà Nội")));
        var allowed = "http://localhost:" + port + "/css/loa.css";
        var loopback = "http://127.0.0.1:" + port + "/css/loa.css";
        var metadata = "http://169.254.169.254/latest/meta-data/iam/";
        var privateNet = "http://10.20.30.40/anh.jpg";
        var body = new LinkedHashMap<String, Object>();
        body.put("campaignId", campaign);
        body.put("title", "Tin có ảnh " + unique());
        body.put("body", "Nội dung");
        body.put("link", "https://hanoi.gov.vn/tin/" + unique());
        body.put("media", List.of("file:///etc/passwd"));
        var notWeb = as("planner").post("/api/content", body);
        assertThat(notWeb.status()).isEqualTo(400);
        assertThat(notWeb.error("media[0]")).contains("http://");

        body.put("media", List.of(allowed, loopback, metadata, privateNet));
        var item = as("planner").post("/api/content", body);
        assertCreated(item);
        as("planner").post("/api/content/" + item.id() + "/submit", null);
        assertThat(as("approver")
                        .post("/api/content/" + item.id() + "/approve", null)
                        .field("status"))
                .isEqualTo("APPROVED");
        var packs = as("planner").post("/api/content/" + item.id() + "/packs", Map.of("pageIds", List.of(page)));
        assertCreated(packs);
        var pack = packs.body().path("packs").get(0).path("id").asLong();

        var zip = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/api/packs/" + pack + "/download"))
                                .header("Authorization", RawHttp.basic("partner", PASSWORD))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        var entries = new HashMap<String, String>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsKey("media/01-loa.css").doesNotContainKey("media/02-loa.css");
        var manifest = entries.get("manifest.json");
        assertThat(manifest)
                .contains("media address " + loopback + " is on a private or local network (127.0.0.1)")
                .contains("media address " + metadata + " is on a private or local network (169.254.169.254)")
                .contains("media address " + privateNet + " is on a private or local network (10.20.30.40)");
    }
}
