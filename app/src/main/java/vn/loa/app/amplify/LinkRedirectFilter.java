package vn.loa.app.amplify;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves tracked links at {@code /l/{code}}, ahead of sign-in and of Spring MVC (nothing to sign
 * in to, and every microsecond counts here): a known code answers 302 to the item's link with its
 * UTM parameters and is counted in memory; anything else is a plain 404 page.
 */
class LinkRedirectFilter extends OncePerRequestFilter {

    private static final byte[] NOT_FOUND = ("<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\">"
                    + "<title>Không tìm thấy</title><h1>Không tìm thấy liên kết</h1>"
                    + "<p>Liên kết này không tồn tại. (Link not found.)</p></html>")
            .getBytes(StandardCharsets.UTF_8);

    private final LinkClicks clicks;

    LinkRedirectFilter(LinkClicks clicks) {
        this.clicks = clicks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        var path = request.getRequestURI();
        var code = path.startsWith("/l/") ? path.substring(3) : "";
        var method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", "GET, HEAD");
            response.setContentLength(0);
            return;
        }
        var target = clicks.resolve(code);
        if (target.isEmpty() || target.get().url() == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/html;charset=UTF-8");
            response.setContentLength(NOT_FOUND.length);
            response.getOutputStream().write(NOT_FOUND);
            return;
        }
        if (method.equals("GET")) {
            clicks.count(target.get().packId(), request.getHeader("User-Agent"));
        }
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", target.get().url());
        // Every click must reach Loa to be counted; no address is passed on to the target.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentLength(0);
    }
}
