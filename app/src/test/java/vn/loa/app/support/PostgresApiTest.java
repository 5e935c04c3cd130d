package vn.loa.app.support;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.security.UserAccounts;
import vn.loa.campaigns.access.Role;
import vn.loa.testsupport.MutableClock;

/**
 * Base of the tests that drive the whole app over HTTP against a real PostgreSQL. All subclasses
 * share one application context and one database; each test makes its own campaigns and content,
 * so tests do not depend on each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PostgresApiTest.TestClockConfig.class)
public abstract class PostgresApiTest {

    public static final String PASSWORD = "test-password-1";
    public static final String PARTNER_ORG = "Thành đoàn Hà Nội";
    /** 08:00 in Hanoi. */
    public static final Instant START = Instant.parse("2026-11-23T01:00:00Z");

    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @TestConfiguration
    static class TestClockConfig {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // A subclass's own database (EngineTestBase.ownDatabase) is named through loa.test.*: Spring
        // runs this class's property sources after the subclass's, so a plain value here would win.
        registry.add("spring.datasource.url", () -> "${loa.test.database-url:" + PostgresDatabase.jdbcUrl() + "}");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("loa.credentials.key", () -> "dGVzdC1rZXktb2YtMzItYnl0ZXMtZm9yLWxvYS10ZXM=");
        registry.add("loa.connectors.sandbox.enabled", () -> "true");
        // Media served by the app under test; 127.0.0.1 stays refused (MediaFetchApiTest).
        registry.add("loa.request.media-allowed-hosts", () -> "localhost");
        // Tests drive the publishing engine by hand, with the test clock.
        registry.add("loa.engine.loop", () -> "false");
        registry.add("loa.connectors.read-timeout", () -> "1s");
        registry.add("loa.engine.lease", () -> "3s");
        registry.add(
                "spring.quartz.properties.org.quartz.scheduler.instanceName",
                () -> "${loa.test.quartz-name:loa-api-tests}");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    private UserAccounts accounts;

    @BeforeEach
    void usersAndTime() {
        clock.set(START);
        user("planner", null, Role.PLANNER);
        user("planner2", null, Role.PLANNER);
        user("approver", null, Role.APPROVER);
        user("editor-in-chief", null, Role.PLANNER, Role.APPROVER);
        user("leader", null, Role.LEADERSHIP);
        user("admin", null, Role.ADMIN);
        user("partner", PARTNER_ORG, Role.PARTNER_ADMIN);
    }

    protected Api as(String username) {
        return Api.as(port, username, PASSWORD);
    }

    protected Api anonymous() {
        return Api.anonymous(port);
    }

    /**
     * A client address of its own (sent as X-Forwarded-For), so that failed sign-ins a test makes
     * on purpose are not counted against the loopback address every other test signs in from.
     */
    protected static String freshAddress() {
        long n = unique();
        return "10." + (n / 65_536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    protected static long unique() {
        return UNIQUE.incrementAndGet();
    }

    protected long channel(String platform, String organisation) {
        var res = as("admin")
                .post(
                        "/api/channels",
                        Map.of(
                                "platform",
                                platform,
                                "externalId",
                                "ext-" + unique(),
                                "displayName",
                                platform + " page " + unique(),
                                "role",
                                "PARTNER",
                                "followerCount",
                                60_000,
                                "organisation",
                                organisation));
        assertCreated(res);
        return res.id();
    }

    /** An official Facebook page, connected with sandbox credentials; returns its id. */
    protected long officialFacebookPage(String displayName) {
        var res = as("admin")
                .post(
                        "/api/channels",
                        Map.of(
                                "platform",
                                "FACEBOOK",
                                "externalId",
                                "off-" + unique(),
                                "displayName",
                                displayName,
                                "role",
                                "OFFICIAL",
                                "followerCount",
                                400_000,
                                "organisation",
                                "UBND Hà Nội"));
        assertCreated(res);
        as("admin").put("/api/channels/" + res.id() + "/credentials", Map.of("pageToken", "sandbox-page-token"));
        return res.id();
    }

    protected long plan() {
        var existing = as("planner").get("/api/plans");
        for (var p : existing.body()) {
            if (p.path("year").asInt() == 2026) {
                return p.path("id").asLong();
            }
        }
        var res = as("planner").post("/api/plans", Map.of("year", 2026, "title", "Kế hoạch 2026"));
        assertCreated(res);
        return res.id();
    }

    protected long themeId(String code) {
        for (var t : as("planner").get("/api/themes").body()) {
            if (code.equals(t.path("code").asString())) {
                return t.path("id").asLong();
            }
        }
        throw new AssertionError("no theme " + code);
    }

    protected long campaign(String themeCode, List<Long> channelIds) {
        var body = new LinkedHashMap<String, Object>();
        body.put("planId", plan());
        body.put("themeId", themeId(themeCode));
        body.put("name", "Chiến dịch " + unique());
        body.put("startDate", "2026-11-01");
        body.put("endDate", "2026-12-31");
        body.put("kpis", Map.of("targetReach", 100_000, "targetInteractions", 5_000));
        body.put("channelIds", channelIds);
        var res = as("planner").post("/api/campaigns", body);
        assertCreated(res);
        return res.id();
    }

    protected long content(String author, long campaignId, String title) {
        var res = as(author)
                .post(
                        "/api/content",
                        Map.of(
                                "campaignId",
                                campaignId,
                                "title",
                                title,
                                "body",
                                "Nội dung: " + title,
                                "link",
                                "https://hanoi.gov.vn/tin/" + unique(),
                                "tags",
                                List.of("Hà Nội"),
                                "media",
                                List.of("https://cdn.hanoi.gov.vn/anh/" + unique() + ".jpg")));
        assertCreated(res);
        return res.id();
    }

    /** A new person with a name of their own, added by the administrator through the API. */
    protected String person(String password, String... roles) {
        var username = "nv" + unique();
        assertCreated(createUser(username, password, roles));
        return username;
    }

    /** The administrator's request to add someone, for tests of what is refused. */
    protected Api.Response createUser(String username, String password, String... roles) {
        return as("admin")
                .post(
                        "/api/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                password,
                                "displayName",
                                "Người " + username,
                                "roles",
                                List.of(roles)));
    }

    protected static void assertCreated(Api.Response res) {
        if (res.status() != 201) {
            throw new AssertionError("expected 201 but got " + res.status() + ": " + res.text());
        }
    }

    private void user(String username, String organisation, Role... roles) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(new UserAccounts.NewUser(
                    username, PASSWORD, username, organisation, EnumSet.copyOf(List.of(roles))));
        }
    }
}
