package vn.loa.app.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A web session whose password was right but whose one-time code is still due. It is not
 * authenticated and holds no role, so nothing but the code page lets it through; it lapses after
 * {@link #LIFETIME}, and the person starts again with the password.
 */
public final class PendingSecondFactor extends AbstractAuthenticationToken {

    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private final String username;
    private final Instant passwordAt;

    PendingSecondFactor(String username, Instant passwordAt, Object details) {
        super(List.of());
        this.username = username;
        this.passwordAt = passwordAt;
        setDetails(details);
        setAuthenticated(false);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getPrincipal() {
        return username;
    }

    public String username() {
        return username;
    }

    public boolean lapsed(Instant now) {
        return !now.isBefore(passwordAt.plus(LIFETIME));
    }
}
