package vn.loa.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.loa.campaigns.shared.ConcurrentChange;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.campaigns.shared.IllegalTransition;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotAllowed;
import vn.loa.campaigns.shared.NotFound;

/**
 * A refusal on a page that has no form to show it beside (an unknown id, a role that may not open
 * the page) becomes an error page in the reader's language, never the API's JSON.
 */
@ControllerAdvice(basePackages = "vn.loa.app.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebProblems {

    private final DomainMessages messages;

    WebProblems(DomainMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(status(e));
        model.addAttribute("status", status(e));
        model.addAttribute("message", messages.translate(e.getMessage(), locale));
        return "error-page";
    }

    private static int status(DomainException e) {
        if (e instanceof NotFound) {
            return 404;
        }
        if (e instanceof NotAllowed) {
            return 403;
        }
        if (e instanceof InvalidInput) {
            return 400;
        }
        if (e instanceof IllegalTransition || e instanceof ConcurrentChange) {
            return 409;
        }
        return 422;
    }
}
