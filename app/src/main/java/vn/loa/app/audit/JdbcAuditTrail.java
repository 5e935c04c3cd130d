package vn.loa.app.audit;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;

@Repository
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;

    JdbcAuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AuditEntry e) {
        jdbc.sql("INSERT INTO audit_entry (subject, subject_id, actor, occurred_at, from_state, to_state, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(e.subject().name(), e.subjectId(), e.actor(), Timestamps.utc(e.at()), e.fromState(),
                        e.toState(), e.reason())
                .update();
    }

    @Override
    public List<AuditEntry> history(AuditEntry.Subject subject, long subjectId) {
        return jdbc.sql("SELECT id, subject, subject_id, actor, occurred_at, from_state, to_state, reason"
                        + " FROM audit_entry WHERE subject = ? AND subject_id = ? ORDER BY id")
                .params(subject.name(), subjectId)
                .query((rs, row) -> new AuditEntry(rs.getLong("id"), AuditEntry.Subject.valueOf(rs.getString("subject")),
                        rs.getLong("subject_id"), rs.getString("actor"), Timestamps.read(rs, "occurred_at"),
                        rs.getString("from_state"), rs.getString("to_state"), rs.getString("reason")))
                .list();
    }
}
