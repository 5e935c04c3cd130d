package vn.loa.app.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;

/**
 * The audit trail in one table. Inside a transaction, entries are gathered and written in one JDBC
 * batch just before it commits (same transaction, same order), so a burst of workflow steps costs
 * one round trip instead of one per step.
 */
@Repository
class JdbcAuditTrail implements AuditTrail {

    private static final String INSERT = "INSERT INTO audit_entry (subject, subject_id, actor, occurred_at, from_state,"
            + " to_state, reason) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcAuditTrail(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public void append(AuditEntry e) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            template.batchUpdate(INSERT, List.<Object[]>of(row(e)));
            return;
        }
        pending().add(row(e));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> pending() {
        var key = JdbcAuditTrail.class;
        var list = (List<Object[]>) TransactionSynchronizationManager.getResource(key);
        if (list == null) {
            var fresh = new ArrayList<Object[]>();
            TransactionSynchronizationManager.bindResource(key, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    if (!fresh.isEmpty()) {
                        template.batchUpdate(INSERT, fresh);
                        fresh.clear();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            return fresh;
        }
        return list;
    }

    private static Object[] row(AuditEntry e) {
        return new Object[] {
            e.subject().name(), e.subjectId(), e.actor(), Timestamps.utc(e.at()), e.fromState(), e.toState(), e.reason()
        };
    }

    @Override
    public List<AuditEntry> history(AuditEntry.Subject subject, long subjectId) {
        return jdbc.sql("SELECT id, subject, subject_id, actor, occurred_at, from_state, to_state, reason"
                        + " FROM audit_entry WHERE subject = ? AND subject_id = ? ORDER BY id")
                .params(subject.name(), subjectId)
                .query((rs, row) -> new AuditEntry(
                        rs.getLong("id"),
                        AuditEntry.Subject.valueOf(rs.getString("subject")),
                        rs.getLong("subject_id"),
                        rs.getString("actor"),
                        Timestamps.read(rs, "occurred_at"),
                        rs.getString("from_state"),
                        rs.getString("to_state"),
                        rs.getString("reason")))
                .list();
    }
}
