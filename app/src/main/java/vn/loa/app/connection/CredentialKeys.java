package vn.loa.app.connection;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;

/**
 * The administrators' side of key rotation ({@code POST /api/credentials/rotate}): the same
 * re-sealing as {@code java -jar loa.jar rotate-credentials}, audited per channel.
 */
@Service
public class CredentialKeys {

    private final JdbcClient jdbc;
    private final PlatformTransactionManager tm;
    private final CredentialCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;

    public CredentialKeys(
            JdbcClient jdbc, PlatformTransactionManager tm, CredentialCipher cipher, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.tm = tm;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    public CredentialRotation.Result rotate(Actor actor) {
        Permissions.requireAny(actor, "rotate the credentials key", Role.ADMIN);
        var result = new CredentialRotation(jdbc, tm, cipher).resealAll();
        var now = clock.instant();
        for (var channel : result.resealed()) {
            audit.append(new AuditEntry(
                    null,
                    AuditEntry.Subject.CHANNEL,
                    channel,
                    actor.username(),
                    now,
                    null,
                    "CREDENTIALS_RESEALED",
                    "credentials re-sealed under key " + result.keyId()));
        }
        return result;
    }
}
