package vn.loa.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.loa.app.amplify.LinkClicks;
import vn.loa.app.partner.PartnerApiTest;
import vn.loa.app.publishing.PublishEngine;

/**
 * The amplification benchmarks ({@code mvn -Pbench verify}, docs/benchmarks.md), on PostgreSQL over
 * HTTP: one item's packs for 200 partner pages built and notified; tracked-link redirects under
 * concurrent load with exact click counts and no database write per click; a rebuttal's push from
 * the official post to 200 partners notified.
 */
@Import(PublishBurstBenchmark.Counting.class)
class AmplifyBenchmark extends PartnerApiTest {

    private static final int PAGES = Integer.getInteger("loa.bench.partners", 200);
    private static final int ORGANISATIONS = 20;
    private static final int CLIENTS = Integer.getInteger("loa.bench.clients", 8);
    private static final int REDIRECTS = Integer.getInteger("loa.bench.redirects", 60_000);
    private static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LinkClicks clicks;

    @Autowired
    PublishEngine engine;

    @Test
    void packsForTwoHundredPartnersRedirectsUnderLoadAndARebuttalPush() throws Exception {
        // Only this benchmark's pages are selected: packs go to every selected page.
        jdbc.update("UPDATE partner_page SET status = 'RETIRED' WHERE status = 'SELECTED'");
        var pageIds = partners();
        var campaign = campaign("society", List.of(channel("FACEBOOK", "UBND Hà Nội")));

        // 1. One item's packs for 200 partners, built and notified (the request, committed).
        packs(approvedItem(campaign, false));
        var builds = new long[5];
        List<String> codes = List.of();
        for (int i = 0; i < builds.length; i++) {
            var item = approvedItem(campaign, false);
            var start = System.nanoTime();
            var res = as("planner").post("/api/content/" + item + "/packs", Map.of());
            builds[i] = System.nanoTime() - start;
            assertCreated(res);
            assertThat(res.body().path("packs").size()).isEqualTo(pageIds.size());
            codes = res.body().path("packs").findValuesAsString("trackedLink").stream()
                    .map(l -> l.replaceAll(".*/l/", ""))
                    .toList();
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM notification n JOIN content_pack p ON p.id = n.pack_id"
                                    + " WHERE p.content_id = ?",
                            Long.class,
                            item))
                    .isEqualTo(pageIds.size());
        }
        Arrays.sort(builds);
        System.out.printf(
                "BENCH packs for %d partners built and notified: median %.1f ms, max %.1f ms (5 items)%n",
                pageIds.size(), builds[2] / 1e6, builds[4] / 1e6);

        // 2. Tracked-link redirects, CLIENTS at a time.
        redirects(codes);

        // 3. A rebuttal on the official channel, pushed to every selected partner.
        rebuttalPush(pageIds.size());
    }

    /** 20 district organisations with a partner admin each, 10 selected pages apiece. */
    private List<Long> partners() {
        var run = unique();
        var ids = new ArrayList<Long>();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int o = 0; o < ORGANISATIONS; o++) {
            var name = "Quận đoàn bench " + run + "-" + o;
            var org = organisation(name, "DISTRICT", null);
            partnerAdmin("bench-" + run + "-" + o, name);
            var rows = new ArrayList<Object[]>();
            for (int p = 0; p < PAGES / ORGANISATIONS; p++) {
                var external = "bench" + run + "o" + o + "p" + p;
                rows.add(new Object[] {
                    org, external, "https://www.facebook.com/" + external, "Trang " + external, now, now
                });
            }
            jdbc.batchUpdate(
                    "INSERT INTO partner_page (organisation_id, platform, external_id, url, display_name,"
                            + " follower_count, status, auto_accept, created_at, updated_at)"
                            + " VALUES (?, 'FACEBOOK', ?, ?, ?, 80000, 'SELECTED', FALSE, ?, ?)",
                    rows);
        }
        ids.addAll(jdbc.queryForList("SELECT id FROM partner_page WHERE status = 'SELECTED'", Long.class));
        return ids;
    }

    private long approvedItem(long campaign, boolean rebuttal) {
        var body = new LinkedHashMap<String, Object>();
        body.put("campaignId", campaign);
        body.put("title", "Tin tốt " + unique());
        body.put("body", "Hà Nội mở thêm vườn hoa cho người dân.");
        body.put("link", "https://hanoi.gov.vn/tin/" + unique());
        body.put("tags", List.of("Hà Nội"));
        body.put("rebuttal", rebuttal);
        var res = as("planner").post("/api/content", body);
        assertCreated(res);
        as("planner").post("/api/content/" + res.id() + "/submit", null);
        if (rebuttal) {
            as("approver").put("/api/me/on-duty", Map.of("onDuty", true));
        }
        assertThat(as("approver")
                        .post("/api/content/" + res.id() + "/approve", null)
                        .status())
                .isEqualTo(200);
        if (rebuttal) {
            as("approver").put("/api/me/on-duty", Map.of("onDuty", false));
        }
        return res.id();
    }

    private void packs(long item) {
        assertCreated(as("planner").post("/api/content/" + item + "/packs", Map.of()));
    }

    private void redirects(List<String> codes) throws Exception {
        var warm = new LoadClient("localhost", port, BROWSER, true);
        // Warm up: every code resolved once (its target cached), the server's threads started.
        for (int i = 0; i < 5_000; i++) {
            redirect(warm, codes.get(i % codes.size()));
        }
        warm.close();
        // Kept-alive connections (the target's figure), then a new connection per click, as clicks
        // from different people come.
        redirects(codes, true);
        redirects(codes, false);
    }

    private void redirects(List<String> codes, boolean keepAlive) throws Exception {
        clicks.flush();
        var before = clickTotal();
        CountingDataSource.reset();
        var next = new AtomicInteger();
        var answered = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(CLIENTS);
        var tasks = new ArrayList<Callable<long[]>>();
        for (int c = 0; c < CLIENTS; c++) {
            tasks.add(() -> {
                var mine = new long[REDIRECTS];
                int n = 0;
                try (var client = new LoadClient("localhost", port, BROWSER, keepAlive)) {
                    for (int i = next.getAndIncrement(); i < REDIRECTS; i = next.getAndIncrement()) {
                        var start = System.nanoTime();
                        redirect(client, codes.get(i % codes.size()));
                        mine[n++] = System.nanoTime() - start;
                        answered.incrementAndGet();
                    }
                }
                return Arrays.copyOf(mine, n);
            });
        }
        var start = System.nanoTime();
        var results = pool.invokeAll(tasks);
        var elapsed = System.nanoTime() - start;
        pool.shutdown();
        var statements = CountingDataSource.STATEMENTS.get();
        var all = new long[REDIRECTS];
        int k = 0;
        for (var f : results) {
            var part = f.get();
            System.arraycopy(part, 0, all, k, part.length);
            k += part.length;
        }
        Arrays.sort(all);
        clicks.flush();
        var counted = clickTotal() - before;
        System.out.printf(
                "BENCH tracked-link redirects, %s: %d in %.2f s = %.0f/s with %d clients; p50 %.2f ms, p99 %.2f ms,"
                        + " max %.2f ms; clicks counted %d of %d sent (each once); SQL statements during the load %d"
                        + " (flushes every 5 s)%n",
                keepAlive ? "connections kept alive" : "a new connection per click",
                REDIRECTS,
                elapsed / 1e9,
                REDIRECTS / (elapsed / 1e9),
                CLIENTS,
                all[all.length / 2] / 1e6,
                all[(int) Math.ceil(all.length * 0.99) - 1] / 1e6,
                all[all.length - 1] / 1e6,
                counted,
                answered.get(),
                statements);
        assertThat(answered.get()).as("redirects answered").isEqualTo(REDIRECTS);
        assertThat(counted).as("exact click counts").isEqualTo(REDIRECTS);
        assertThat(statements)
                .as("no database statement per click on the request path")
                .isLessThan(REDIRECTS / 1_000);
    }

    private static void redirect(LoadClient client, String code) throws Exception {
        var answer = client.get("/l/" + code);
        if (answer.status() != 302 || answer.location() == null) {
            throw new AssertionError("/l/" + code + " answered " + answer.status());
        }
    }

    private long clickTotal() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(clicks), 0) FROM link_click_daily", Long.class);
    }

    private void rebuttalPush(int partners) {
        var official = as("admin")
                .post(
                        "/api/channels",
                        Map.of(
                                "platform",
                                "FACEBOOK",
                                "externalId",
                                "off-bench-" + unique(),
                                "displayName",
                                "Hà Nội chính thức " + unique(),
                                "role",
                                "OFFICIAL",
                                "followerCount",
                                400_000,
                                "organisation",
                                "UBND Hà Nội"));
        assertCreated(official);
        as("admin").put("/api/channels/" + official.id() + "/credentials", Map.of("pageToken", "sandbox-page-token"));
        var campaign = campaign("security", List.of(official.id()));
        var item = approvedItem(campaign, true);
        var start = System.nanoTime();
        engine.publishDueNow();
        var published = System.nanoTime();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM notification n JOIN content_pack p ON p.id = n.pack_id"
                                        + " WHERE p.content_id = ? AND n.kind = 'RAPID_PACK'",
                                Long.class,
                                item)
                        >= partners);
        var notified = System.nanoTime();
        System.out.printf(
                "BENCH rebuttal push: official post published in %.0f ms, then %d partners notified %.0f ms later"
                        + " (%.0f ms from the publish call)%n",
                (published - start) / 1e6, partners, (notified - published) / 1e6, (notified - start) / 1e6);
        jdbc.update("UPDATE channel SET active = FALSE WHERE id = ?", official.id());
    }
}
