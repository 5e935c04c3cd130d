package vn.loa.app.security;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.shared.InvalidInput;

/** Who am I, and (for administrators) who may sign in. Password hashes never leave the server. */
@RestController
@RequestMapping("/api")
class UserController {

    record UserView(
            String username,
            String displayName,
            String organisation,
            Set<Role> roles,
            boolean enabled,
            boolean onDuty) {

        static UserView of(LoaUser u) {
            return new UserView(
                    u.getUsername(), u.displayName(), u.organisation(), u.roles(), u.isEnabled(), u.onDuty());
        }
    }

    record Duty(Boolean onDuty) {}

    private final UserAccounts accounts;

    UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/me")
    UserView me(Actor actor) {
        return UserView.of(accounts.loadUserByUsername(actor.username()));
    }

    /** The on-duty approver approves rebuttals of false information, which then publish at once. */
    @PutMapping("/me/on-duty")
    UserView onDuty(@RequestBody Duty body, Actor actor) {
        Permissions.requireAny(actor, "go on duty", Role.APPROVER, Role.ADMIN);
        if (body == null || body.onDuty() == null) {
            throw InvalidInput.of("onDuty", "is required (true or false)");
        }
        return UserView.of(accounts.setOnDuty(actor.username(), body.onDuty()));
    }

    @GetMapping("/users")
    List<UserView> list(Actor actor) {
        Permissions.requireAny(actor, "list users", Role.ADMIN);
        return accounts.list().stream().map(UserView::of).toList();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody UserAccounts.NewUser body, Actor actor) {
        Permissions.requireAny(actor, "add users", Role.ADMIN);
        return UserView.of(accounts.create(body));
    }
}
