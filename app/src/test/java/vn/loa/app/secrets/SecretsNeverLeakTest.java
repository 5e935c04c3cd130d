package vn.loa.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.security.Totp;
import vn.loa.app.support.Api;
import vn.loa.app.support.EngineTestBase;
import vn.loa.app.support.FormSignIn;
import vn.loa.connectors.Platform;
import vn.loa.connectors.credentials.YouTubeOAuth;
import vn.loa.connectors.credentials.ZaloOAuth;
import vn.loa.connectors.sandbox.Fault;
import vn.loa.connectors.sandbox.SandboxCredentials;

/**
 * No secret Loa holds (passwords, one-time passwords, API tokens, every platform's tokens and app
 * secrets, the credentials key, password hashes) appears in a log line, an API answer, an export,
 * an audit entry or an error page, through every platform's connect, refusal and publishing
 * failure. The platforms' own side (the sandbox) is left out of the logs checked: it is the
 * platform, which holds the tokens by nature.
 */
class SecretsNeverLeakTest extends EngineTestBase {

    private static final String KEY = "dGVzdC1rZXktb2YtMzItYnl0ZXMtZm9yLWxvYS10ZXM=";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        ownDatabase(registry, "secrets_leak");
    }

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<String> secrets = new ArrayList<>();
    private final List<String> answers = new ArrayList<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        secrets.add(KEY);
        secrets.add("$2a$");
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    private Api.Response seen(Api.Response res) {
        answers.add(res.text());
        return res;
    }

    private String secret(String value) {
        secrets.add(value);
        return value;
    }

    @Test
    void noSecretAppearsAnywhereThroughEveryPlatformAndEveryFailure() {
        people();
        secondFactor();
        facebook();
        zalo();
        youtube();
        publishingFailures();

        for (var path : List.of(
                "/api/channels",
                "/api/deliveries?size=200",
                "/api/alerts",
                "/api/audit?size=200",
                "/api/users",
                "/api/sign-in-locks",
                "/api/reports/period?from=2026-11-01&to=2026-12-31",
                "/api/reports/period/export?from=2026-11-01&to=2026-12-31&format=csv",
                "/api/nothing-here",
                "/error")) {
            seen(as("admin").get(path));
        }
        for (var c : as("admin").get("/api/channels").body()) {
            seen(as("admin").get("/api/channels/" + c.path("id").asLong() + "/credentials"));
        }
        seen(anonymous().get("/api/channels"));
        var web = new FormSignIn(port, freshAddress());
        web.signIn("admin", PASSWORD);
        for (var page : List.of("/admin", "/channels", "/no-such-page", "/error")) {
            answers.add(web.get(page).body());
        }
        var audit = String.join(
                "\n",
                jdbc.sql(
                                "SELECT CONCAT(subject, ' ', COALESCE(subject_key, ''), ' ', actor, ' ', COALESCE(from_state, ''),"
                                        + " ' ', to_state, ' ', COALESCE(reason, ''), ' ', COALESCE(address, '')) FROM audit_entry")
                        .query(String.class)
                        .list());
        var logText = new StringBuilder();
        for (var e : logs.list) {
            if (e.getLoggerName().startsWith("vn.loa.connectors.sandbox")) {
                continue;
            }
            logText.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                logText.append(ThrowableProxyUtil.asString(e.getThrowableProxy()))
                        .append('\n');
            }
        }
        assertThat(answers).hasSizeGreaterThan(30);
        assertThat(logs.list).isNotEmpty();
        for (var s : secrets) {
            assertThat(answers).as("API answers and pages").noneMatch(a -> a.contains(s));
            assertThat(audit).as("audit entries").doesNotContain(s);
            assertThat(logText.toString()).as("logs").doesNotContain(s);
        }
    }

    /** Passwords (right, wrong, one-time, changed) and API tokens. */
    private void people() {
        var password = secret("mat-khau-bi-mat-" + unique());
        var who = person(password, "PLANNER");
        seen(Api.as(port, who, secret("doan-sai-bi-mat-" + unique()))
                .header("X-Forwarded-For", freshAddress())
                .get("/api/me"));
        seen(Api.as(port, "khongco" + unique(), secret("cua-nguoi-la-" + unique()))
                .header("X-Forwarded-For", freshAddress())
                .get("/api/me"));
        new FormSignIn(port, freshAddress()).signIn(who, secret("sai-tren-trang-" + unique()));
        var weak = secret("ngan" + unique());
        seen(createUser("yeu" + unique(), weak, "PLANNER"));
        var reset = as("admin").post("/api/users/" + who + "/reset-password", null);
        var oneTime = secret(reset.field("oneTimePassword"));
        var changed = secret("mat-khau-moi-bi-mat-" + unique());
        seen(Api.as(port, who, oneTime)
                .put("/api/me/password", Map.of("currentPassword", oneTime, "newPassword", changed)));
        seen(Api.as(port, who, changed)
                .put(
                        "/api/me/password",
                        Map.of("currentPassword", secret("khong-dung-" + unique()), "newPassword", "x")));
        var made = Api.as(port, who, changed).post("/api/me/tokens", Map.of("name", "kịch bản"));
        var token = secret(made.field("token"));
        seen(Api.as(port, who, changed).get("/api/me/tokens"));
        seen(Api.bearer(port, token).get("/api/me"));
        seen(Api.bearer(port, token).post("/api/me/tokens", Map.of("name", "con")));
        seen(Api.bearer(port, secret("loa_gia-mao-" + unique())).get("/api/me"));
    }

    /**
     * TOTP: the secret and the recovery codes appear in the one answer that shows each once, and
     * nowhere after: not in the confirmation's refusals, sign-ins right and wrong (API and web),
     * the account page, the audit trail, the logs, or the sealed column in the database.
     */
    private void secondFactor() {
        var password = secret("hai-buoc-bi-mat-" + unique());
        var who = person(password, "APPROVER");
        var me = Api.as(port, who, password).header("X-Forwarded-For", freshAddress());
        var secretText = secret(me.post("/api/me/totp", null).field("secret"));
        var key = Totp.fromBase32(secretText);
        seen(me.post("/api/me/totp/confirm", Map.of("code", "12345")));
        seen(me.post("/api/me/totp/confirm", Map.of("code", Totp.code(key, Totp.step(clock.instant()) + 7, 6))));
        var confirmed = me.post("/api/me/totp/confirm", Map.of("code", Totp.code(key, Totp.step(clock.instant()), 6)));
        var codes = new ArrayList<String>();
        confirmed.body().path("recoveryCodes").forEach(c -> codes.add(secret(c.asString())));
        codes.forEach(c -> secret(c.replace("-", "")));
        assertThat(codes).hasSize(10);
        seen(me.get("/api/me"));
        seen(me.header("X-Loa-OTP", "000000").get("/api/me/totp"));
        seen(me.header("X-Loa-OTP", codes.get(0)).get("/api/me/totp"));
        seen(me.header("X-Loa-OTP", codes.get(0)).get("/api/me/totp"));
        seen(me.header("X-Loa-OTP", codes.get(1))
                .post("/api/me/totp/disable", Map.of("password", secret("sai-khi-tat-" + unique()), "code", "1")));
        seen(me.header("X-Loa-OTP", codes.get(2)).post("/api/me/totp", null));
        seen(me.header("X-Loa-OTP", codes.get(3)).post("/api/me/totp/confirm", Map.of("code", "123456")));
        var web = new FormSignIn(port, freshAddress());
        web.signIn(who, password);
        answers.add(web.get("/login/code").body());
        answers.add(web.post("/login/code", "/login/code", "code=999999").body());
        answers.add(web.post("/login/code", "/login/code", "code=&recoveryCode=" + codes.get(4))
                .body());
        answers.add(web.get("/account/security").body());
        answers.add(web.post("/account/security", "/account/security/disable", "password=x&code=1")
                .body());
        answers.add(
                web.post("/account/security", "/account/security/start", "x=1").body());
        var stored = String.join(
                "\n",
                jdbc.sql("SELECT CONCAT(sealed_secret, ' ', COALESCE(CAST(last_step AS VARCHAR), '')) FROM user_totp")
                        .query(String.class)
                        .list());
        var hashes = String.join(
                "\n",
                jdbc.sql("SELECT code_hash FROM user_recovery_code")
                        .query(String.class)
                        .list());
        assertThat(stored).isNotBlank().doesNotContain(secretText);
        for (var c : codes) {
            assertThat(hashes).doesNotContain(c);
        }
    }

    private void facebook() {
        var page = channel("FACEBOOK", "UBND");
        seen(connect(page, Map.of("pageToken", secret("EAAB-LEAK-FB-" + unique()))));
        sandbox.inject(Platform.FACEBOOK, Fault.TOKEN_EXPIRED, 1);
        seen(connect(page, Map.of("pageToken", secret("EAAB-REFUSED-" + unique()))));
        sandbox.inject(Platform.FACEBOOK, Fault.SERVER_ERROR, 1);
        seen(connect(page, Map.of("pageToken", secret("EAAB-UNVERIFIED-" + unique()))));
        seen(connect(
                page,
                Map.of(
                        "pageToken",
                        secret("EAAB-LAST-" + unique()),
                        "appSecret",
                        secret("FB-APP-SECRET-" + unique()))));
    }

    private void zalo() {
        var oa = channel("ZALO", "UBND");
        var sandboxTokens = (ZaloOAuth) SandboxCredentials.forChannel(Platform.ZALO, externalId(oa), clock.instant());
        var body = new LinkedHashMap<String, Object>();
        body.put("appId", "app");
        body.put("secretKey", secret("ZALO-SECRET-" + unique()));
        body.put("accessToken", secret(sandboxTokens.accessToken()));
        body.put("refreshToken", secret(sandboxTokens.refreshToken()));
        body.put("accessExpiresAt", "2026-11-01T00:00:00+07:00");
        seen(connect(oa, body));
        var refused = new LinkedHashMap<>(body);
        refused.put("accessToken", secret("zalo-at.forged-" + unique()));
        refused.put("refreshToken", secret("zalo-rt.forged-" + unique()));
        seen(connect(oa, refused));
        sandbox.inject(Platform.ZALO, Fault.RATE_LIMIT, 1);
        seen(connect(oa, refused));
    }

    private void youtube() {
        var channel = channel("YOUTUBE", "UBND");
        var sandboxTokens =
                (YouTubeOAuth) SandboxCredentials.forChannel(Platform.YOUTUBE, externalId(channel), clock.instant());
        var body = new LinkedHashMap<String, Object>();
        body.put("clientId", "sandbox-client");
        body.put("clientSecret", secret("YT-CLIENT-SECRET-" + unique()));
        body.put("refreshToken", secret(sandboxTokens.refreshToken()));
        body.put("projectId", "sandbox-project");
        seen(connect(channel, body));
        var forged = new LinkedHashMap<>(body);
        forged.put("refreshToken", secret("YT-REFRESH-FORGED-" + unique()));
        seen(connect(channel, forged));
        sandbox.inject(Platform.YOUTUBE, Fault.TOKEN_EXPIRED, 1);
        seen(connect(channel, body));
    }

    /** Each fault of each platform while publishing, with the platforms' tokens in play. */
    private void publishingFailures() {
        for (var platform : List.of("FACEBOOK", "ZALO")) {
            var channel = connected(platform);
            for (var fault : Fault.values()) {
                var delivery = scheduled(channel, "2026-11-23T09:00:00+07:00");
                clock.set(START.plus(Duration.ofHours(1)));
                sandbox.inject(Platform.valueOf(platform), fault, 1);
                engine.publishDueNow();
                engine.settle();
                seen(as("planner").get("/api/deliveries/" + delivery));
                seen(as("planner").get("/api/deliveries/" + delivery + "/history"));
                sandbox.clearFaults();
                clock.set(START);
            }
        }
    }

    private Api.Response connect(long channel, Map<String, Object> body) {
        return as("admin").put("/api/channels/" + channel + "/credentials", body);
    }
}
