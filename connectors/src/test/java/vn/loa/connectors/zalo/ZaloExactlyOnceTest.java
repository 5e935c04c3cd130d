package vn.loa.connectors.zalo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.loa.connectors.PublishRequest;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/**
 * Zalo never gets an article twice: once article/create has answered, a failed article/verify is an
 * unknown outcome whose token is kept and verified again; a video's upload status is read with the
 * {@code token} header and its final states end the checks. WireMock answers with the shapes of
 * Zalo's article API and its SDK samples (CreateNormalArticle, GetArticleId, CheckStatusVideo).
 */
class ZaloExactlyOnceTest extends ZaloWireMock {

    static Stream<Arguments> failuresAfterTheWrite() {
        return Stream.of(
                Arguments.of("rate limit -32", okJson("{\"error\":-32,\"message\":\"exceeds the rate limit\"}")),
                Arguments.of("gateway 502", aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")),
                Arguments.of("timeout", okJson(ok("{\"id\":\"late\"}")).withFixedDelay(1_500)),
                Arguments.of("expired token", okJson("{\"error\":-216,\"message\":\"Access token is invalid\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresAfterTheWrite")
    void aFailedVerifyAfterAnAcceptedCreateIsAnUnknownOutcomeWithItsTokenKept(
            String what, ResponseDefinitionBuilder answer) {
        wm.stubFor(post("/v2.0/article/create").willReturn(okJson(ok("{\"token\":\"TOK-1\"}"))));
        wm.stubFor(post("/v2.0/article/verify").willReturn(answer));
        wm.stubFor(post("/v4/oa/access_token")
                .willReturn(okJson("{\"error\":-14014,\"error_name\":\"Invalid refresh token\"}")));

        assertThatThrownBy(() -> connector().publish(article("k-1")))
                .isInstanceOfSatisfying(
                        ConnectorException.class,
                        e -> assertThat(e.kind())
                                .as("never retryable: a retry would create the article again")
                                .isEqualTo(FailureKind.UNKNOWN_OUTCOME));
        assertThat(receipts).containsExactly("k-1=zalo-article:TOK-1");
        wm.verify(1, postRequestedFor(urlEqualTo("/v2.0/article/create")));
    }

    @Test
    void settlingVerifiesTheKeptTokenAndNeverListsWhileZaloIsStillProcessing() {
        var zalo = connector();
        var request = article("k-1");
        var since = clock.instant().minusSeconds(30);
        wm.stubFor(post("/v2.0/article/verify").willReturn(okJson("{\"error\":-214,\"message\":\"processing\"}")));
        assertThatThrownBy(() -> zalo.findPublished(request, since, "zalo-article:TOK-1"))
                .as("still processing is not 'missing'")
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.UNKNOWN_OUTCOME));

        wm.stubFor(post("/v2.0/article/verify").willReturn(okJson(ok("{\"id\":\"art-7\"}"))));
        assertThat(zalo.findPublished(request, since, "zalo-article:TOK-1"))
                .hasValueSatisfying(p -> assertThat(p.externalId()).isEqualTo("art-7"));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/v2.0/article/getslice")));
        wm.verify(
                2,
                postRequestedFor(urlEqualTo("/v2.0/article/verify"))
                        .withRequestBody(equalToJson("{\"token\":\"TOK-1\"}")));
    }

    @Test
    void aTokenZaloNoLongerKnowsFallsBackToTheListing() {
        wm.stubFor(post("/v2.0/article/verify")
                .willReturn(okJson("{\"error\":-201,\"message\":\"Invalid parameter: token\"}")));
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/getslice"))
                .withQueryParam("offset", equalTo("0"))
                .willReturn(okJson(ok("{\"medias\":[{\"id\":\"art-8\",\"type\":\"normal\",\"title\":\"Tin mới\","
                        + "\"status\":\"show\",\"total_view\":0,\"total_share\":0,\"create_date\":"
                        + clock.instant().toEpochMilli() + "}],\"total\":1}"))));

        var found = connector().findPublished(article("k-1"), clock.instant().minusSeconds(30), "zalo-article:TOK-1");

        assertThat(found).hasValueSatisfying(p -> assertThat(p.externalId()).isEqualTo("art-8"));
        wm.verify(getRequestedFor(urlPathEqualTo("/v2.0/article/getslice")).withQueryParam("limit", equalTo("10")));
    }

    @Test
    void theVideoStatusIsReadWithTheTokenHeaderAndItsUploadKept() {
        wm.stubFor(post("/v2.0/article/upload_video/preparevideo").willReturn(okJson(ok("{\"token\":\"VT-1\"}"))));
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/upload_video/verify"))
                .withHeader("token", equalTo("VT-1"))
                .withQueryParam("token", absent())
                .willReturn(okJson(ok("{\"video_id\":\"VID-1\",\"status\":1,\"status_message\":\"ready\"}"))));
        wm.stubFor(post("/v2.0/article/create").willReturn(okJson(ok("{\"token\":\"TOK-2\"}"))));
        wm.stubFor(post("/v2.0/article/verify").willReturn(okJson(ok("{\"id\":\"art-9\"}"))));

        assertThat(connector().publish(video("k-2", null)).externalId()).isEqualTo("art-9");

        wm.verify(getRequestedFor(urlPathEqualTo("/v2.0/article/upload_video/verify"))
                .withHeader("access_token", equalTo("ACCESS-1")));
        assertThat(receipts).containsExactly("k-2=zalo-video:VT-1", "k-2=zalo-article:TOK-2");
    }

