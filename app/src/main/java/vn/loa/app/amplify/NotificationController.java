package vn.loa.app.amplify;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.app.api.ApiTimes;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.amplify.NoticeKind;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.NotFound;

/** Each signed-in person's notifications, and the e-mail address they are also sent to. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    record NotificationView(
            long id,
            NoticeKind kind,
            Long packId,
            String title,
            String body,
            OffsetDateTime createdAt,
            OffsetDateTime readAt,
            MailStatus mail) {}

    record Listing(long unread, boolean emailOn, List<NotificationView> items) {}

    record Address(String email) {}

    private final JdbcNotifications notifications;
    private final MailOutbox outbox;
    private final ApiTimes times;

    NotificationController(JdbcNotifications notifications, MailOutbox outbox, ApiTimes times) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.times = times;
    }

    @GetMapping
    Listing list(
            @RequestParam(required = false) Boolean unread,
            @RequestParam(required = false) Integer limit,
            Actor actor) {
        var max = limit == null ? 50 : limit;
        new Checks()
                .that(max >= 1 && max <= 200, "limit", "must be between 1 and 200")
                .throwIfAny();
        var items = notifications.list(actor.username(), Boolean.TRUE.equals(unread), max).stream()
                .map(n -> new NotificationView(
                        n.id(),
                        n.kind(),
                        n.packId(),
                        n.title(),
                        n.body(),
                        times.inCity(n.createdAt()),
                        times.inCity(n.readAt()),
                        n.mailStatus()))
                .toList();
        return new Listing(notifications.unread(actor.username()), outbox.enabled(), items);
    }

    @PostMapping("/{id}/read")
    void read(@PathVariable long id, Actor actor) {
        if (!notifications.markRead(actor.username(), id)) {
            throw new NotFound("notification", id);
        }
    }

    @PostMapping("/read-all")
    void readAll(Actor actor) {
        notifications.markRead(actor.username(), null);
    }

    @GetMapping("/address")
    Address address(Actor actor) {
        return new Address(notifications.address(actor.username()).orElse(null));
    }

    /** Sets (or, with an empty address, removes) where one's notifications are also e-mailed. */
    @PutMapping("/address")
    Address setAddress(@RequestBody Address body, Actor actor) {
        var email = body == null || body.email() == null || body.email().isBlank()
                ? null
                : body.email().strip();
        new Checks()
                .maxLength("email", email, 320)
                .that(
                        email == null || email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
                        "email",
                        "is not an e-mail address")
                .throwIfAny();
        notifications.setAddress(actor.username(), email);
        return new Address(email);
    }
}
