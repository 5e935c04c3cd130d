package vn.loa.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import vn.loa.app.request.Problems;

/**
 * What the servlet container's error dispatch shows (unknown paths, wrong methods, anything that
 * escaped the controllers' advice): problem+json for the API and scripts, the error page in the
 * reader's language for a browser. Opening {@code /error} itself is answered as an unknown page,
 * never as a 500 with status 999.
 */
@Controller
@RequestMapping("/error")
class ErrorAnswers implements ErrorController {

    private final MessageSource messages;

    ErrorAnswers(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, Locale locale) {
        var status = status(request);
        var page = new ModelAndView("error-page", status);
        page.addObject("status", status.value());
        page.addObject("message", messages.getMessage(key(status), null, locale));
        return page;
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        var status = status(request);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, code(status), detail(status)));
    }

    private static HttpStatus status(HttpServletRequest request) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer value)) {
            return HttpStatus.NOT_FOUND;
        }
        var status = HttpStatus.resolve(value);
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String key(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "error.not-found";
            case METHOD_NOT_ALLOWED -> "error.method";
            case CONTENT_TOO_LARGE -> "error.too-large";
            case UNAUTHORIZED, FORBIDDEN -> "error.forbidden";
            default -> status.is4xxClientError() ? "error.bad-request" : "error.internal";
        };
    }

    private static String code(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case CONTENT_TOO_LARGE -> "body-too-large";
            default -> status.is4xxClientError() ? "bad-request" : "internal";
        };
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address";
            case METHOD_NOT_ALLOWED -> "This address does not take that method; see the Allow header";
            case CONTENT_TOO_LARGE -> "The request body is too large; nothing was stored";
            default ->
                status.is4xxClientError()
                        ? "The request was refused: " + status.getReasonPhrase()
                        : "Something went wrong on our side; nothing was stored. The error was logged.";
        };
    }
}
