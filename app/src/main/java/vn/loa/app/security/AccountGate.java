package vn.loa.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.app.request.Problems;

/**
 * Runs on every signed-in request, before the role checks. For the pages: a session whose account
 * was disabled, or whose password changed since it was opened (session epoch), ends here at once,
 * and the request goes on as anonymous (so it is sent to the sign-in page). For both doors: a
 * person holding a one-time password may do nothing but choose their own password; a person whose
 * role requires TOTP ({@code loa.security.totp.required-roles}) and who has not turned it on may do
 * nothing but turn it on. Pages only: a session whose second sign-in step is due reaches nothing
 * but the code page. API only: a person with TOTP on who signs in with the password alone (HTTP
 * Basic) is refused, because the password is then not enough; scripts use personal tokens, and a
 * single call (to make a token) may carry the current code in {@value #CODE_HEADER}.
 */
final class AccountGate extends OncePerRequestFilter {

    /** Where a person with a one-time password may go on the web. */
    private static final Set<String> WEB_OPEN =
            Set.of("/account/password", "/logout", "/login", "/error", "/favicon.ico", "/settings/language");

    private static final Set<String> API_OPEN = Set.of("/api/me", "/api/me/password");

    /** Where a session whose code is due may go. */
    private static final Set<String> PENDING_OPEN =
            Set.of(SecondStep.CODE_PAGE, "/logout", "/login", "/error", "/favicon.ico", "/settings/language");

    /** Where a person who must turn TOTP on may go, on the web and the API. */
    static final String ENROL_PAGE = "/account/security";

    private static final Set<String> API_ENROL_OPEN =
            Set.of("/api/me", "/api/me/password", "/api/me/totp", "/api/me/totp/confirm");

    /**
     * Turning TOTP off and renewing recovery codes take the password and a code in their body and
     * check (and throttle) them themselves, so they do not want a second code in the header.
     */
    private static final Set<String> CODE_IN_BODY = Set.of("/api/me/totp/disable", "/api/me/totp/recovery-codes");

    /** The header an API call signed in with a password carries the current one-time code in. */
    static final String CODE_HEADER = "X-Loa-OTP";

    private final UserAccounts accounts;
    private final TotpAccounts totp;
    private final boolean api;
    private final JsonMapper json;

    private AccountGate(UserAccounts accounts, TotpAccounts totp, boolean api, JsonMapper json) {
        this.accounts = accounts;
        this.totp = totp;
        this.api = api;
        this.json = json;
    }

    static AccountGate forPages(UserAccounts accounts, TotpAccounts totp) {
        return new AccountGate(accounts, totp, false, null);
    }

    static AccountGate forApi(UserAccounts accounts, TotpAccounts totp, JsonMapper json) {
        return new AccountGate(accounts, totp, true, json);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (!api && auth instanceof PendingSecondFactor && !PENDING_OPEN.contains(path) && !asset(path)) {
            response.sendRedirect(request.getContextPath() + SecondStep.CODE_PAGE);
            return;
        }
        if (!(auth != null && auth.getPrincipal() instanceof LoaUser user)) {
            chain.doFilter(request, response);
            return;
        }
        if (!api) {
            var now = accounts.standing(user.getUsername());
            if (now.isEmpty()
                    || !now.get().enabled()
                    || now.get().sessionEpoch() != user.standing().sessionEpoch()) {
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                chain.doFilter(request, response);
                return;
            }
            if (now.get().mustChangePassword() && !WEB_OPEN.contains(path) && !asset(path)) {
                response.sendRedirect(request.getContextPath() + "/account/password");
                return;
            }
            if (!mayGoBeforeEnrolling(path) && totp.mustEnrol(user)) {
                response.sendRedirect(request.getContextPath() + ENROL_PAGE);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (user.mustChangePassword() && !API_OPEN.contains(path)) {
            refuse(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "Your password was reset: choose your own first (PUT /api/me/password)");
            return;
        }
        if (!(auth instanceof TokenSignIn.ByToken)
                && !CODE_IN_BODY.contains(path)
                && !passwordIsEnough(user, request, response)) {
            return;
        }
        if (!API_ENROL_OPEN.contains(path) && totp.mustEnrol(user)) {
            refuse(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "Your role requires two-step sign-in: turn on TOTP first (POST /api/me/totp, then"
                            + " POST /api/me/totp/confirm with a code from your authenticator app)");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * For a person with TOTP on, a password (HTTP Basic) alone does not sign an API call in: it
     * needs the current code in {@value #CODE_HEADER}, checked and throttled like the web's second
     * step. Answers false when the call was refused here.
     */
    private boolean passwordIsEnough(LoaUser user, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!totp.enabled(user.getUsername())) {
            return true;
        }
        var code = request.getHeader(CODE_HEADER);
        if (code == null || code.isBlank()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Loa\"");
            refuse(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "This account signs in in two steps, so its password alone does not open the API: use a"
                            + " personal API token (Authorization: Bearer loa_…). To make one, call POST /api/me/tokens"
                            + " with your password and the current code of your authenticator app in the "
                            + CODE_HEADER + " header");
            return false;
        }
        if (totp.signIn(user.getUsername(), code, request.getRemoteAddr()) == TotpAccounts.Check.REFUSED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Loa\"");
            refuse(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Wrong or already used one-time code (each code works once; wait for the next one)");
            return false;
        }
        return true;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Problems.refuse(request, response, json, ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static boolean mayGoBeforeEnrolling(String path) {
        return WEB_OPEN.contains(path) || path.equals(ENROL_PAGE) || path.startsWith(ENROL_PAGE + "/") || asset(path);
    }

    private static boolean asset(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
    }
}
