package vn.loa.app.security;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.loa.campaigns.access.Role;

/**
 * How failed sign-ins are throttled ({@code loa.security.sign-in.*}). Per account: after
 * {@code accountDelayAfter} failures each attempt waits 1 s, 2 s, 4 s … (at most {@code maxDelay});
 * after {@code accountLockAfter} the account is locked for {@code lockFor}. Per address the same
 * with higher thresholds, since a whole office may sign in from one address. Failures older than
 * {@code window} are forgotten. {@code loa.security.totp.*}: see {@link TotpRules}.
 */
@ConfigurationProperties("loa.security")
public record SecurityProperties(SignIn signIn, TotpRules totp) {

    public SecurityProperties {
        signIn = signIn == null ? new SignIn(0, 0, 0, 0, null, null, null) : signIn;
        totp = totp == null ? new TotpRules(null, null) : totp;
    }

    /**
     * Time-based one-time passwords: every person may turn them on; people holding one of
     * {@code requiredRoles} must (none by default, so that an operator turns it on once the
     * administrators and approvers have their authenticator apps). {@code issuer} is the name
     * authenticator apps show the entry under.
     */
    public record TotpRules(Set<Role> requiredRoles, String issuer) {

        public TotpRules {
            requiredRoles = requiredRoles == null ? Set.of() : Set.copyOf(requiredRoles);
            issuer = issuer == null || issuer.isBlank() ? "Loa" : issuer.strip();
        }
    }

    public record SignIn(
            int accountDelayAfter,
            int accountLockAfter,
            int addressDelayAfter,
            int addressLockAfter,
            Duration lockFor,
            Duration maxDelay,
            Duration window) {

        public SignIn {
            accountDelayAfter = accountDelayAfter <= 0 ? 5 : accountDelayAfter;
            accountLockAfter = accountLockAfter <= 0 ? 20 : accountLockAfter;
            addressDelayAfter = addressDelayAfter <= 0 ? 10 : addressDelayAfter;
            addressLockAfter = addressLockAfter <= 0 ? 50 : addressLockAfter;
            lockFor = lockFor == null ? Duration.ofMinutes(15) : lockFor;
            maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
            window = window == null ? Duration.ofHours(1) : window;
        }
    }
}
