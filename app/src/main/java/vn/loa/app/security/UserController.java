package vn.loa.app.security;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;

/** Who am I, and (for administrators) who may sign in. Password hashes never leave the server. */
@RestController
@RequestMapping("/api")
class UserController {

    record UserView(String username, String displayName, String organisation, Set<Role> roles, boolean enabled) {

        static UserView of(LoaUser u) {
            return new UserView(u.getUsername(), u.displayName(), u.organisation(), u.roles(), u.isEnabled());
        }
    }

    private final UserAccounts accounts;

    UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/me")
    UserView me(Actor actor) {
        return UserView.of(accounts.loadUserByUsername(actor.username()));
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
