package vn.loa.app.connection;

import java.time.Clock;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.app.persistence.Timestamps;
import vn.loa.connectors.credentials.CredentialStore;
import vn.loa.connectors.credentials.Credentials;
import vn.loa.connectors.credentials.MissingCredentials;

/**
 * One channel's sealed credentials in the database. {@link #update} holds the row lock
 * (SELECT … FOR UPDATE) while the connector refreshes, so two Loa nodes never spend the same
 * single-use refresh token, and commits the new pair before anyone uses it.
 */
final class JdbcCredentialStore implements CredentialStore {

    private final long channelId;
    private final JdbcClient jdbc;
    private final CredentialCipher cipher;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    JdbcCredentialStore(
            long channelId, JdbcClient jdbc, CredentialCipher cipher, PlatformTransactionManager tm, Clock clock) {
        this.channelId = channelId;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(tm);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Credentials current() {
        return read("SELECT sealed FROM channel_credential WHERE channel_id = ?");
    }

    @Override
    public Credentials update(UnaryOperator<Credentials> change) {
        return newTransaction.execute(status -> {
            var before = read("SELECT sealed FROM channel_credential WHERE channel_id = ? FOR UPDATE");
            var after = change.apply(before);
            if (!after.equals(before)) {
                jdbc.sql("UPDATE channel_credential SET sealed = ?, updated_at = ?, updated_by = 'token-refresh'"
                                + " WHERE channel_id = ?")
                        .params(
                                cipher.seal(CredentialCodec.write(after), channelId),
                                Timestamps.utc(clock.instant()),
                                channelId)
                        .update();
            }
            return after;
        });
    }

    private Credentials read(String sql) {
        var sealed = jdbc.sql(sql)
                .param(channelId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new MissingCredentials("channel " + channelId));
        return CredentialCodec.read(cipher.open(sealed, channelId));
    }
}
