package vn.loa.app.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.app.support.PostgresApiTest;

/** The template library: per theme and programme, previews with each platform's limits, programmes and their slots. */
class TemplateApiTest extends PostgresApiTest {

    private static final String LONG_TITLE = "Tin tốt ".repeat(40);

    @Test
    void templatesAreAddedPerThemeAndProgrammeAndPreviewedAgainstEachPlatformsLimits() {
        var builtIn =
                as("planner").get("/api/templates?programme=GOOD_NEWS_DAILY").body();
        assertThat(builtIn.findValuesAsString("code")).contains("good-news-daily");
        assertThat(as("planner")
                        .get("/api/templates/good-story-weekly")
                        .body()
                        .path("programmeTitle")
                        .asString())
                .isEqualTo("Mỗi tuần một câu chuyện đẹp");
        var before = as("planner").get("/api/templates").body().size();

        // Refused field by field, and nothing stored.
        var bad = new LinkedHashMap<String, Object>();
        bad.put("code", "Tin Tốt!");
        bad.put("name", "Tin tốt quận");
        bad.put("themeCode", "nope");
        bad.put("bodies", Map.of("FACEBOOK", Map.of("body", "Tin tốt {{distrct}} ngày {{date}}")));
        var refused = as("planner").post("/api/templates", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error("code")).contains("lower-case");
        assertThat(refused.error("themeCode")).contains("nope", "society");
        assertThat(refused.error("bodies[FACEBOOK].body")).contains("{{distrct}}", "{{district}}");
        assertThat(as("planner").get("/api/templates").body().size()).isEqualTo(before);
        assertThat(as("leader").post("/api/templates", bad).status()).isEqualTo(403);

        var code = "tin-tot-quan-" + unique();
        var good = new LinkedHashMap<String, Object>();
        good.put("code", code);
        good.put("name", "Tin tốt của quận");
        good.put("themeCode", "society");
        good.put("programme", "GOOD_NEWS_DAILY");
        good.put(
                "bodies",
                Map.of(
                        "FACEBOOK",
                        Map.of("body", "🌟 Tin tốt {{district}} ngày {{date}}\n\n{{title}}\n\n👉 {{link}}"),
                        "ZALO",
                        Map.of("title", "{{title}}", "body", "{{body}}\n\n{{link}}", "description", "{{district}}")));
        var created = as("planner").post("/api/templates", good);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("variables").valueStream().map(v -> v.asString()))
                .contains("district", "date", "link", "title", "body");
        assertThat(as("planner").post("/api/templates", good).status()).isEqualTo(409);
        assertThat(as("planner")
                        .get("/api/templates?themeCode=society&programme=GOOD_NEWS_DAILY")
                        .body()
                        .findValuesAsString("code"))
                .contains(code);

        var preview = as("planner")
                .post(
                        "/api/templates/" + code + "/preview",
                        Map.of(
                                "values",
                                Map.of(
                                        "district", "Quận Hoàn Kiếm",
                                        "title", LONG_TITLE,
                                        "body", "Hồ Gươm có thêm 200 ghế đá mới.",
                                        "link", "https://loa.hanoi.gov.vn/l/Ab3dEf7h")))
                .body();
        var facebook = preview.path("platforms").get(0);
        assertThat(facebook.path("platform").asString()).isEqualTo("FACEBOOK");
        assertThat(facebook.path("text").path("body").asString())
                .startsWith("🌟 Tin tốt Quận Hoàn Kiếm ngày 23/11/2026")
                .contains("https://loa.hanoi.gov.vn/l/Ab3dEf7h");
        assertThat(facebook.path("withinLimits").asBoolean()).isTrue();
        var zalo = preview.path("platforms").get(1);
        assertThat(zalo.path("withinLimits").asBoolean()).isFalse();
        assertThat(zalo.path("violations").get(0).path("field").asString()).isEqualTo("bodies[ZALO].title");
        var typo = as("planner")
                .post("/api/templates/" + code + "/preview", Map.of("values", Map.of("distrct", "Ba Đình")));
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.error("values.distrct")).contains("not a variable");
        var missing =
                as("planner").post("/api/templates/" + code + "/preview", Map.of("platforms", List.of("YOUTUBE")));
        assertThat(missing.error("platforms")).contains("no text for [YOUTUBE]");
        assertThat(as("planner").post("/api/templates/nope/preview", Map.of()).status())
                .isEqualTo(404);

        // The built-in ones are kept as they are; an added one can be changed.
        assertThat(as("planner").put("/api/templates/good-news-daily", good).error("code"))
                .contains("built in");
        good.put("name", "Tin tốt mỗi ngày của quận");
        assertThat(as("planner").put("/api/templates/" + code, good).field("name"))
                .isEqualTo("Tin tốt mỗi ngày của quận");
    }

    @Test
    void aProgrammeTiedToACadenceShowsItsComingSlotsAndWhichAreEmpty() {
        var page = channel("FACEBOOK", "UBND");
        var campaign = campaign("society", List.of(page));
        var cadence = as("planner")
                .post(
                        "/api/cadences",
                        Map.of(
                                "channelId",
                                page,
                                "campaignId",
                                campaign,
                                "name",
                                "Tin tốt 7 giờ " + unique(),
                                "days",
                                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                                "time",
                                "07:00"));
        assertCreated(cadence);
        var bad = as("planner")
                .put(
                        "/api/cadences/" + cadence.id() + "/programme",
                        Map.of("programme", "GOOD_NEWS_DAILY", "templateCode", "nope"));
        assertThat(bad.error("templateCode")).contains("nope");
        assertThat(as("planner")
                        .put(
                                "/api/cadences/" + cadence.id() + "/programme",
                                Map.of("programme", "GOOD_NEWS_DAILY", "templateCode", "good-news-daily"))
                        .status())
                .isEqualTo(200);

        // One slot is filled by hand: an approved item scheduled at 07:00 on the 24th.
        var item = content("planner", campaign, "Tin tốt " + unique());
        as("planner").post("/api/content/" + item + "/submit", null);
        as("approver").post("/api/content/" + item + "/approve", null);
        assertThat(as("planner")
                        .post(
                                "/api/content/" + item + "/schedule",
                                Map.of("channelIds", List.of(page), "at", "2026-11-24T07:00:00+07:00"))
                        .status())
                .isEqualTo(201);

        var programmes = as("planner").get("/api/programmes?days=7").body();
        var goodNews = programmes
                .valueStream()
                .filter(p -> p.path("programme").asString().equals("GOOD_NEWS_DAILY"))
                .findFirst()
                .orElseThrow();
        assertThat(goodNews.path("title").asString()).isEqualTo("Mỗi ngày một tin tốt");
        assertThat(goodNews.path("templates").findValuesAsString("code")).contains("good-news-daily");
        var mine = goodNews.path("cadences")
                .valueStream()
                .filter(c -> c.path("cadenceId").asLong() == cadence.id())
                .findFirst()
                .orElseThrow();
        assertThat(mine.path("slots").size()).isEqualTo(7);
        var first = mine.path("slots").get(0);
        assertThat(OffsetDateTime.parse(first.path("at").asString()))
                .isEqualTo(OffsetDateTime.parse("2026-11-24T07:00:00+07:00"));
        assertThat(first.path("filled").asBoolean()).isTrue();
        assertThat(mine.path("emptySlots").asLong()).isEqualTo(6);
        assertThat(as("planner").get("/api/programmes?days=400").error("days")).contains("between 1 and 62");
    }
}
