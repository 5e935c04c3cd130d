package vn.loa.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs an API call in by a personal token ({@code Authorization: Bearer loa_…}). An unknown or
 * revoked token, or one whose owner is disabled, leaves the call anonymous: it gets the API's 401.
 */
final class TokenSignIn extends OncePerRequestFilter {

    /** A call signed in by a token rather than a password. */
    static final class ByToken extends AbstractAuthenticationToken {

        private final LoaUser user;

        ByToken(LoaUser user) {
            super(user.getAuthorities());
            this.user = user;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public LoaUser getPrincipal() {
            return user;
        }
    }

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final UserAccounts accounts;

    TokenSignIn(ApiTokens tokens, UserAccounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    /** Whether the current call was signed in by a token. */
    static boolean current() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof ByToken;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            tokens.owner(header.substring(BEARER.length()).strip())
                    .flatMap(accounts::find)
                    .filter(LoaUser::isEnabled)
                    .ifPresent(user -> {
                        user.eraseCredentials();
                        var context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(new ByToken(user));
                        SecurityContextHolder.setContext(context);
                    });
        }
        chain.doFilter(request, response);
    }
}
