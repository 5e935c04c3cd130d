package vn.loa.app.request;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Refusals written by filters, before Spring MVC: the same problem+json shape the API's advice gives. */
public final class Problems {

    private static final String TYPE_BASE = "https://loa.example/problems/";

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setProperty("code", code);
        return problem;
    }

    /**
     * Writes the refusal and sends it at once. A body the caller declared is not read: the
     * connection is closed after the answer, rather than Tomcat reading the rest of the body
     * before it answers (which it does to keep a connection open).
     */
    public static void refuse(HttpServletRequest req, HttpServletResponse res, JsonMapper json, ProblemDetail problem)
            throws IOException {
        if (req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null) {
            res.setHeader("Connection", "close");
        }
        res.setStatus(problem.getStatus());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), problem);
        res.flushBuffer();
    }
}
