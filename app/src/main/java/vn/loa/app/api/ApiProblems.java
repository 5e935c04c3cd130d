package vn.loa.app.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import vn.loa.app.request.BodyLimit;
import vn.loa.campaigns.shared.AlreadyExists;
import vn.loa.campaigns.shared.ConcurrentChange;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.campaigns.shared.FieldProblem;
import vn.loa.campaigns.shared.IllegalTransition;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotAllowed;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.PlatformRefused;

/**
 * Every refusal of the API as RFC 9457 problem+json. Bad input carries an {@code errors} list with
 * one entry per bad field, so a form can show each message beside its field.
 */
@RestControllerAdvice(basePackages = "vn.loa.app")
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final String TYPE_BASE = "https://loa.example/problems/";

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e) {
        var status = statusOf(e);
        var problem = problem(status, e.code(), e.getMessage());
        if (e instanceof InvalidInput invalid) {
            problem.setDetail("The request has " + invalid.problems().size() + " invalid field(s); nothing was stored");
            problem.setProperty("errors", invalid.problems());
        }
        if (e instanceof IllegalTransition t) {
            problem.setProperty("from", t.from());
            problem.setProperty("to", t.to());
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static HttpStatus statusOf(DomainException e) {
        if (e instanceof NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof InvalidInput) {
            return HttpStatus.BAD_REQUEST;
        }
        if (e instanceof NotAllowed) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof IllegalTransition || e instanceof ConcurrentChange || e instanceof AlreadyExists) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof PlatformRefused) {
            return HttpStatus.BAD_GATEWAY;
        }
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, "not-allowed", "Your role does not allow this"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException e) {
        var message = expectation(e.getRequiredType());
        return invalid(List.of(new FieldProblem(e.getName(), message)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (var t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof BodyLimit.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(BodyLimit.tooLarge(tooLarge.max()));
            }
        }
        var cause = firstJacksonCause(e);
        if (cause instanceof UnrecognizedPropertyException u) {
            return invalid(List.of(new FieldProblem(path(u), "is not a known field")));
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem(path(m), expectation(m.getTargetType()))));
        }
        if (cause instanceof JacksonException j && !j.getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem(path(j), "could not be read")));
        }
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST, "unreadable-body", "The request body is missing or is not valid JSON"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal",
                        "Something went wrong on our side; nothing was stored. The error was logged."));
    }

    /** The Jackson exception knows the path of the bad field; the root cause (a parse error) does not. */
    private static Throwable firstJacksonCause(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException) {
                return t;
            }
        }
        return e;
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> problems) {
        var problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                "The request has " + problems.size() + " invalid field(s); nothing was stored");
        problem.setProperty("errors", problems);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setProperty("code", code);
        return problem;
    }

    /** The JSON path of the bad value, e.g. {@code kpis.targetReach} or {@code variants[0].platform}. */
    private static String path(JacksonException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "must be an ISO-8601 date such as 2026-12-31";
        }
        if (type == OffsetDateTime.class) {
            return "must be an ISO-8601 date-time with an offset such as 2026-12-01T07:00:00+07:00";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date or time";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (List.class.isAssignableFrom(type) || Set.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "must be an object";
        }
        if (type == String.class) {
            return "must be text";
        }
        return "has the wrong shape";
    }
}
