package vn.loa.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.NotAllowed;
import vn.loa.campaigns.shared.NotFound;

/**
 * Personal API tokens: made by a person signed in with their password (never by another token, so a
 * stolen token cannot breed), shown once, stored as a hash, revocable. A token acts as its owner
 * with the owner's current roles, and stops working when the owner is disabled.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "loa_";
    private static final int MAX_ACTIVE = 20;
    /** Last use is written at most this often, so a busy script costs no write per call. */
    private static final Duration USE_GRANULARITY = Duration.ofMinutes(1);

    /** A token as its owner sees it in a list: never the token itself. */
    public record TokenInfo(
            long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

    /** A new token: {@code token} is shown this once. */
    public record NewToken(TokenInfo info, String token) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public NewToken create(Actor actor, String name, boolean signedInWithToken) {
        if (signedInWithToken) {
            throw new NotAllowed("A token cannot make tokens: sign in with your password to make one");
        }
        new Checks().requiredText("name", name, 100).throwIfAny();
        long active = jdbc.sql("SELECT COUNT(*) FROM api_token WHERE username = ? AND revoked_at IS NULL")
                .param(actor.username())
                .query(Long.class)
                .single();
        new Checks()
                .that(active < MAX_ACTIVE, "name", "you have " + MAX_ACTIVE + " tokens already; revoke one first")
                .throwIfAny();
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var prefix = token.substring(0, PREFIX.length() + 6);
        var now = clock.instant();
        jdbc.sql("INSERT INTO api_token (username, name, token_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(actor.username(), name.strip(), hash(token), prefix, Timestamps.utc(now))
                .update();
        var id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?")
                .param(hash(token))
                .query(Long.class)
                .single();
        audit.append(AuditEntry.named(
                AuditEntry.Subject.USER,
                actor.username(),
                actor.username(),
                now,
                "TOKEN_CREATED",
                "API token #" + id + " '" + name.strip() + "' (" + prefix + "…)"));
        return new NewToken(new TokenInfo(id, name.strip(), prefix, now, null, null), token);
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> list(Actor actor) {
        return jdbc.sql("SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_token"
                        + " WHERE username = ? ORDER BY id DESC")
                .param(actor.username())
                .query((rs, row) -> new TokenInfo(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("prefix"),
                        Timestamps.read(rs, "created_at"),
                        Timestamps.read(rs, "last_used_at"),
                        Timestamps.read(rs, "revoked_at")))
                .list();
    }

    /** The owner revokes one of their tokens; it stops working at once. */
    @Transactional
    public void revoke(Actor actor, long id) {
        var now = clock.instant();
        int revoked = jdbc.sql(
                        "UPDATE api_token SET revoked_at = ? WHERE id = ? AND username = ? AND revoked_at IS NULL")
                .params(Timestamps.utc(now), id, actor.username())
                .update();
        if (revoked == 0) {
            throw new NotFound("API token", id);
        }
        audit.append(AuditEntry.named(
                AuditEntry.Subject.USER, actor.username(), actor.username(), now, "TOKEN_REVOKED", "API token #" + id));
    }

    /** Whose token this is, if it is one and still stands; notes its use. */
    @Transactional
    public Optional<String> owner(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        var digest = hash(token);
        var now = clock.instant();
        var owner = jdbc.sql("SELECT username FROM api_token WHERE token_hash = ? AND revoked_at IS NULL")
                .param(digest)
                .query(String.class)
                .optional();
        owner.ifPresent(u -> jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE token_hash = ?"
                        + " AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(Timestamps.utc(now), digest, Timestamps.utc(now.minus(USE_GRANULARITY)))
                .update());
        return owner;
    }

    private static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
