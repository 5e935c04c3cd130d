package vn.loa.app.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signs a person in by username and password, for the API (HTTP Basic) and the web sign-in alike.
 * Every refusal is the same {@link BadCredentialsException} after the same work (the password is
 * checked against a stand-in hash when the username is unknown), so neither the answer nor its
 * timing tells an outsider whether the account exists, is disabled or is locked.
 */
class PasswordAuthentication implements AuthenticationProvider {

    static final String REFUSED = "Wrong username or password, or the account may not sign in now";

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final String standIn;

    PasswordAuthentication(UserAccounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.standIn = encoder.encode("stand-in for an unknown user");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        var username = request.getName();
        var password =
                request.getCredentials() == null ? "" : request.getCredentials().toString();
        var user = accounts.find(username);
        boolean matches =
                encoder.matches(password, user.map(LoaUser::getPassword).orElse(standIn));
        if (user.isEmpty() || !matches || !user.get().isEnabled()) {
            throw new BadCredentialsException(REFUSED);
        }
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities());
        signedIn.setDetails(request.getDetails());
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
