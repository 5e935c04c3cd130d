package vn.loa.app.web.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.app.security.LoaUser;
import vn.loa.app.security.UserAccounts;
import vn.loa.app.web.DomainMessages;
import vn.loa.app.web.Flash;
import vn.loa.app.web.FormErrors;
import vn.loa.app.web.WebUser;
import vn.loa.campaigns.shared.DomainException;

/**
 * The signed-in person's own account: change the password (required first after an administrator
 * reset it). This session stays signed in with the new password; every other session ends.
 */
@Controller
class AccountController {

    private final UserAccounts accounts;
    private final DomainMessages messages;
    private final Flash flash;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AccountController(UserAccounts accounts, DomainMessages messages, Flash flash) {
        this.accounts = accounts;
        this.messages = messages;
        this.flash = flash;
    }

    @GetMapping("/account/password")
    String passwordPage(WebUser me, Model model) {
        model.addAttribute(
                "mustChange",
                accounts.standing(me.username())
                        .map(LoaUser.Standing::mustChangePassword)
                        .orElse(false));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.NONE);
        }
        return "account-password";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            WebUser me,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        LoaUser changed;
        try {
            changed = accounts.changeOwnPassword(me.actor(), currentPassword, newPassword);
        } catch (DomainException e) {
            redirect.addFlashAttribute("errors", FormErrors.of(e, messages, locale));
            return "redirect:/account/password";
        }
        keepThisSession(changed, request, response);
        flash.ok(redirect, locale, "account.password-changed");
        return "redirect:/";
    }

    /** The session goes on under the new session epoch, with a new session id. */
    private void keepThisSession(LoaUser user, HttpServletRequest request, HttpServletResponse response) {
        user.eraseCredentials();
        var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        sessions.saveContext(context, request, response);
    }
}
