package vn.loa.app.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The web sign-in's second step. After a right password, a person with TOTP on is not signed in
 * yet: the session holds a {@link PendingSecondFactor} and the browser goes to the code page.
 * A right code (or an unused recovery code) then signs the session in, under a new session id,
 * and sends the person where they were going.
 */
@Component
public class SecondStep implements AuthenticationSuccessHandler {

    public static final String CODE_PAGE = "/login/code";

    private final TotpAccounts totp;
    private final UserAccounts accounts;
    private final Clock clock;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SavedRequestAwareAuthenticationSuccessHandler onward =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SecondStep(TotpAccounts totp, UserAccounts accounts, Clock clock) {
        this.totp = totp;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, ServletException {
        if (auth.getPrincipal() instanceof LoaUser user && totp.enabled(user.getUsername())) {
            save(new PendingSecondFactor(user.getUsername(), clock.instant(), auth.getDetails()), request, response);
            response.sendRedirect(request.getContextPath() + CODE_PAGE);
            return;
        }
        onward.onAuthenticationSuccess(request, response, auth);
    }

    /** The session's pending second step, if it has one that has not lapsed. */
    public Optional<PendingSecondFactor> pending() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof PendingSecondFactor p
                        && !p.lapsed(clock.instant())
                ? Optional.of(p)
                : Optional.empty();
    }

    /**
     * Checks the code the person typed; when it is right, the session is signed in and (for an app
     * code) the browser sent on. Answers what the code was ({@link TotpAccounts.Check#REFUSED}: nothing changed).
     */
    public TotpAccounts.Check complete(
            PendingSecondFactor pending, String code, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        var check = totp.signIn(pending.username(), code, request.getRemoteAddr());
        if (check == TotpAccounts.Check.REFUSED) {
            return check;
        }
        var user = accounts.find(pending.username()).filter(LoaUser::isEnabled);
        if (user.isEmpty()) {
            return TotpAccounts.Check.REFUSED;
        }
        user.get().eraseCredentials();
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(
                user.get(), null, user.get().getAuthorities());
        signedIn.setDetails(pending.getDetails());
        request.changeSessionId();
        save(signedIn, request, response);
        // After a recovery code the caller sends the person to their account page instead (a
        // phone lost or left behind: fewer codes are left).
        if (check == TotpAccounts.Check.CODE) {
            onward.onAuthenticationSuccess(request, response, signedIn);
        }
        return check;
    }

    /** The person gives up (or the step lapsed): the session goes back to anonymous. */
    public void abandon(HttpServletRequest request, HttpServletResponse response) {
        SecurityContextHolder.clearContext();
        sessions.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
    }

    private void save(Authentication auth, HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
