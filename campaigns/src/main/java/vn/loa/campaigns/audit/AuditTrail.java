package vn.loa.campaigns.audit;

import java.util.List;

/** Append-only record of every workflow step. There is deliberately no update or delete. */
public interface AuditTrail {

    void append(AuditEntry entry);

    List<AuditEntry> history(AuditEntry.Subject subject, long subjectId);
}
