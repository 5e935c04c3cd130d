package vn.loa.app.web.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.app.security.SecondStep;
import vn.loa.app.security.TotpAccounts;
import vn.loa.app.web.Flash;

/**
 * The sign-in's second step: after a right password, the code from the authenticator app (or one
 * recovery code). A wrong code counts toward the sign-in throttle; the step lapses after a few
 * minutes and the person starts again with the password.
 */
@Controller
class SecondStepController {

    private final SecondStep secondStep;
    private final TotpAccounts totp;
    private final Flash flash;

    SecondStepController(SecondStep secondStep, TotpAccounts totp, Flash flash) {
        this.secondStep = secondStep;
        this.totp = totp;
        this.flash = flash;
    }

    @GetMapping(SecondStep.CODE_PAGE)
    String page(Model model, HttpServletRequest request, HttpServletResponse response) {
        if (secondStep.pending().isEmpty()) {
            secondStep.abandon(request, response);
            return "redirect:/login?expired";
        }
        model.addAttribute("wrong", false);
        return "login-code";
    }

    /**
     * Answers nothing when the app's code was right (the response already sends the browser on);
     * after a recovery code, the account page, saying how many are left.
     */
    @PostMapping(SecondStep.CODE_PAGE)
    String check(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String recoveryCode,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException, ServletException {
        var pending = secondStep.pending();
        if (pending.isEmpty()) {
            secondStep.abandon(request, response);
            return "redirect:/login?expired";
        }
        var given = recoveryCode != null && !recoveryCode.isBlank() ? recoveryCode : code;
        var check = secondStep.complete(pending.get(), given, request, response);
        if (check == TotpAccounts.Check.CODE) {
            return null;
        }
        if (check == TotpAccounts.Check.RECOVERY_CODE) {
            var left = totp.status(pending.get().username()).recoveryCodesLeft();
            flash.ok(redirect, locale, "totp.recovery-used", left);
            return "redirect:/account/security";
        }
        model.addAttribute("wrong", true);
        return "login-code";
    }
}
