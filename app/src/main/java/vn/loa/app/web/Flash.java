package vn.loa.app.web;

import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.campaigns.shared.InvalidInput;

/** The one-line message shown on the page a form redirects to (Post/Redirect/Get). */
@Component
public class Flash {

    private final MessageSource messages;
    private final DomainMessages refusals;

    Flash(MessageSource messages, DomainMessages refusals) {
        this.messages = messages;
        this.refusals = refusals;
    }

    public void ok(RedirectAttributes redirect, Locale locale, String key, Object... args) {
        redirect.addFlashAttribute("flash", messages.getMessage(key, args, locale));
    }

    public void refused(RedirectAttributes redirect, Locale locale, DomainException e) {
        redirect.addFlashAttribute("flashError", text(e, locale));
    }

    /** A refusal in one line: each bad field's message, or the refusal's own. */
    public String text(DomainException e, Locale locale) {
        if (e instanceof InvalidInput invalid) {
            return invalid.problems().stream()
                    .map(p -> refusals.translate(p.message(), locale))
                    .collect(Collectors.joining("; "));
        }
        return refusals.translate(e.getMessage(), locale);
    }
}
