package vn.loa.app.amplify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.amplify.Notice;
import vn.loa.campaigns.amplify.NoticeKind;
import vn.loa.campaigns.amplify.Notifications;
import vn.loa.campaigns.partner.Organisation;
import vn.loa.campaigns.partner.OrganisationRepository;

/**
 * Notifications in Loa, one row per recipient, written in one batch with the change that caused
 * them. Each notice goes to the partner admins of its organisation or, when it has none, of the
 * nearest organisation above it that has. Rows to be mailed are marked PENDING and sent by the
 * {@link MailOutbox} after the commit. The only class with SQL for the notification tables.
 */
@Component
public class JdbcNotifications implements Notifications {

    /** One notification as its reader sees it. */
    public record Item(
            long id,
            NoticeKind kind,
            Long packId,
            String title,
            String body,
            Instant createdAt,
            Instant readAt,
            MailStatus mailStatus) {}

    /** One notification waiting to be mailed, with its recipient's address. */
    record PendingMail(long id, String email, String title, String body, int attempts) {}

    /** Published when rows to be mailed were written; the outbox sends them once the transaction commits. */
    record MailQueued() {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final OrganisationRepository organisations;
    private final boolean mailOn;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public JdbcNotifications(
            JdbcClient jdbc,
            JdbcTemplate template,
            OrganisationRepository organisations,
            ObjectProvider<JavaMailSender> mail,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.organisations = organisations;
        // The outbox sends through the same sender: without one, nothing is marked to be mailed.
        this.mailOn = mail.getIfAvailable() != null;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void send(List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        var recipients = recipients(notices.stream().map(Notice::organisationId).collect(Collectors.toSet()));
        var addressed = new HashSet<String>();
        if (mailOn) {
            addressed.addAll(jdbc.sql("SELECT username FROM notification_address")
                    .query(String.class)
                    .list());
        }
        var now = Timestamps.utc(clock.instant());
        var rows = new ArrayList<Object[]>();
        for (var n : notices) {
            for (var username : recipients.getOrDefault(n.organisationId(), List.of())) {
                rows.add(new Object[] {
                    username,
                    n.kind().name(),
                    n.packId(),
                    n.title(),
                    n.body(),
                    now,
                    (mailOn && addressed.contains(username) ? MailStatus.PENDING : MailStatus.NONE).name()
                });
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "INSERT INTO notification (username, kind, pack_id, title, body, created_at, mail_status)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows);
        if (mailOn) {
            events.publishEvent(new MailQueued());
        }
    }

    /** Notifies named people in Loa (no pack, no e-mail): e.g. the on-duty approvers of a rebuttal to come. */
    public void sendToUsers(List<String> usernames, NoticeKind kind, String title, String body) {
        if (usernames.isEmpty()) {
            return;
        }
        var now = Timestamps.utc(clock.instant());
        template.batchUpdate(
                "INSERT INTO notification (username, kind, pack_id, title, body, created_at, mail_status)"
                        + " VALUES (?, ?, NULL, ?, ?, ?, 'NONE')",
                usernames.stream()
                        .map(u -> new Object[] {u, kind.name(), title, body, now})
                        .toList());
    }

    /** The approvers on duty now (enabled accounts). */
    public List<String> onDutyApprovers() {
        return jdbc.sql("SELECT u.username FROM app_user u JOIN app_user_role r ON r.username = u.username"
                        + " WHERE r.role_name = 'APPROVER' AND u.enabled AND u.on_duty ORDER BY u.username")
                .query(String.class)
                .list();
    }

    /** For each organisation, the partner admins of it or of its nearest ancestor that has any. */
    Map<Long, List<String>> recipients(Set<Long> organisationIds) {
        var orgs = organisations.findAll(organisationIds);
        var chain = new HashMap<Long, List<Long>>();
        var allIds = new HashSet<Long>();
        for (var o : orgs) {
            var ids = ancestorsNearestFirst(o);
            chain.put(o.id(), ids);
            allIds.addAll(ids);
        }
        var names = new HashMap<Long, String>();
        organisations.findAll(allIds).forEach(o -> names.put(o.id(), o.name()));
        var admins = new HashMap<String, List<String>>();
        if (!names.isEmpty()) {
            jdbc.sql("SELECT u.username, u.organisation FROM app_user u JOIN app_user_role r ON r.username = u.username"
                            + " WHERE r.role_name = 'PARTNER_ADMIN' AND u.enabled AND u.organisation IN (:names)"
                            + " ORDER BY u.username")
                    .param("names", names.values())
                    .query(rs -> {
                        admins.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                                .add(rs.getString(1));
                    });
        }
        var result = new HashMap<Long, List<String>>();
        chain.forEach((id, ancestors) -> ancestors.stream()
                .map(a -> admins.get(names.get(a)))
                .filter(list -> list != null && !list.isEmpty())
                .findFirst()
                .ifPresent(list -> result.put(id, list)));
        return result;
    }

    private static List<Long> ancestorsNearestFirst(Organisation o) {
        var ids = new ArrayList<Long>();
        for (var part : o.path().split("/")) {
            if (!part.isBlank()) {
                ids.add(0, Long.parseLong(part));
            }
        }
        return ids;
    }

    public List<Item> list(String username, boolean unreadOnly, int limit) {
        return jdbc.sql("SELECT id, kind, pack_id, title, body, created_at, read_at, mail_status FROM notification"
                        + " WHERE username = ?" + (unreadOnly ? " AND read_at IS NULL" : "")
                        + " ORDER BY id DESC LIMIT ?")
                .params(username, limit)
                .query((rs, n) -> new Item(
                        rs.getLong("id"),
                        NoticeKind.valueOf(rs.getString("kind")),
                        rs.getObject("pack_id", Long.class),
                        rs.getString("title"),
                        rs.getString("body"),
                        Timestamps.read(rs, "created_at"),
                        Timestamps.read(rs, "read_at"),
                        MailStatus.valueOf(rs.getString("mail_status"))))
                .list();
    }

    public long unread(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE username = ? AND read_at IS NULL")
                .param(username)
                .query(Long.class)
                .single();
    }

    /** Marks one (or, with {@code id} null, every) notification of the user read; false if theirs has no such id. */
    public boolean markRead(String username, Long id) {
        var now = Timestamps.utc(clock.instant());
        if (id == null) {
            jdbc.sql("UPDATE notification SET read_at = ? WHERE username = ? AND read_at IS NULL")
                    .params(now, username)
                    .update();
            return true;
        }
        return jdbc.sql("UPDATE notification SET read_at = COALESCE(read_at, ?) WHERE username = ? AND id = ?")
                        .params(now, username, id)
                        .update()
                == 1;
    }

    /** Notifications waiting to be mailed, oldest first. */
    List<PendingMail> pendingMail(int limit) {
        return jdbc.sql("SELECT n.id, a.email, n.title, n.body, n.mail_attempts FROM notification n"
                        + " JOIN notification_address a ON a.username = n.username WHERE n.mail_status = ?"
                        + " ORDER BY n.id LIMIT ?")
                .params(MailStatus.PENDING.name(), limit)
                .query((rs, i) ->
                        new PendingMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    /** What the outbox's latest attempt at one notification came to, and how many attempts it has made. */
    void mailed(long id, MailStatus status, int attempts) {
        jdbc.sql("UPDATE notification SET mail_status = ?, mail_attempts = ? WHERE id = ?")
                .params(status.name(), attempts, id)
                .update();
    }

    public Optional<String> address(String username) {
        return jdbc.sql("SELECT email FROM notification_address WHERE username = ?")
                .param(username)
                .query(String.class)
                .optional();
    }

    public void setAddress(String username, String email) {
        if (email == null) {
            jdbc.sql("DELETE FROM notification_address WHERE username = ?")
                    .param(username)
                    .update();
            return;
        }
        if (jdbc.sql("UPDATE notification_address SET email = ? WHERE username = ?")
                        .params(email, username)
                        .update()
                == 0) {
            jdbc.sql("INSERT INTO notification_address (username, email) VALUES (?, ?)")
                    .params(username, email)
                    .update();
        }
    }
}
