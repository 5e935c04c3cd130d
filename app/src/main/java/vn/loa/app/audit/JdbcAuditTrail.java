package vn.loa.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.loa.app.persistence.Pages;
import vn.loa.app.persistence.SqlFilter;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;

/**
 * The audit trail in one table. Inside a transaction, entries are gathered and written in one JDBC
 * batch just before it commits (same transaction, same order), so a burst of workflow steps costs
 * one round trip instead of one per step. An entry made while serving a request gets that request's
 * client address (forwarded-aware: the servlet container resolves X-Forwarded-For from trusted
 * proxies, see server.forward-headers-strategy).
 */
@Repository
public class JdbcAuditTrail implements AuditTrail {

    private static final String INSERT =
            "INSERT INTO audit_entry (subject, subject_id, subject_key, actor, occurred_at,"
                    + " from_state, to_state, reason, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS =
            "SELECT id, subject, subject_id, subject_key, actor, occurred_at, from_state, to_state, reason, address";

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
            e.subject().name(),
            e.subjectId(),
            e.subjectKey(),
            e.actor(),
            Timestamps.utc(e.at()),
            e.fromState(),
            e.toState(),
            e.reason(),
            e.address() != null ? e.address() : requestAddress()
        };
    }

    /** The client address of the request being served on this thread, if any. */
    static String requestAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    @Override
    public List<AuditEntry> history(AuditEntry.Subject subject, long subjectId) {
        return jdbc.sql(COLUMNS + " FROM audit_entry WHERE subject = ? AND subject_id = ? ORDER BY id")
                .params(subject.name(), subjectId)
                .query((rs, row) -> read(rs))
                .list();
    }

    /** The newest entries first, narrowed by whichever of the query's filters are given. */
    public Page<AuditEntry> search(AuditQuery q, PageRequest page) {
        var filter = new SqlFilter()
                .eq("actor", "actor", q.actor())
                .eq("subject", "subject", q.kind())
                .eq("to_state", "action", q.action())
                .within("occurred_at", q.range());
        if (q.subject() != null) {
            if (q.subject().matches("\\d{1,18}")) {
                filter.condition(
                        "(subject_key = :key OR (subject_key IS NULL AND subject_id = :keyId))", "key", q.subject());
                filter.params().put("keyId", Long.parseLong(q.subject()));
            } else {
                filter.condition("subject_key = :key", "key", q.subject());
            }
        }
        return Pages.fetch(
                jdbc, COLUMNS, "FROM audit_entry" + filter.where(), filter, "id DESC", page, (rs, row) -> read(rs));
    }

    private static AuditEntry read(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                AuditEntry.Subject.valueOf(rs.getString("subject")),
                rs.getLong("subject_id"),
                rs.getString("subject_key"),
                rs.getString("actor"),
                Timestamps.read(rs, "occurred_at"),
                rs.getString("from_state"),
                rs.getString("to_state"),
                rs.getString("reason"),
                rs.getString("address"));
    }
}
