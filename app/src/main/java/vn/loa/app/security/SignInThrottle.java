package vn.loa.app.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;

/**
 * Slows down password guessing, on the API and the web sign-in alike: failures are counted per
 * account and per client address; past a threshold each attempt must wait a growing delay, past a
 * higher one the account or address is locked (audited) until the lock runs out or an
 * administrator lifts it. Attempts refused for waiting are not counted, and unknown usernames are
 * counted like real ones, so the answers say nothing about which accounts exist.
 */
@Service
public class SignInThrottle {

    /** What a failure count is kept for. */
    public enum Scope {
        ACCOUNT,
        ADDRESS
    }

    /** A lock in force, as the administration page and API list them. */
    public record Lock(Scope scope, String key, Instant until) {}

    private record Row(int failures, Instant lastFailure, Instant lockedUntil) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecurityProperties.SignIn rules;

    SignInThrottle(JdbcClient jdbc, AuditTrail audit, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.rules = properties.signIn();
    }

    /** Whether an attempt for this account from this address must be refused unchecked, now. */
    @Transactional(readOnly = true)
    public boolean mustWait(String username, String address) {
        var now = clock.instant();
        return waiting(find(Scope.ACCOUNT, account(username)), rules.accountDelayAfter(), now)
                || (address != null && waiting(find(Scope.ADDRESS, address(address)), rules.addressDelayAfter(), now));
    }

    /** A wrong password (or second factor): counted for the account and the address; locks when due. */
    @Transactional
    public void failed(String username, String address) {
        count(Scope.ACCOUNT, account(username), rules.accountLockAfter());
        if (address != null) {
            count(Scope.ADDRESS, address(address), rules.addressLockAfter());
        }
    }

    /** A right password: the account's count starts again (the address's does not). */
    @Transactional
    public void succeeded(String username) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE scope = ? AND key_value = ?"
                        + " AND (locked_until IS NULL OR locked_until <= ?)")
                .params(Scope.ACCOUNT.name(), account(username), Timestamps.utc(clock.instant()))
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(Scope scope, String key) {
        var now = clock.instant();
        return find(scope, scope == Scope.ACCOUNT ? account(key) : address(key))
                .map(Row::lockedUntil)
                .filter(until -> until.isAfter(now));
    }

    /** The locks in force now. */
    @Transactional(readOnly = true)
    public List<Lock> locks(Actor actor) {
        Permissions.requireAny(actor, "see sign-in locks", Role.ADMIN);
        return jdbc.sql("SELECT scope, key_value, locked_until FROM sign_in_throttle WHERE locked_until > ?"
                        + " ORDER BY locked_until DESC")
                .param(Timestamps.utc(clock.instant()))
                .query((rs, row) -> new Lock(
                        Scope.valueOf(rs.getString("scope")),
                        rs.getString("key_value"),
                        Timestamps.read(rs, "locked_until")))
                .list();
    }

    /** An administrator lifts a lock (or a pending delay) on an account or an address. */
    @Transactional
    public void unlock(Actor actor, Scope scope, String key) {
        Permissions.requireAny(actor, "unlock sign-ins", Role.ADMIN);
        var normalised = scope == Scope.ACCOUNT ? account(key) : address(key);
        var removed = jdbc.sql("DELETE FROM sign_in_throttle WHERE scope = ? AND key_value = ?")
                .params(scope.name(), normalised)
                .update();
        if (removed > 0) {
            audit.append(AuditEntry.named(
                    subject(scope),
                    normalised,
                    actor.username(),
                    clock.instant(),
                    "UNLOCKED",
                    "failed sign-ins forgotten"));
        }
    }

    private boolean waiting(Optional<Row> row, int delayAfter, Instant now) {
        if (row.isEmpty()) {
            return false;
        }
        var r = row.get();
        if (r.lockedUntil() != null && r.lockedUntil().isAfter(now)) {
            return true;
        }
        if (r.failures() < delayAfter || r.lastFailure().isBefore(now.minus(rules.window()))) {
            return false;
        }
        return r.lastFailure().plus(delay(r.failures() - delayAfter)).isAfter(now);
    }

    /** 1 s after the threshold, doubling with each further failure, at most maxDelay. */
    private Duration delay(int beyond) {
        var seconds = beyond >= 30 ? Long.MAX_VALUE : 1L << beyond;
        return seconds >= rules.maxDelay().toSeconds() ? rules.maxDelay() : Duration.ofSeconds(seconds);
    }

    private void count(Scope scope, String key, int lockAfter) {
        var now = clock.instant();
        var forgetBefore = Timestamps.utc(now.minus(rules.window()));
        // A count whose last failure is older than the window, and not locked, starts again at 1.
        int updated = jdbc.sql("UPDATE sign_in_throttle SET failures = CASE WHEN last_failure_at < :forget"
                        + " AND locked_until IS NULL THEN 1 ELSE failures + 1 END, last_failure_at = :now"
                        + " WHERE scope = :scope AND key_value = :key")
                .param("forget", forgetBefore)
                .param("now", Timestamps.utc(now))
                .param("scope", scope.name())
                .param("key", key)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO sign_in_throttle (scope, key_value, failures, last_failure_at)"
                                + " VALUES (?, ?, 1, ?)")
                        .params(scope.name(), key, Timestamps.utc(now))
                        .update();
            } catch (DuplicateKeyException raced) {
                count(scope, key, lockAfter);
                return;
            }
        }
        var row = find(scope, key).orElseThrow();
        if (row.failures() >= lockAfter) {
            var until = now.plus(rules.lockFor());
            // The count starts again under the lock: once it runs out, the delays apply afresh.
            jdbc.sql("UPDATE sign_in_throttle SET failures = 0, locked_until = ? WHERE scope = ? AND key_value = ?")
                    .params(Timestamps.utc(until), scope.name(), key)
                    .update();
            audit.append(AuditEntry.named(
                    subject(scope),
                    key,
                    AuditEntry.SYSTEM,
                    now,
                    "LOCKED",
                    row.failures() + " failed sign-ins; locked until " + until + " or until an administrator unlocks"));
        } else if (row.lockedUntil() != null && !row.lockedUntil().isAfter(now)) {
            jdbc.sql("UPDATE sign_in_throttle SET locked_until = NULL WHERE scope = ? AND key_value = ?")
                    .params(scope.name(), key)
                    .update();
        }
    }

    private Optional<Row> find(Scope scope, String key) {
        return jdbc.sql("SELECT failures, last_failure_at, locked_until FROM sign_in_throttle"
                        + " WHERE scope = ? AND key_value = ?")
                .params(scope.name(), key)
                .query((rs, n) -> row(rs))
                .optional();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getInt("failures"), Timestamps.read(rs, "last_failure_at"), Timestamps.read(rs, "locked_until"));
    }

    private static AuditEntry.Subject subject(Scope scope) {
        return scope == Scope.ACCOUNT ? AuditEntry.Subject.USER : AuditEntry.Subject.ADDRESS;
    }

    private static String account(String username) {
        var key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    private static String address(String address) {
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
