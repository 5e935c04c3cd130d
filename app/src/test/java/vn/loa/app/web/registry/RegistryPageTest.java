package vn.loa.app.web.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.app.support.WebSession.encode;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.loa.app.partner.PartnerApiTest;
import vn.loa.app.support.WebSession;

/** The coordinators' registry page, driven as a browser posts its forms, checked against the API. */
class RegistryPageTest extends PartnerApiTest {

    private WebSession signedIn(String user) throws Exception {
        return new WebSession(port).signIn(user, PASSWORD);
    }

    /** Posts a form of /partners with the page's CSRF token; answers where it redirects to. */
    private static String post(WebSession web, String path, String form) throws Exception {
        var res = web.post(path, form + "&_csrf=" + web.token("/partners"));
        assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(302);
        return res.headers().firstValue("Location").orElseThrow();
    }

    /** The HTML of the form with this id, so that an error is checked beside its own field. */
    private static String form(String page, String id) {
        var m = Pattern.compile("<form[^>]*id=\"" + id + "\"[^>]*>(.*?)</form>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("a form " + id).isTrue();
        return m.group(1);
    }

    private String status(long page) {
        return as("planner").get("/api/partners/pages/" + page).field("status");
    }

    @Test
    void listsTheOrganisationsAsATreeWithTheirPagesAndTheSelection() throws Exception {
        var city = organisation("Thành đoàn " + unique(), "CITY", null);
        var districtName = "Quận đoàn Hoàn Kiếm " + unique();
        var district = organisation(districtName, "DISTRICT", city);
        var big = selectedPage(district, "FACEBOOK", 80_000);
        var small = page(district, "YOUTUBE", 12_000);
        as("planner")
                .post(
                        "/api/partners/pages/" + small + "/evaluations",
                        Map.of("scores", Map.of("ENGAGEMENT", 4, "CONTENT_FIT", 5)));

        var res = signedIn("planner").get("/partners");
        assertThat(res.statusCode()).isEqualTo(200);
        var page = res.body();
        var selected = as("planner").get("/api/partners/selection").body();
        assertThat(page)
                .contains("id=\"selected-count\">" + selected.path("selected").asInt() + "<")
                .contains("mục tiêu 10–20 trang")
                .contains("id=\"threshold\">50.000<")
                .contains("class=\"org card depth-2\" id=\"organisation-" + district + "\"")
                .contains(districtName)
                .contains("Cấp quận, huyện")
                .contains("id=\"page-" + big + "\"")
                .contains("80.000")
                .contains("12.000")
                .contains("4,5")
                .contains("href=\""
                        + as("planner").get("/api/partners/pages/" + big).field("url") + "\"")
                .contains("href=\"/partners\"")
                .doesNotContain("??");
        // The city comes before its district: the tree is in path order.
        assertThat(page.indexOf("organisation-" + city)).isLessThan(page.indexOf("organisation-" + district));

        var filtered = signedIn("planner")
                .get("/partners?platform=YOUTUBE&status=CANDIDATE")
                .body();
        assertThat(filtered).contains("id=\"page-" + small + "\"").doesNotContain("id=\"page-" + big + "\"");
    }

    @Test
    void selectingBelowTheThresholdNeedsTheReasonTypedBesideIt() throws Exception {
        var org = organisation("Đoàn phường Hàng Bạc " + unique(), "WARD", null);
        var small = page(org, "FACEBOOK", 12_000);
        var history = as("planner")
                .get("/api/partners/pages/" + small + "/history")
                .body()
                .size();
        var web = signedIn("planner");

        assertThat(web.get("/partners").body()).contains("dưới ngưỡng 50.000");
        var back = post(web, "/partners/pages/" + small + "/status", "status=SELECTED&reason=+");
        assertThat(back).endsWith("/partners#page-" + small);
        var refused = form(web.get("/partners").body(), "status-" + small + "-SELECTED");
        assertThat(refused)
                .contains("class=\"field-errors\" id=\"err-reason\"")
                .contains("trang có 12000 người theo dõi, dưới ngưỡng 50000 của tiêu chí chọn: hãy nêu lý do vẫn chọn")
                .contains("aria-invalid=\"true\"");
        assertThat(status(small)).isEqualTo("CANDIDATE");
        assertThat(as("planner")
                        .get("/api/partners/pages/" + small + "/history")
                        .body()
                        .size())
                .isEqualTo(history);

        post(
                web,
                "/partners/pages/" + small + "/status",
                "status=SELECTED&reason=" + encode("trang duy nhất của phường"));
        assertThat(status(small)).isEqualTo("SELECTED");
        var after = web.get("/partners").body();
        assertThat(after).contains("Đã chuyển").contains("trang duy nhất của phường");
        assertThat(form(after, "status-" + small + "-SUSPENDED")).doesNotContain("field-errors");
        var last =
                as("planner").get("/api/partners/pages/" + small + "/history").body();
        assertThat(last.get(last.size() - 1).path("reason").asString())
                .contains("selected below the threshold (12000 < 50000)");

        // Suspending needs a reason too; then the page is suspended through the same use case.
        post(web, "/partners/pages/" + small + "/status", "status=SUSPENDED");
        assertThat(form(web.get("/partners").body(), "status-" + small + "-SUSPENDED"))
                .contains("hãy nêu lý do tạm dừng trang");
        assertThat(status(small)).isEqualTo("SELECTED");
        post(web, "/partners/pages/" + small + "/status", "status=SUSPENDED&reason=" + encode("đăng tin sai"));
        assertThat(status(small)).isEqualTo("SUSPENDED");
    }

    @Test
    void anEvaluationIsAddedAndABadScoreIsShownBesideItsField() throws Exception {
        var org = organisation("Đoàn trường " + unique(), "UNIT", null);
        var page = page(org, "ZALO", 70_000);
        var web = signedIn("planner");

        post(web, "/partners/pages/" + page + "/evaluations", "scores.ENGAGEMENT=9&scores.CONTENT_FIT=abc&notes=x");
        var refused = form(web.get("/partners").body(), "evaluate-" + page);
        assertThat(refused)
                .contains("id=\"err-scores.ENGAGEMENT\"")
                .contains("id=\"err-scores.CONTENT_FIT\"")
                .contains("phải là số nguyên từ 1 đến 5")
                .contains("value=\"9\"");
        post(web, "/partners/pages/" + page + "/evaluations", "notes=" + encode("chưa chấm"));
        assertThat(form(web.get("/partners").body(), "evaluate-" + page)).contains("hãy chấm ít nhất một tiêu chí");
        assertThat(as("planner")
                        .get("/api/partners/pages/" + page + "/evaluations")
                        .body()
                        .size())
                .isZero();

        post(
                web,
                "/partners/pages/" + page + "/evaluations",
                "scores.ENGAGEMENT=4&scores.CONTENT_FIT=5&scores.RELIABILITY=&notes=" + encode("Tương tác tốt"));
        var evaluations = as("planner")
                .get("/api/partners/pages/" + page + "/evaluations")
                .body();
        assertThat(evaluations.size()).isEqualTo(1);
        assertThat(evaluations.get(0).path("average").asDouble()).isEqualTo(4.5);
        assertThat(evaluations.get(0).path("reviewer").asString()).isEqualTo("planner");
        assertThat(evaluations.get(0).path("notes").asString()).isEqualTo("Tương tác tốt");
        assertThat(web.get("/partners").body()).contains("Đã lưu đánh giá");
    }

    @Test
    void aPageIsAddedToAnOrganisationAndBadFieldsAreNamed() throws Exception {
        var org = organisation("Quận đoàn Ba Đình " + unique(), "DISTRICT", null);
        var count = as("planner").get("/api/partners/pages").body().size();
        var web = signedIn("planner");

        post(
                web,
                "/partners/organisations/" + org + "/pages",
                "platform=YOUTUBE&displayName=&externalId=&url=" + encode("https://www.facebook.com/x")
                        + "&followerCount=-5");
        var refused = form(web.get("/partners").body(), "register-" + org);
        assertThat(refused)
                .contains("id=\"err-displayName\"")
                .contains("id=\"err-externalId\"")
                .contains("không phải địa chỉ YOUTUBE")
                .contains("phải từ 0 trở lên")
                .contains("value=\"https://www.facebook.com/x\"");
        post(web, "/partners/organisations/" + org + "/pages", "platform=FACEBOOK&followerCount=nhiều");
        assertThat(form(web.get("/partners").body(), "register-" + org)).contains("phải là số nguyên");
        assertThat(as("planner").get("/api/partners/pages").body().size()).isEqualTo(count);

        var id = "p" + unique();
        var back = post(
                web,
                "/partners/organisations/" + org + "/pages",
                "platform=FACEBOOK&displayName=" + encode("Tuổi trẻ Ba Đình") + "&externalId=" + id + "&url="
                        + encode("https://www.facebook.com/" + id) + "&followerCount=" + encode("65.000"));
        var pages =
                as("planner").get("/api/partners/pages?organisationId=" + org).body();
        assertThat(pages.size()).isEqualTo(1);
        assertThat(pages.get(0).path("followerCount").asLong()).isEqualTo(65_000);
        assertThat(pages.get(0).path("status").asString()).isEqualTo("CANDIDATE");
        assertThat(back).endsWith("#page-" + pages.get(0).path("id").asLong());
    }

    @Test
    void theEnglishPageHasEveryText() throws Exception {
        var org = organisation("Đoàn trường " + unique(), "UNIT", null);
        page(org, "YOUTUBE", 3_000);
        var web = signedIn("planner2");
        post(web, "/settings/language", "lang=en");
        try {
            var page = web.get("/partners").body();
            assertThat(page)
                    .contains("Partner page network")
                    .contains("Reason for selecting (required): the page has 3,000 followers")
                    .doesNotContain("??");
        } finally {
            post(web, "/settings/language", "lang=vi");
        }
    }

    @Test
    void partnerAdminsNeitherSeeNorUseThePage() throws Exception {
        var org = organisation("Huyện đoàn " + unique(), "DISTRICT", partnerOrg());
        var small = page(org, "FACEBOOK", 12_000);
        var web = signedIn("partner");

        assertThat(web.get("/partners").statusCode()).isEqualTo(403);
        assertThat(web.get("/partner").body()).doesNotContain("href=\"/partners\"");
        var token = web.token("/partner");
        assertThat(web.post("/partners/pages/" + small + "/status", "status=SELECTED&reason=x&_csrf=" + token)
                        .statusCode())
                .isEqualTo(403);
        assertThat(web.post("/partners/pages/" + small + "/evaluations", "scores.ENGAGEMENT=5&_csrf=" + token)
                        .statusCode())
                .isEqualTo(403);
        assertThat(status(small)).isEqualTo("CANDIDATE");
        assertThat(as("planner")
                        .get("/api/partners/pages/" + small + "/evaluations")
                        .body()
                        .size())
                .isZero();
        // Leadership reads reports but does not manage partners, as in the API.
        assertThat(signedIn("leader").get("/partners").statusCode()).isEqualTo(403);
    }
}
