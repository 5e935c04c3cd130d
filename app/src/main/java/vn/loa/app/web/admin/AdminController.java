package vn.loa.app.web.admin;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.app.security.SignInThrottle;
import vn.loa.app.security.TotpAccounts;
import vn.loa.app.security.UserAccounts;
import vn.loa.app.web.DomainMessages;
import vn.loa.app.web.Flash;
import vn.loa.app.web.FormErrors;
import vn.loa.app.web.WebUser;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRole;
import vn.loa.campaigns.channel.Channels;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.connectors.Platform;

/**
 * Page 9, administration: who may sign in (add people with their roles) and the channels Loa
 * publishes to (register, change, switch off). Same checks as the API's user and channel endpoints.
 */
@Controller
class AdminController {

    /** The add-a-person form. */
    record UserForm(String username, String password, String displayName, String organisation, Set<Role> roles) {}

    /** The channel form (register or change). */
    record ChannelForm(
            Platform platform,
            String externalId,
            String displayName,
            ChannelRole role,
            Long followerCount,
            String organisation,
            String zone,
            Boolean active,
            Boolean nativeScheduling) {

        Channel.Details details() {
            return new Channel.Details(
                    platform,
                    externalId,
                    displayName,
                    role,
                    followerCount,
                    organisation,
                    zone,
                    Boolean.TRUE.equals(active),
                    Boolean.TRUE.equals(nativeScheduling),
                    null);
        }
    }

    private final UserAccounts accounts;
    private final SignInThrottle throttle;
    private final TotpAccounts totp;
    private final Channels channels;
    private final DomainMessages messages;
    private final Flash flash;

    AdminController(
            UserAccounts accounts,
            SignInThrottle throttle,
            TotpAccounts totp,
            Channels channels,
            DomainMessages messages,
            Flash flash) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.totp = totp;
        this.channels = channels;
        this.messages = messages;
        this.flash = flash;
    }

    @GetMapping("/admin")
    String page(WebUser me, Model model) {
        requireAdmin(me);
        model.addAttribute("users", accounts.list());
        model.addAttribute(
                "locked",
                throttle.locks(me.actor()).stream()
                        .filter(l -> l.scope() == SignInThrottle.Scope.ACCOUNT)
                        .map(SignInThrottle.Lock::key)
                        .collect(Collectors.toSet()));
        model.addAttribute("totpOn", totp.enrolled());
        model.addAttribute("channels", channels.listChannels(me.actor()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("platforms", Platform.values());
        model.addAttribute("channelRoles", ChannelRole.values());
        if (!model.containsAttribute("userErrors")) {
            model.addAttribute("userErrors", FormErrors.NONE);
        }
        if (!model.containsAttribute("channelErrors")) {
            model.addAttribute("channelErrors", FormErrors.NONE);
            model.addAttribute("channelErrorId", -1L);
        }
        return "admin";
    }

    @PostMapping("/admin/users")
    String addUser(@ModelAttribute UserForm form, WebUser me, Locale locale, RedirectAttributes redirect) {
        requireAdmin(me);
        try {
            var roles = form.roles() == null || form.roles().isEmpty() ? Set.<Role>of() : EnumSet.copyOf(form.roles());
            var created = accounts.create(
                    new UserAccounts.NewUser(
                            form.username() == null ? null : form.username().strip(),
                            form.password(),
                            form.displayName(),
                            form.organisation(),
                            roles),
                    me.actor());
            flash.ok(redirect, locale, "admin.user-added", created.getUsername());
        } catch (DomainException e) {
            redirect.addFlashAttribute("userErrors", FormErrors.of(e, messages, locale));
            redirect.addFlashAttribute("userForm", form);
        }
        return "redirect:/admin#users";
    }

    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable String username, WebUser me, Locale locale, RedirectAttributes redirect) {
        return userAction(redirect, locale, () -> {
            accounts.setEnabled(me.actor(), username, false);
            flash.ok(redirect, locale, "admin.user-disabled", username);
        });
    }

    @PostMapping("/admin/users/{username}/enable")
    String enable(@PathVariable String username, WebUser me, Locale locale, RedirectAttributes redirect) {
        return userAction(redirect, locale, () -> {
            accounts.setEnabled(me.actor(), username, true);
            flash.ok(redirect, locale, "admin.user-enabled", username);
        });
    }

    /** The one-time password is shown once, on the page the form returns to, to be handed over. */
    @PostMapping("/admin/users/{username}/reset-password")
    String resetPassword(@PathVariable String username, WebUser me, Locale locale, RedirectAttributes redirect) {
        return userAction(redirect, locale, () -> {
            var reset = accounts.resetPassword(me.actor(), username);
            redirect.addFlashAttribute("oneTimeUser", reset.username());
            redirect.addFlashAttribute("oneTimePassword", reset.password());
        });
    }

    @PostMapping("/admin/users/{username}/unlock")
    String unlock(@PathVariable String username, WebUser me, Locale locale, RedirectAttributes redirect) {
        return userAction(redirect, locale, () -> {
            throttle.unlock(me.actor(), SignInThrottle.Scope.ACCOUNT, username);
            flash.ok(redirect, locale, "admin.user-unlocked", username);
        });
    }

    /** A lost phone: the person signs in with the password alone again, then enrols anew. */
    @PostMapping("/admin/users/{username}/reset-totp")
    String resetTotp(@PathVariable String username, WebUser me, Locale locale, RedirectAttributes redirect) {
        return userAction(redirect, locale, () -> {
            totp.reset(me.actor(), username);
            flash.ok(redirect, locale, "admin.totp-reset", username);
        });
    }

    private String userAction(RedirectAttributes redirect, Locale locale, Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            flash.refused(redirect, locale, e);
        }
        return "redirect:/admin#users";
    }

    @PostMapping("/admin/channels")
    String addChannel(@ModelAttribute ChannelForm form, WebUser me, Locale locale, RedirectAttributes redirect) {
        requireAdmin(me);
        try {
            var channel = channels.registerChannel(form.details(), me.actor());
            flash.ok(redirect, locale, "admin.channel-added", channel.label());
        } catch (DomainException e) {
            redirect.addFlashAttribute("channelErrors", FormErrors.of(e, messages, locale));
            redirect.addFlashAttribute("channelErrorId", 0L);
        }
        return "redirect:/admin#channels";
    }

    @PostMapping("/admin/channels/{id}")
    String changeChannel(
            @PathVariable long id,
            @ModelAttribute ChannelForm form,
            WebUser me,
            Locale locale,
            RedirectAttributes redirect) {
        requireAdmin(me);
        try {
            var existing = channels.getChannel(id);
            var details = form.details();
            var changed = channels.changeChannel(
                    id,
                    new Channel.Details(
                            existing.platform(),
                            existing.externalId(),
                            details.displayName(),
                            details.role(),
                            details.followerCount(),
                            details.organisation(),
                            details.zone(),
                            details.active(),
                            details.nativeScheduling(),
                            existing.maxInFlight()),
                    me.actor());
            flash.ok(redirect, locale, "admin.channel-changed", changed.label());
        } catch (DomainException e) {
            redirect.addFlashAttribute("channelErrors", FormErrors.of(e, messages, locale));
            redirect.addFlashAttribute("channelErrorId", id);
        }
        return "redirect:/admin#channel-" + id;
    }

    private static void requireAdmin(WebUser me) {
        Permissions.requireAny(me.actor(), "administer users and channels", Role.ADMIN);
    }

    static List<String> zones() {
        return List.of("Asia/Ho_Chi_Minh", "Asia/Bangkok", "UTC");
    }
}
