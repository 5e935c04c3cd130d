package vn.loa.app.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * No request body larger than {@code loa.request.max-body} is read. A declared length over it is
 * answered 413 at once, before sign-in is even checked, so nobody can make Loa read 50 MB; a body
 * sent without a length (chunked) is cut off when it passes the limit and answered 413 by the
 * API's advice ({@link BodyTooLarge}). Multipart uploads are limited by their own settings.
 */
public class BodyLimit extends OncePerRequestFilter {

    private final long max;
    private final JsonMapper json;

    public BodyLimit(RequestProperties properties, JsonMapper json) {
        this.max = properties.maxBody().toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var type = request.getContentType();
        if (type != null && type.toLowerCase().startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > max) {
            Problems.refuse(request, response, json, tooLarge(max));
            return;
        }
        chain.doFilter(new Limited(request, max), response);
    }

    public static ProblemDetail tooLarge(long max) {
        return Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "body-too-large",
                "The request body is larger than " + max + " bytes; nothing was read or stored");
    }

    /** Thrown while reading a body past the limit; the API's advice answers it with 413. */
    public static final class BodyTooLarge extends IOException {
        private final long max;

        BodyTooLarge(long max) {
            super("request body larger than " + max + " bytes");
            this.max = max;
        }

        public long max() {
            return max;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), max);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        Counting(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > max) {
                throw new BodyTooLarge(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