    @ParameterizedTest(name = "status {0} ends the checks")
    @MethodSource("finalStates")
    void aLockedFailedOrDeletedVideoIsFinalNotRetriedAndNoArticleIsMade(int status, String code) {
        wm.stubFor(post("/v2.0/article/upload_video/preparevideo").willReturn(okJson(ok("{\"token\":\"VT-1\"}"))));
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/upload_video/verify"))
                .willReturn(okJson(ok("{\"status\":" + status + ",\"status_message\":\"x\"}"))));

        assertThatThrownBy(() -> connector().publish(video("k-3", null)))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.REJECTED);
                    assertThat(e.platformCode()).isEqualTo(code);
                });
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v2.0/article/upload_video/verify")));
        wm.verify(0, postRequestedFor(urlEqualTo("/v2.0/article/create")));
    }

    static Stream<Arguments> finalStates() {
        return Stream.of(
                Arguments.of(2, "video-locked"), Arguments.of(4, "video-failed"), Arguments.of(5, "video-deleted"));
    }

    @Test
    void aVideoStillProcessingIsRetriedFromTheSameUploadNotUploadedAgain() {
        wm.stubFor(post("/v2.0/article/upload_video/preparevideo").willReturn(okJson(ok("{\"token\":\"VT-1\"}"))));
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/upload_video/verify"))
                .willReturn(okJson(ok("{\"status\":3,\"status_message\":\"processing\"}"))));
        assertThatThrownBy(() -> connector().publish(video("k-4", null)))
                .isInstanceOfSatisfying(
                        ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TRANSIENT));
        assertThat(receipts).containsExactly("k-4=zalo-video:VT-1");

        // The next attempt resumes from the kept token.
        wm.stubFor(get(urlPathEqualTo("/v2.0/article/upload_video/verify"))
                .willReturn(okJson(ok("{\"video_id\":\"VID-1\",\"status\":1}"))));
        wm.stubFor(post("/v2.0/article/create").willReturn(okJson(ok("{\"token\":\"TOK-3\"}"))));
        wm.stubFor(post("/v2.0/article/verify").willReturn(okJson(ok("{\"id\":\"art-10\"}"))));
        assertThat(connector().publish(video("k-5", "zalo-video:VT-1")).externalId())
                .isEqualTo("art-10");

        wm.verify(1, postRequestedFor(urlEqualTo("/v2.0/article/upload_video/preparevideo")));
        wm.verify(1, postRequestedFor(urlEqualTo("/v2.0/article/create")));
    }

    private PublishRequest article(String key) {
        return article("Tin mới", "Nội dung", key);
    }
}
