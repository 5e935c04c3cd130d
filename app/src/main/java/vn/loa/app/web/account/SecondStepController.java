package vn.loa.app.web.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.loa.app.security.SecondStep;
import vn.loa.app.security.TotpAccounts;

/**
 * The sign-in's second step: after a right password, the code from the authenticator app (or one
 * recovery code). A wrong code counts toward the sign-in throttle; the step lapses after a few
 * minutes and the person starts again with the password.
 */
@Controller
class SecondStepController {

    private final SecondStep secondStep;

    SecondStepController(SecondStep secondStep) {
        this.secondStep = secondStep;
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

    /** Answers nothing when the code was right: the response already sends the browser on. */
    @PostMapping(SecondStep.CODE_PAGE)
    String check(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String recoveryCode,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, ServletException {
        var pending = secondStep.pending();
        if (pending.isEmpty()) {
            secondStep.abandon(request, response);
            return "redirect:/login?expired";
        }
        var given = recoveryCode != null && !recoveryCode.isBlank() ? recoveryCode : code;
        if (secondStep.complete(pending.get(), given, request, response) != TotpAccounts.Check.REFUSED) {
            return null;
        }
        model.addAttribute("wrong", true);
        return "login-code";
    }
}
