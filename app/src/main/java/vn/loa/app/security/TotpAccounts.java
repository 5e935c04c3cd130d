package vn.loa.app.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.app.connection.CredentialCipher;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotFound;

/**
 * The second factor: time-based one-time passwords (RFC 6238) from an authenticator app, with
 * recovery codes for a lost phone. A person turns it on in two steps (the server makes a secret,
 * the person proves their app has it with a first code), and only then is it asked for. The
 * secret is sealed under the credentials key (and re-sealed with the platform credentials when the
 * key rotates, see CredentialRotation) and never leaves the server again after enrolment;
 * recovery codes are shown once and kept as hashes. Each code is accepted once: a code of a step
 * at or before the last accepted one is refused (replay). Every change is audited, never a
 * secret or a code.
 */
@Service
public class TotpAccounts {

    /** Ten codes, about 50 bits each: enough for a lost phone, none guessable. */
    static final int RECOVERY_CODES = 10;

    /** No 0/O, 1/l/I: recovery codes are written down and typed from paper. */
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private static final int SECRET_BYTES = 20;

    /** What the person types into their authenticator app (or scans): shown once, at enrolment. */
    public record Enrolment(String secret, String otpauthUri) {}

    /** Where a person's second factor stands. */
    public record Status(boolean enabled, boolean pending, int recoveryCodesLeft, Instant enabledAt) {}

    /** What a code given at sign-in was. */
    public enum Check {
        /** A current code of the authenticator app, not used before. */
        CODE,
        /** An unused recovery code, now spent. */
        RECOVERY_CODE,
        /** Wrong, already used, or the person has no second factor: the same refusal. */
        REFUSED
    }

    private record Row(String sealed, Instant confirmedAt) {}

    private final JdbcClient jdbc;
    private final CredentialCipher cipher;
    private final UserAccounts accounts;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecurityProperties.TotpRules rules;
    private final SecureRandom random = new SecureRandom();

