package vn.loa.app.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Signs a person in by username and password, for the API (HTTP Basic) and the web sign-in alike.
 * Every refusal is the same {@link BadCredentialsException} after the same work (the password is
 * checked against a stand-in hash when the username is unknown), so neither the answer nor its
 * timing tells an outsider whether the account exists, is disabled or is locked. Failures are
 * throttled per account and per client address ({@link SignInThrottle}); an attempt that must wait
 * is refused without looking at the password. For a person with TOTP on, a right password is only
 * the first step: the web asks for the code next ({@link SecondStep}), the API wants a token or a
 * code ({@link AccountGate}).
 */
class PasswordAuthentication implements AuthenticationProvider {

    static final String REFUSED = "Wrong username or password, or the account may not sign in now";

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final TotpAccounts totp;
    private final String standIn;

    PasswordAuthentication(UserAccounts accounts, PasswordEncoder encoder, SignInThrottle throttle, TotpAccounts totp) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.totp = totp;
        this.standIn = encoder.encode("stand-in for an unknown user");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        var username = request.getName();
        var password =
                request.getCredentials() == null ? "" : request.getCredentials().toString();
        var address =
                request.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (throttle.mustWait(username, address)) {
            throw new BadCredentialsException(REFUSED);
        }
        var user = accounts.find(username);
        boolean matches =
                encoder.matches(password, user.map(LoaUser::getPassword).orElse(standIn));
        if (user.isEmpty() || !matches) {
            throw failed(username, address);
        }
        if (!user.get().isEnabled()) {
            throw new BadCredentialsException(REFUSED);
        }
        // With a second factor the count starts again only once the code is right too: otherwise
        // someone holding the password could guess codes without ever meeting the throttle.
        if (!totp.enabled(user.get().getUsername())) {
            throttle.succeeded(username);
        }
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities());
        signedIn.setDetails(request.getDetails());
        return signedIn;
    }

    private BadCredentialsException failed(String username, String address) {
        throttle.failed(username, address);
        return new BadCredentialsException(REFUSED);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
