package vn.loa.app.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.loa.app.support.PostgresApiTest;

/**
 * The web pages' benchmarks ({@code mvn -Pbench verify}, docs/benchmarks.md): the month calendar with
 * 3,000 deliveries (the page and its event feed), and the leadership dashboard over a year of
 * engagement, timed over HTTP on PostgreSQL as a signed-in browser would ask for them.
 */
class WebPagesBenchmark extends PostgresApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ZoneId CITY = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int WARMUP = 30;
    private static final int RUNS = 200;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void monthCalendarWith3000DeliveriesAndDashboardOverAYear() throws Exception {
        var channels = new ArrayList<Long>();
        for (int i = 0; i < 20; i++) {
            channels.add(channel(i % 3 == 0 ? "ZALO" : "FACEBOOK", "Đối tác " + i));
        }
        var campaigns = new ArrayList<Long>();
        for (int round = 0; round < 2; round++) {
            for (var theme : List.of("politics", "economy", "culture", "society", "security", "defence")) {
                campaigns.add(campaign(theme, channels));
            }
        }
        // December 2026 (the test clock is 23 Nov 2026): 1,000 items, 3 deliveries each.
        var month = LocalDate.of(2026, 12, 1);
        var now = Instant.parse("2026-11-23T01:00:00Z").atOffset(ZoneOffset.UTC);
        var items = new ArrayList<Object[]>();
        for (int i = 0; i < 1000; i++) {
            items.add(new Object[] {campaigns.get(i % campaigns.size()), "Bài lịch " + i, now, now});
        }
        jdbc.batchUpdate(
                "INSERT INTO content_item (campaign_id, title, body, link, media_json, tags_json, status, author,"
                        + " created_at, updated_at, version, rebuttal) VALUES (?, ?, 'Nội dung', NULL, '[]', '[]',"
                        + " 'SCHEDULED', 'planner', ?, ?, 1, FALSE)",
                items);
        var ids =
                jdbc.queryForList("SELECT id FROM content_item WHERE title LIKE 'Bài lịch %' ORDER BY id", Long.class);
        var deliveries = new ArrayList<Object[]>();
        for (int i = 0; i < ids.size(); i++) {
            for (int k = 0; k < 3; k++) {
                var at = month.plusDays((i * 7L + k) % 31)
                        .atTime(6 + (i + k) % 16, (i % 4) * 15)
                        .atZone(CITY)
                        .toOffsetDateTime();
                deliveries.add(new Object[] {ids.get(i), channels.get((i + k) % channels.size()), at, now, now});
            }
        }
        jdbc.batchUpdate(
                "INSERT INTO delivery (content_id, channel_id, scheduled_at, status, created_at, updated_at)"
                        + " VALUES (?, ?, ?, 'SCHEDULED', ?, ?)",
                deliveries);
        yearOfEngagement(channels, campaigns);

        var browser = signedIn("planner");
        var feed = "/calendar/events?start=2026-11-30T00:00:00Z&end=2027-01-11T00:00:00Z";
        var count = Pattern.compile("\"kind\":\"delivery\"")
                .matcher(browser.get(feed))
                .results()
                .count();
        System.out.println("calendar feed: " + count + " deliveries in the month grid");
        report("calendar page (/calendar)", time(browser, "/calendar"));
        report("calendar month feed, " + count + " deliveries", time(browser, feed));
        var leader = signedIn("leader");
        report("dashboard, year 2026 (/dashboard?kind=year)", time(leader, "/dashboard?kind=year&year=2026"));
        report("dashboard, second half 2026", time(leader, "/dashboard?kind=half&year=2026&half=2"));
    }

    /** 2026, every day: each of 20 channels and 12 campaigns adds a little (87,600 rollup rows); 3,000 posts published. */
    private void yearOfEngagement(List<Long> channels, List<Long> campaigns) {
        var themes = jdbc.queryForList("SELECT id FROM theme ORDER BY id", Long.class);
        var rows = new ArrayList<Object[]>();
        for (var day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            for (int c = 0; c < channels.size(); c++) {
                for (int k = 0; k < campaigns.size(); k++) {
                    rows.add(new Object[] {
                        day,
                        channels.get(c),
                        campaigns.get(k),
                        themes.get(k % themes.size()),
                        c % 3 == 0 ? "ZALO" : "FACEBOOK",
                        10L + (day.getDayOfYear() + c) % 40,
                        3L,
                        2L,
                        200L,
                        400L,
                        15L
                    });
                }
            }
            if (rows.size() >= 5000) {
                insertDaily(rows);
                rows.clear();
            }
        }
        insertDaily(rows);
        // Published posts are other items (an item has one live delivery per channel): 1,000 items, 3 channels each.
        var now = Instant.parse("2026-11-23T01:00:00Z").atOffset(ZoneOffset.UTC);
        var done = new ArrayList<Object[]>();
        for (int i = 0; i < 1000; i++) {
            done.add(new Object[] {campaigns.get(i % campaigns.size()), "Bài đã đăng " + i, now, now});
        }
        jdbc.batchUpdate(
                "INSERT INTO content_item (campaign_id, title, body, link, media_json, tags_json, status, author,"
                        + " created_at, updated_at, version, rebuttal) VALUES (?, ?, 'Nội dung', NULL, '[]', '[]',"
                        + " 'PUBLISHED', 'planner', ?, ?, 1, FALSE)",
                done);
        var items = jdbc.queryForList(
                "SELECT id FROM content_item WHERE title LIKE 'Bài đã đăng %' ORDER BY id", Long.class);
        var published = new ArrayList<Object[]>();
        for (int i = 0; i < 3000; i++) {
            var at = LocalDate.of(2026, 1, 1)
                    .plusDays((i / 3) % 320)
                    .atTime(8, 0)
                    .atZone(CITY)
                    .toOffsetDateTime();
            published.add(
                    new Object[] {items.get(i / 3), channels.get((i / 3 + i % 3) % channels.size()), at, at, at, at});
        }
        jdbc.batchUpdate(
                "INSERT INTO delivery (content_id, channel_id, scheduled_at, status, published_at, created_at,"
                        + " updated_at, external_ref) VALUES (?, ?, ?, 'PUBLISHED', ?, ?, ?, 'bench')",
                published);
        jdbc.update("INSERT INTO engagement_latest (delivery_id, read_at, reactions, comments, shares, views, reach,"
                + " interactions) SELECT id, published_at, 40, 5, 3, 900, NULL, 48 FROM delivery"
                + " WHERE external_ref = 'bench'");
    }

    private void insertDaily(List<Object[]> rows) {
        jdbc.batchUpdate(
                "INSERT INTO engagement_daily (stat_day, channel_id, campaign_id, theme_id, platform, reactions,"
                        + " comments, shares, views, reach, interactions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    private long[] time(Browser browser, String path) throws IOException, InterruptedException {
        for (int i = 0; i < WARMUP; i++) {
            browser.get(path);
        }
        var nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            var start = System.nanoTime();
            browser.get(path);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String what, long[] sorted) {
        System.out.printf(
                "%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)%n",
                what,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6,
                sorted.length);
    }

    private Browser signedIn(String user) throws IOException, InterruptedException {
        var b = new Browser();
        var page = b.get("/login");
        var token = CSRF.matcher(page);
        if (!token.find()) {
            throw new AssertionError("no CSRF token on the sign-in page");
        }
        b.post(
                "/login",
                "username=" + user + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
        return b;
    }

    /** A cookie-keeping HTTP client standing in for the browser (the server's time is what is measured). */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        String get(String path) throws IOException, InterruptedException {
            var res = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                throw new AssertionError(path + " answered " + res.statusCode());
            }
            return res.body();
        }

        void post(String path, String form) throws IOException, InterruptedException {
            http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }
}