    TotpAccounts(
            JdbcClient jdbc,
            CredentialCipher cipher,
            UserAccounts accounts,
            SignInThrottle throttle,
            AuditTrail audit,
            Clock clock,
            SecurityProperties properties) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.rules = properties.totp();
    }

    /** The roles the operator requires a second factor of ({@code loa.security.totp.required-roles}). */
    public Set<Role> requiredRoles() {
        return rules.requiredRoles();
    }

    /** Whether this person holds a role that requires TOTP and has not turned it on yet. */
    public boolean mustEnrol(LoaUser user) {
        return user.roles().stream().anyMatch(rules.requiredRoles()::contains) && !enabled(user.getUsername());
    }

    @Transactional(readOnly = true)
    public boolean enabled(String username) {
        return row(username).map(r -> r.confirmedAt() != null).orElse(false);
    }

    @Transactional(readOnly = true)
    public Status status(String username) {
        var row = row(username);
        int left = jdbc.sql("SELECT COUNT(*) FROM user_recovery_code WHERE username = ? AND used_at IS NULL")
                .param(username)
                .query(Integer.class)
                .single();
        return new Status(
                row.map(r -> r.confirmedAt() != null).orElse(false),
                row.map(r -> r.confirmedAt() == null).orElse(false),
                left,
                row.map(Row::confirmedAt).orElse(null));
    }

    /** The usernames with TOTP on, for the administrators' list. */
    @Transactional(readOnly = true)
    public Set<String> enrolled() {
        return new HashSet<>(jdbc.sql("SELECT username FROM user_totp WHERE confirmed_at IS NOT NULL")
                .query(String.class)
                .list());
    }

    /**
     * Step one: a fresh secret for the person's authenticator app. Starting again replaces an
     * enrolment not yet confirmed; an enrolment in force must be turned off first.
     */
    @Transactional
    public Enrolment start(Actor actor) {
        var username = actor.username();
        if (enabled(username)) {
            throw InvalidInput.of("totp", "is already on; turn it off first to move to another authenticator");
        }
        var bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        var secret = Totp.base32(bytes);
        jdbc.sql("DELETE FROM user_totp WHERE username = ?").param(username).update();
        jdbc.sql("INSERT INTO user_totp (username, sealed_secret, created_at) VALUES (?, ?, ?)")
                .params(username, cipher.seal(secret, binding(username)), Timestamps.utc(clock.instant()))
                .update();
        return new Enrolment(secret, uri(username, secret));
    }

    /**
     * Step two: the first code from the app turns TOTP on and answers the recovery codes, this
     * once. The code's step counts as used.
     */
    @Transactional
    public List<String> confirm(Actor actor, String code) {
        var username = actor.username();
        new Checks().required("code", blankToNull(code)).throwIfAny();
        var row = row(username)
                .filter(r -> r.confirmedAt() == null)
                .orElseThrow(() ->
                        InvalidInput.of("code", enabled(username) ? "TOTP is already on" : "start enrolment first"));
        var now = clock.instant();
        var step = Totp.matchingStep(secret(username, row), code, now);
        if (step.isEmpty()) {
            throw InvalidInput.of(
                    "code", "is not the current code of your authenticator app (is the phone's clock right?)");
        }
        jdbc.sql("UPDATE user_totp SET confirmed_at = ?, last_step = ? WHERE username = ?")
                .params(Timestamps.utc(now), step.getAsLong(), username)
                .update();
        var codes = newRecoveryCodes(username);
        record(
                username,
                username,
                "TOTP_ENABLED",
                "authenticator enrolled; " + codes.size() + " recovery codes issued");
        return codes;
    }

    /**
     * The second sign-in step, on the web and the API alike: a wrong code counts toward the sign-in
     * throttle like a wrong password, and an attempt that must wait is refused unchecked.
     */
    @Transactional
    public Check signIn(String username, String code, String address) {
        if (throttle.mustWait(username, address)) {
            return Check.REFUSED;
        }
        var result = check(username, code);
        if (result == Check.REFUSED) {
            throttle.failed(username, address);
        } else {
            throttle.succeeded(username);
        }
        return result;
    }

    /**
     * Turning TOTP off takes the password and a current code (or a recovery code); wrong codes
     * count toward the sign-in throttle (kept when the refusal rolls back: a refusal changes nothing
     * else).
     */
    @Transactional(noRollbackFor = InvalidInput.class)
    public void disable(Actor actor, String password, String code) {
        var username = actor.username();
        passwordAndCode(username, password, code);
        remove(username);
        record(username, username, "TOTP_DISABLED", "turned off by the person themselves; recovery codes void");
    }

    /**
     * Ten new recovery codes in place of the old ones (used up, or possibly seen), shown this
     * once; the same proof as turning TOTP off.
     */
    @Transactional(noRollbackFor = InvalidInput.class)
    public List<String> renewRecoveryCodes(Actor actor, String password, String code) {
        var username = actor.username();
        passwordAndCode(username, password, code);
        var codes = newRecoveryCodes(username);
        record(username, username, "RECOVERY_CODES_RENEWED", codes.size() + " new recovery codes; the old ones void");
        return codes;
    }

    /** The proof for a change to one's second factor: the password, then a code (throttled). */
    private void passwordAndCode(String username, String password, String code) {
        var checks = new Checks().required("password", blankToNull(password)).required("code", blankToNull(code));
        if (blankToNull(password) != null) {
            checks.that(accounts.passwordMatches(username, password), "password", "is not your password");
        }
        checks.throwIfAny();
        if (!enabled(username)) {
            throw InvalidInput.of("code", "TOTP is not on");
        }
        // The password is known here, so a wrong code counts toward the throttle as at sign-in.
        if (throttle.mustWait(username, null)) {
            throw InvalidInput.of("code", "too many wrong codes: wait a little and try again");
        }
        if (check(username, code) == Check.REFUSED) {
            throttle.failed(username, null);
            throw InvalidInput.of("code", "is not a current code or an unused recovery code");
        }
        throttle.succeeded(username);
    }

    /**
     * An administrator removes someone's second factor (a lost phone and no recovery code left);
     * the person's open sessions end.
     */
    @Transactional
    public void reset(Actor actor, String username) {
        Permissions.requireAny(actor, "reset a second factor", Role.ADMIN);
        accounts.find(username).orElseThrow(() -> new NotFound("user", username));
        if (row(username).isEmpty()) {
            throw InvalidInput.of("username", "has no TOTP to reset");
        }
        remove(username);
        // The phone may be in someone else's hands: sessions opened with it end too.
        accounts.endSessions(username);
        record(
                username,
                actor.username(),
                "TOTP_RESET",
                "authenticator and recovery codes removed by an administrator; sessions ended; the person may enrol"
                        + " again");
    }

    private Check check(String username, String code) {
        var row = row(username).filter(r -> r.confirmedAt() != null);
        if (row.isEmpty() || code == null) {
            return Check.REFUSED;
        }
        var given = code.strip().replace(" ", "");
        if (given.matches("\\d{6}")) {
            var step = Totp.matchingStep(secret(username, row.get()), given, clock.instant());
            if (step.isEmpty()) {
                return Check.REFUSED;
            }
            // Only a step later than the last one accepted: the same code (or an older one) never twice.
            int accepted = jdbc.sql("UPDATE user_totp SET last_step = ? WHERE username = ?"
                            + " AND (last_step IS NULL OR last_step < ?)")
                    .params(step.getAsLong(), username, step.getAsLong())
                    .update();
            return accepted == 1 ? Check.CODE : Check.REFUSED;
        }
        return recoveryCode(username, given);
    }

    private Check recoveryCode(String username, String given) {
        var normalised = given.replace("-", "").toLowerCase(Locale.ROOT);
        if (normalised.isEmpty() || normalised.length() > 40) {
            return Check.REFUSED;
        }
        var id = jdbc.sql("SELECT id FROM user_recovery_code WHERE username = ? AND code_hash = ? AND used_at IS NULL")
                .params(username, hash(username, normalised))
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return Check.REFUSED;
        }
        int spent = jdbc.sql("UPDATE user_recovery_code SET used_at = ? WHERE id = ? AND used_at IS NULL")
                .params(Timestamps.utc(clock.instant()), id.get())
                .update();
        if (spent == 0) {
            return Check.REFUSED;
        }
        int left = jdbc.sql("SELECT COUNT(*) FROM user_recovery_code WHERE username = ? AND used_at IS NULL")
                .param(username)
                .query(Integer.class)
                .single();
        record(username, username, "RECOVERY_CODE_USED", left + " recovery codes left");
        return Check.RECOVERY_CODE;
    }

    private List<String> newRecoveryCodes(String username) {
        jdbc.sql("DELETE FROM user_recovery_code WHERE username = ?")
                .param(username)
                .update();
        var codes = new ArrayList<String>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            var code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            jdbc.sql("INSERT INTO user_recovery_code (username, code_hash) VALUES (?, ?)")
                    .params(username, hash(username, code.toString()))
                    .update();
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return List.copyOf(codes);
    }

    private void remove(String username) {
        jdbc.sql("DELETE FROM user_recovery_code WHERE username = ?")
                .param(username)
                .update();
        jdbc.sql("DELETE FROM user_totp WHERE username = ?").param(username).update();
    }

    private Optional<Row> row(String username) {
        return jdbc.sql("SELECT sealed_secret, confirmed_at FROM user_totp WHERE username = ?")
                .param(username)
                .query((rs, n) -> new Row(rs.getString("sealed_secret"), Timestamps.read(rs, "confirmed_at")))
                .optional();
    }

    private byte[] secret(String username, Row row) {
        return Totp.fromBase32(cipher.open(row.sealed(), binding(username)));
    }

    /** Bound to the person: a sealed secret copied to another person's row does not open. */
    private static CredentialCipher.Binding binding(String username) {
        return CredentialCipher.Binding.totp(username);
    }

    private String uri(String username, String secret) {
        var issuer = encode(rules.issuer());
        return "otpauth://totp/" + issuer + ":" + encode(username) + "?secret=" + secret + "&issuer=" + issuer
                + "&algorithm=SHA1&digits=6&period=" + Totp.STEP_SECONDS;
    }

    private void record(String username, String by, String action, String whatChanged) {
        audit.append(AuditEntry.named(AuditEntry.Subject.USER, username, by, clock.instant(), action, whatChanged));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String hash(String username, String code) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((username + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
