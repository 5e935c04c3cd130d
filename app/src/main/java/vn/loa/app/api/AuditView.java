package vn.loa.app.api;

import java.time.OffsetDateTime;
import vn.loa.campaigns.audit.AuditEntry;

/** One audit-trail step as the API shows it. */
public record AuditView(OffsetDateTime at, String actor, String from, String to, String reason) {

    public static AuditView of(AuditEntry e, ApiTimes times) {
        return new AuditView(times.inCity(e.at()), e.actor(), e.fromState(), e.toState(), e.reason());
    }
}
