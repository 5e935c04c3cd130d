package vn.loa.app.security;

import java.time.Clock;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;

/**
 * At start-up: says which roles must use two-step sign-in, and puts a change of
 * {@code loa.security.totp.required-roles} (made by restarting with another value) in the audit
 * trail, as the system's doing, old value to new.
 */
@Component
class TotpRequirement implements ApplicationRunner {

    static final String SETTING = "loa.security.totp.required-roles";

    private static final Logger log = LoggerFactory.getLogger(TotpRequirement.class);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecurityProperties.TotpRules rules;

    TotpRequirement(JdbcClient jdbc, AuditTrail audit, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.rules = properties.totp();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var now = String.join(
                ", ",
                new TreeSet<>(rules.requiredRoles().stream().map(Enum::name).toList()));
        var shown = now.isEmpty() ? "(none)" : now;
        if (!now.isEmpty()) {
            log.info("Two-step sign-in (TOTP) is required of: {}", now);
        }
        var before = jdbc.sql("SELECT value_text FROM sign_in_setting WHERE name = ?")
                .param(SETTING)
                .query(String.class)
                .optional();
        if (before.isPresent() && before.get().equals(shown)) {
            return;
        }
        if (before.isEmpty() && now.isEmpty()) {
            // The default, never changed: nothing to record.
            return;
        }
        var at = clock.instant();
        int updated = jdbc.sql("UPDATE sign_in_setting SET value_text = ?, seen_at = ? WHERE name = ?")
                .params(shown, Timestamps.utc(at), SETTING)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO sign_in_setting (name, value_text, seen_at) VALUES (?, ?, ?)")
                        .params(SETTING, shown, Timestamps.utc(at))
                        .update();
            } catch (DuplicateKeyException otherNode) {
                // Another node starting at the same moment recorded it.
                return;
            }
        }
        audit.append(AuditEntry.named(
                AuditEntry.Subject.SETTING,
                SETTING,
                AuditEntry.SYSTEM,
                at,
                "CHANGED",
                "two-step sign-in required of: " + before.orElse("(none)") + " → " + shown));
    }
}
