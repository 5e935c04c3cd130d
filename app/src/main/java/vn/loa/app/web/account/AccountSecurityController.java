package vn.loa.app.web.account;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.app.security.TotpAccounts;
import vn.loa.app.web.DomainMessages;
import vn.loa.app.web.Flash;
import vn.loa.app.web.FormErrors;
import vn.loa.app.web.WebUser;
import vn.loa.campaigns.shared.DomainException;

/**
 * Two-step sign-in on the person's own account page: turn TOTP on (the secret is shown on the
 * answer to "start" only, the recovery codes on the answer to "confirm" only, never in a redirect
 * or flash, so they are in no session and no later page) and turn it off with password and code.
 * The forms post with htmx when scripts run (only the TOTP section is swapped) and as plain forms
 * when they do not; both get the same page.
 */
@Controller
class AccountSecurityController {

    private static final String PAGE = "account-security";

    private final TotpAccounts totp;
    private final DomainMessages messages;
    private final Flash flash;

    AccountSecurityController(TotpAccounts totp, DomainMessages messages, Flash flash) {
        this.totp = totp;
        this.messages = messages;
        this.flash = flash;
    }

    @GetMapping("/account/security")
    String page(WebUser me, Model model) {
        return page(me, model, FormErrors.NONE);
    }

    @PostMapping("/account/security/start")
    String start(WebUser me, Model model, Locale locale) {
        return step(me, model, locale, () -> model.addAttribute("enrolment", totp.start(me.actor())));
    }

    @PostMapping("/account/security/confirm")
    String confirm(@RequestParam(required = false) String code, WebUser me, Model model, Locale locale) {
        return step(me, model, locale, () -> shown(model, totp.confirm(me.actor(), code)));
    }

    @PostMapping("/account/security/recovery-codes")
    String renewRecoveryCodes(
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String code,
            WebUser me,
            Model model,
            Locale locale) {
        return step(me, model, locale, () -> {
            shown(model, totp.renewRecoveryCodes(me.actor(), password, code));
            model.addAttribute("renewed", true);
        });
    }

    /** One step of the section: the page again, with what the step showed or why it was refused. */
    private String step(WebUser me, Model model, Locale locale, Runnable step) {
        try {
            step.run();
        } catch (DomainException e) {
            return page(me, model, FormErrors.of(e, messages, locale));
        }
        return page(me, model, FormErrors.NONE);
    }

    @PostMapping("/account/security/disable")
    String disable(
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String code,
            WebUser me,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            totp.disable(me.actor(), password, code);
        } catch (DomainException e) {
            return page(me, model, FormErrors.of(e, messages, locale));
        }
        flash.ok(redirect, locale, "totp.disabled");
        return "redirect:/account/security";
    }

    /** The recovery codes, on this answer only. */
    private static void shown(Model model, List<String> codes) {
        model.addAttribute("recoveryCodes", codes);
        model.addAttribute("recoveryText", String.join("\n", codes));
    }

    private String page(WebUser me, Model model, FormErrors errors) {
        model.addAttribute("status", totp.status(me.username()));
        model.addAttribute("required", me.roles().stream().anyMatch(totp.requiredRoles()::contains));
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("renewed")) {
            model.addAttribute("renewed", false);
        }
        return PAGE;
    }
}
