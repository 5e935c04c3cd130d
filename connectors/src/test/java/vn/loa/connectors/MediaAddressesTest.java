package vn.loa.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No server-side request forgery through media: Loa fetches public http(s) addresses only, every hop checked. */
class MediaAddressesTest {

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void localPrivateAndNonHttpAddressesAreRefusedWithoutAnAllowList() {
        var guard = MediaAddresses.publicOnly();
        for (var url : List.of(
                "file:///etc/passwd",
                "ftp://example.org/a.jpg",
                "gopher://127.0.0.1:6379/_INFO",
                "http://127.0.0.1/a.jpg",
                "http://localhost/a.jpg",
                "http://[::1]/a.jpg",
                "http://0.0.0.0/a.jpg",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.1.2.3/a.jpg",
                "http://172.16.0.5/a.jpg",
                "http://192.168.1.10/a.jpg",
                "http://100.64.0.1/a.jpg",
                "http://[fd12:3456::1]/a.jpg",
                "http://[fe80::1]/a.jpg",
                "http://[::ffff:10.0.0.1]/a.jpg",
                "http:///a.jpg")) {
            assertThatThrownBy(() -> guard.check(url)).as(url).isInstanceOf(MediaAddresses.Refused.class);
        }
    }

    @Test
    void publicAddressesPassAndAllowedHostsPassWhateverTheyResolveTo() throws Exception {
        var guard = MediaAddresses.publicOnly();
        assertThat(guard.check("https://93.184.215.14/a.jpg").getHost()).isEqualTo("93.184.215.14");
        assertThat(guard.check("http://[2606:4700::6810:84e5]/a.jpg")).isNotNull();
        assertThat(MediaAddresses.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        var demo = MediaAddresses.allowing(List.of("localhost"));
        assertThat(demo.check("http://localhost:8080/media/x.jpg").getPort()).isEqualTo(8080);
        assertThatThrownBy(() -> demo.check("http://127.0.0.1:8080/media/x.jpg"))
                .isInstanceOf(MediaAddresses.Refused.class)
                .hasMessageContaining("private or local network");
    }

    @Test
    void aRedirectIntoTheLocalNetworkIsRefusedAtTheHop() throws Exception {
        server.stubFor(get(urlEqualTo("/ok.jpg"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "image/jpeg")
                        .withBody("jpeg")));
        server.stubFor(get(urlEqualTo("/hop.jpg"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/ok.jpg")));
        server.stubFor(get(urlEqualTo("/inside.jpg"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://127.0.0.1:" + server.port() + "/ok.jpg")));
        var fetcher = MediaFetcher.http(Duration.ofSeconds(5), MediaAddresses.allowing(List.of("localhost")));
        var base = "http://localhost:" + server.port();

        try (var in = fetcher.fetch(Media.of(base + "/hop.jpg")).stream()) {
            assertThat(new String(in.readAllBytes())).isEqualTo("jpeg");
        }
        assertThatThrownBy(() -> fetcher.fetch(Media.of(base + "/inside.jpg")))
                .isInstanceOf(MediaAddresses.Refused.class)
                .hasMessageContaining("127.0.0.1");
        assertThat(server.findAll(getRequestedFor(urlEqualTo("/ok.jpg")))).hasSize(1);
    }
}
