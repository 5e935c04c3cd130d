package vn.loa.app.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser-side safety headers, on every response Loa gives: pages, API, media, tracked links
 * and error answers alike (this filter runs ahead of every other, sign-in included). HSTS only
 * when the request came over TLS, which behind a proxy Tomcat learns from X-Forwarded-Proto
 * ({@code server.forward-headers-strategy: native}).
 */
public class SafetyHeaders extends OncePerRequestFilter {

    /**
     * Scripts, styles and fonts from Loa only, nothing inline (the pages are written for this);
     * images may also come from https addresses (media previews); Loa is never framed.
     */
    public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self';"
            + " img-src 'self' data: https:; media-src 'self' https:; connect-src 'self'; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }
}
