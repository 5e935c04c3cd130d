package vn.loa.app.amplify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.app.partner.PartnerApiTest;
import vn.loa.campaigns.amplify.ContentPacks;

/** Notifications by e-mail through a real SMTP server (GreenMail): a pack offered, then a reminder. */
class AmplifyMailApiTest extends PartnerApiTest {

    private static final int SMTP_PORT = freePort();
    private static final GreenMail SMTP =
            new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("loa.amplify.mail-from", () -> "loa@hanoi.gov.vn");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @Autowired
    private ContentPacks packs;

    @Autowired
    private MailOutbox outbox;

    @Test
    void aPartnerNotYetSharingIsRemindedInLoaAndByEmail() throws Exception {
        var wardName = "Đoàn phường " + unique();
        var ward = organisation(wardName, "WARD", partnerOrg());
        var admin = "ward-admin-" + unique();
        partnerAdmin(admin, wardName);
        assertThat(as(admin)
                        .put("/api/notifications/address", Map.of("email", "not-an-address"))
                        .status())
                .isEqualTo(400);
        assertThat(as(admin)
                        .put("/api/notifications/address", Map.of("email", admin + "@doan.hanoi.vn"))
                        .status())
                .isEqualTo(200);
        var page = selectedPage(ward, "FACEBOOK", 60_000);
        var campaign = campaign("society", List.of(channel("FACEBOOK", "UBND Hà Nội")));
        var body = new LinkedHashMap<String, Object>();
        body.put("campaignId", campaign);
        body.put("title", "Câu chuyện đẹp: người thợ sửa xe miễn phí");
        body.put("link", "https://hanoi.gov.vn/tin/" + unique());
        var item = as("planner").post("/api/content", body);
        as("planner").post("/api/content/" + item.id() + "/submit", null);
        as("approver").post("/api/content/" + item.id() + "/approve", null);
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(7));
        var built = as("planner")
                .post(
                        "/api/content/" + item.id() + "/packs",
                        Map.of(
                                "pageIds",
                                List.of(page),
                                "windowTo",
                                now.plusHours(2).toString()));
        assertCreated(built);

        await().atMost(Duration.ofSeconds(10)).until(() -> received(admin).size() >= 1);
        assertThat(subject(received(admin).get(0))).contains("Gói nội dung mới");

        // Not shared 90 minutes later: 30 minutes before the window closes, a reminder.
        clock.advance(Duration.ofMinutes(80));
        packs.sendReminders();
        assertThat(as(admin).get("/api/notifications").body().path("items").findValuesAsString("kind"))
                .containsExactly("PACK_OFFERED");
        clock.advance(Duration.ofMinutes(15));
        // (The background sweep may take it first: either way, one reminder.)
        packs.sendReminders();
        packs.sendReminders();
        outbox.sendPending();
        await().atMost(Duration.ofSeconds(10)).until(() -> received(admin).size() >= 2);
        assertThat(subject(received(admin).get(1))).contains("Nhắc: chưa chia sẻ", "Câu chuyện đẹp");
        assertThat(received(admin).get(1).getFrom()[0].toString()).isEqualTo("loa@hanoi.gov.vn");
        var inApp = as(admin).get("/api/notifications").body();
        assertThat(inApp.path("emailOn").asBoolean()).isTrue();
        assertThat(inApp.path("items").findValuesAsString("kind")).containsExactly("REMINDER", "PACK_OFFERED");
        assertThat(inApp.path("items").get(0).path("mail").asString()).isEqualTo("SENT");

        // The coordinator sees the pack as late once the window has closed.
        clock.advance(Duration.ofMinutes(30));
        var late = as("planner")
                .get("/api/packs?contentId=" + item.id() + "&late=true")
                .body();
        assertThat(late.path("totalItems").asLong()).isEqualTo(1);
    }

    private static List<MimeMessage> received(String user) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().startsWith(user + "@");
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static String subject(MimeMessage m) throws Exception {
        return m.getSubject();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
