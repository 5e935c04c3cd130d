package vn.loa.app.amplify;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends notifications by e-mail through Spring Mail, to the SMTP server set by {@code spring.mail.*}.
 * Without mail settings there is no sender: Loa says so once at start-up and notifies in Loa only.
 * Rows marked PENDING are sent after their transaction commits and on every sweep, so a crash
 * between commit and sending delays a message but does not lose it; a message is tried at most
 * five times.
 */
@Component
public class MailOutbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    static final int MAX_ATTEMPTS = 5;

    private final JavaMailSender sender;
    private final JdbcNotifications notifications;
    private final AmplifyProperties properties;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "mail-outbox");
        t.setDaemon(true);
        return t;
    });

    public MailOutbox(
            ObjectProvider<JavaMailSender> sender, JdbcNotifications notifications, AmplifyProperties properties) {
        this.sender = sender.getIfAvailable();
        this.notifications = notifications;
        this.properties = properties;
        if (this.sender == null) {
            log.info("E-mail is off (no spring.mail.host set): notifications stay in Loa only");
        } else {
            log.info("Notifications are also sent by e-mail from {}", properties.mailFrom());
        }
    }

    public boolean enabled() {
        return sender != null;
    }

    /** Sends what is pending, soon, on the outbox's own thread. */
    public void wake() {
        if (enabled()) {
            worker.execute(this::sendPending);
        }
    }

    /** Rows to be mailed were committed: send them soon. */
    @TransactionalEventListener(fallbackExecution = true)
    public void queued(JdbcNotifications.MailQueued event) {
        wake();
    }

    /** Sends pending messages, one at a time; returns how many went out. */
    public synchronized int sendPending() {
        if (!enabled()) {
            return 0;
        }
        var pending = notifications.pendingMail(200);
        int sent = 0;
        for (var p : pending) {
            var message = new SimpleMailMessage();
            message.setFrom(properties.mailFrom());
            message.setTo(p.email());
            message.setSubject("[Loa] " + p.title());
            message.setText(p.body() + "\n\n— Loa, " + properties.publicUrl());
            try {
                sender.send(message);
                notifications.mailed(p.id(), MailStatus.SENT, p.attempts() + 1);
                sent++;
            } catch (MailException e) {
                var failed = p.attempts() + 1 >= MAX_ATTEMPTS;
                log.warn("Notification {} not mailed (attempt {}): {}", p.id(), p.attempts() + 1, e.getMessage());
                notifications.mailed(p.id(), failed ? MailStatus.FAILED : MailStatus.PENDING, p.attempts() + 1);
                if (!failed) {
                    break; // the server is likely down: the next sweep tries again
                }
            }
        }
        return sent;
    }

    void schedule(Runnable sweep, long everyMillis) {
        worker.scheduleWithFixedDelay(sweep, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
