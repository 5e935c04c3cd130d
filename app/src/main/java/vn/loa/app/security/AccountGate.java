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
 * person holding a one-time password may do nothing but choose their own password.
 */
final class AccountGate extends OncePerRequestFilter {

    /** Where a person with a one-time password may go on the web. */
    private static final Set<String> WEB_OPEN =
            Set.of("/account/password", "/logout", "/login", "/error", "/favicon.ico", "/settings/language");

    private static final Set<String> API_OPEN = Set.of("/api/me", "/api/me/password");

    private final UserAccounts accounts;
    private final boolean api;
    private final JsonMapper json;

    private AccountGate(UserAccounts accounts, boolean api, JsonMapper json) {
        this.accounts = accounts;
        this.api = api;
        this.json = json;
    }

    static AccountGate forPages(UserAccounts accounts) {
        return new AccountGate(accounts, false, null);
    }

    static AccountGate forApi(UserAccounts accounts, JsonMapper json) {
        return new AccountGate(accounts, true, json);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth != null && auth.getPrincipal() instanceof LoaUser user)) {
            chain.doFilter(request, response);
            return;
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
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
            if (now.get().mustChangePassword() && !open(path)) {
                response.sendRedirect(request.getContextPath() + "/account/password");
                return;
            }
        } else if (user.mustChangePassword() && !API_OPEN.contains(path)) {
            Problems.refuse(
                    request,
                    response,
                    json,
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.FORBIDDEN,
                            "Your password was reset: choose your own first (PUT /api/me/password)"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean open(String path) {
        return WEB_OPEN.contains(path)
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/");
    }
}
