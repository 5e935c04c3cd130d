package vn.loa.app.connection;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals every stored credential under the current key, so that the old key is no longer
 * needed: the platform credentials and the people's TOTP secrets (sealed with the same key; the
 * only statements outside TotpAccounts that touch user_totp, so that one rotation frees the old
 * key). One row at a time, each under its row lock (SELECT … FOR UPDATE, as a token refresh
 * takes it), so a running Loa keeps refreshing and publishing meanwhile. Runs again safely: values
 * already under the current key are left as they are.
 */
public final class CredentialRotation {

    /**
     * What a rotation did.
     *
     * @param keyId     the key everything is now sealed with
     * @param resealed  channels whose credentials were re-sealed
     * @param current   channels already sealed with that key
     * @param failures  channels whose credentials (or people whose TOTP secret) no configured key
     *                  opens (named, never their value)
     * @param totpResealed how many TOTP secrets were re-sealed
     */
    public record Result(String keyId, List<Long> resealed, int current, List<String> failures, int totpResealed) {

        public boolean complete() {
            return failures.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CredentialCipher cipher;

    public CredentialRotation(JdbcClient jdbc, PlatformTransactionManager tm, CredentialCipher cipher) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tm);
        this.cipher = cipher;
    }

    /** For the command, outside the application: plain JDBC on the configured database. */
    public CredentialRotation(DataSource dataSource, CredentialCipher cipher) {
        this(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource), cipher);
    }

    public Result resealAll() {
        var ids = jdbc.sql("SELECT channel_id FROM channel_credential ORDER BY channel_id")
                .query(Long.class)
                .list();
        var resealed = new ArrayList<Long>();
        var failures = new ArrayList<String>();
        int current = 0;
        for (var id : ids) {
            try {
                var changed = tx.execute(status -> resealOne(id));
                if (Boolean.TRUE.equals(changed)) {
                    resealed.add(id);
                } else {
                    current++;
                }
            } catch (IllegalStateException e) {
                failures.add("channel " + id + ": " + e.getMessage());
            }
        }
        int totp = 0;
        var people = jdbc.sql("SELECT username FROM user_totp ORDER BY username")
                .query(String.class)
                .list();
        for (var username : people) {
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> resealTotp(username)))) {
                    totp++;
                }
            } catch (IllegalStateException e) {
                failures.add(e.getMessage());
            }
        }
        return new Result(cipher.currentKeyId(), List.copyOf(resealed), current, List.copyOf(failures), totp);
    }

    private boolean resealTotp(String username) {
        var sealed = jdbc.sql("SELECT sealed_secret FROM user_totp WHERE username = ? FOR UPDATE")
                .param(username)
                .query(String.class)
                .optional();
        if (sealed.isEmpty() || !cipher.needsResealing(sealed.get())) {
            return false;
        }
        var binding = CredentialCipher.Binding.totp(username);
        jdbc.sql("UPDATE user_totp SET sealed_secret = ? WHERE username = ?")
                .params(cipher.reseal(sealed.get(), binding), username)
                .update();
        return true;
    }

    /** True when the row was re-sealed; false when it already was under the current key (or is gone). */
    private boolean resealOne(long channelId) {
        var sealed = jdbc.sql("SELECT sealed FROM channel_credential WHERE channel_id = ? FOR UPDATE")
                .param(channelId)
                .query(String.class)
                .optional();
        if (sealed.isEmpty() || !cipher.needsResealing(sealed.get())) {
            return false;
        }
        // Who connected the channel and when stay as they were: the credentials themselves did not change.
        jdbc.sql("UPDATE channel_credential SET sealed = ? WHERE channel_id = ?")
                .params(cipher.reseal(sealed.get(), channelId), channelId)
                .update();
        return true;
    }
}
