package vn.loa.app.audit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;

/** Reading the whole audit trail: administrators and leadership only. */
@Service
public class AuditLog {

    private final JdbcAuditTrail trail;

    AuditLog(JdbcAuditTrail trail) {
        this.trail = trail;
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> find(AuditQuery query, PageRequest page, Actor actor) {
        Permissions.requireAny(actor, "read the audit trail", Role.ADMIN, Role.LEADERSHIP);
        return trail.search(query, page);
    }
}
