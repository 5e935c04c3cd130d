package vn.loa.app.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A state-changing API call (POST, PUT, PATCH, DELETE) must say it is JSON, or carry an
 * {@code X-Requested-With} header. Neither can be sent cross-site without the browser asking Loa
 * first (a CORS preflight Loa never grants), so a page elsewhere cannot make a browser that holds
 * Basic credentials approve, submit or cancel anything with a body-less form post.
 */
public class JsonWritesOnly extends OncePerRequestFilter {

    public static final String HEADER = "X-Requested-With";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final JsonMapper json;

    public JsonWritesOnly(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!WRITES.contains(request.getMethod()) || declaresJson(request) || request.getHeader(HEADER) != null) {
            chain.doFilter(request, response);
            return;
        }
        Problems.refuse(
                request,
                response,
                json,
                Problems.of(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "json-required",
                        "A call that changes something must send Content-Type: application/json (or the " + HEADER
                                + " header); nothing was done"));
    }

    private static boolean declaresJson(HttpServletRequest request) {
        var type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            var media = MediaType.parseMediaType(type);
            return MediaType.APPLICATION_JSON.isCompatibleWith(media)
                    || media.getSubtype().endsWith("+json");
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
