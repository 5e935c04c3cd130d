package vn.loa.app.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.app.persistence.Timestamps;
import vn.loa.connectors.Platform;
import vn.loa.connectors.quota.QuotaLedger;

/**
 * The shared quota ledger and the platforms' last usage readings, in the database every node uses.
 * Each operation is its own short transaction (even when called inside another, e.g. a collection
 * chunk), so a budget row is locked for one UPDATE, never while a platform is called.
 */
@Repository
public class QuotaStore implements QuotaLedger {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    public QuotaStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Taken take(String bucket, LocalDate day, int amount, int limit) {
        return withRow(bucket, day, () -> {
            int granted = jdbc.sql("UPDATE quota_ledger SET used = used + ? WHERE bucket = ? AND quota_day = ?"
                            + " AND used + ? <= ?")
                    .params(amount, bucket, day, amount, limit)
                    .update();
            return granted == 1 || exists(bucket, day) ? new Taken(granted == 1, used(bucket, day)) : null;
        });
    }

    @Override
    public void exhaust(String bucket, LocalDate day, int limit) {
        withRow(bucket, day, () -> {
            int raised = jdbc.sql("UPDATE quota_ledger SET used = ? WHERE bucket = ? AND quota_day = ? AND used < ?")
                    .params(limit, bucket, day, limit)
                    .update();
            return raised == 1 || exists(bucket, day) ? Boolean.TRUE : null;
        });
    }

    @Override
    public int used(String bucket, LocalDate day) {
        return jdbc.sql("SELECT COALESCE(MAX(used), 0) FROM quota_ledger WHERE bucket = ? AND quota_day = ?")
                .params(bucket, day)
                .query(Integer.class)
                .single();
    }

    private boolean exists(String bucket, LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM quota_ledger WHERE bucket = ? AND quota_day = ?")
                        .params(bucket, day)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Runs {@code work} in a transaction of its own; when it answers null (the day's row does not
     * exist yet) the row is made at zero, by whichever node gets there first, and the work runs again.
     */
    private <T> T withRow(String bucket, LocalDate day, Supplier<T> work) {
        var result = own.execute(status -> work.get());
        if (result != null) {
            return result;
        }
        try {
            own.executeWithoutResult(
                    status -> jdbc.sql("INSERT INTO quota_ledger (bucket, quota_day, used) VALUES (?, ?, 0)")
                            .params(bucket, day)
                            .update());
        } catch (DuplicateKeyException e) {
            // Another node made it at the same moment: the row is there either way.
        }
        return own.execute(status -> work.get());
    }

    /**
     * Stores a platform's usage reading for a scope, replacing the previous one; {@code deferUntil}
     * is when it stops keeping bulk work off that scope (a low reading: its own instant).
     */
    public void recordUsage(Platform platform, String scope, int percent, Instant at, Instant deferUntil) {
        if (updateUsage(platform, scope, percent, at, deferUntil)) {
            return;
        }
        try {
            own.executeWithoutResult(status -> jdbc.sql("INSERT INTO platform_usage"
                            + " (platform, scope, percent_used, observed_at, defer_until) VALUES (?, ?, ?, ?, ?)")
                    .params(platform.name(), scope, percent, Timestamps.utc(at), Timestamps.utc(deferUntil))
                    .update());
        } catch (DuplicateKeyException e) {
            // Another node stored a reading of the same scope at the same moment: store this one over it.
            updateUsage(platform, scope, percent, at, deferUntil);
        }
    }

    private boolean updateUsage(Platform platform, String scope, int percent, Instant at, Instant deferUntil) {
        return Boolean.TRUE.equals(own.execute(status -> jdbc.sql("UPDATE platform_usage SET percent_used = ?,"
                                + " observed_at = ?, defer_until = ? WHERE platform = ? AND scope = ?")
                        .params(percent, Timestamps.utc(at), Timestamps.utc(deferUntil), platform.name(), scope)
                        .update()
                == 1));
    }

    /**
     * Whether any node recorded a reading at or above {@code threshold} for the platform that still
     * defers work at {@code now}, in a scope every page shares or in {@code pageScope} (null: none).
     * A reading stored before {@code defer_until} existed defers until {@code legacySince} passes its instant.
     */
    public boolean deferring(Platform platform, int threshold, Instant now, Instant legacySince, String pageScope) {
        return jdbc.sql("SELECT COUNT(*) FROM platform_usage WHERE platform = ? AND percent_used >= ?"
                                + " AND (defer_until > ? OR (defer_until IS NULL AND observed_at > ?))"
                                + " AND (scope NOT LIKE 'page:%' OR scope = ?)")
                        .params(platform.name(), threshold, Timestamps.utc(now), Timestamps.utc(legacySince), pageScope)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
