package vn.loa.app.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.app.api.ApiTimes;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotAllowed;

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
            boolean onDuty,
            boolean mustChangePassword,
            boolean totpEnabled) {

        static UserView of(LoaUser u, boolean totpEnabled) {
            return new UserView(
                    u.getUsername(),
                    u.displayName(),
                    u.organisation(),
                    u.roles(),
                    u.isEnabled(),
                    u.onDuty(),
                    u.mustChangePassword(),
                    totpEnabled);
        }
    }

    record CodeRequest(String code) {}

    /** The proof a change to one's second factor takes. */
    record TotpOff(String password, String code) {}

    /** Shown once: type the secret into the authenticator app (or open the URI), then confirm. */
    record EnrolmentView(String secret, String otpauthUri, String next) {}

    /** Shown once: each code signs in once when the phone is not at hand. */
    record RecoveryCodesView(List<String> recoveryCodes) {}

    record TotpView(
            boolean enabled, boolean pending, boolean required, int recoveryCodesLeft, OffsetDateTime enabledAt) {}

    record Duty(Boolean onDuty) {}

    record PasswordChange(String currentPassword, String newPassword) {}

    record RolesChange(Set<Role> roles, String organisation) {}

    /** Shown once, to be handed to the person; they must choose their own at the next sign-in. */
    record OneTimePasswordView(String username, String oneTimePassword, boolean mustChangeAtNextSignIn) {}

    record AddressUnlock(String address) {}

    record TokenRequest(String name) {}

    record TokenView(
            long id,
            String name,
            String prefix,
            OffsetDateTime createdAt,
            OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt) {}

    /** Shown once: keep the token in the script's secret store; Loa keeps only its hash. */
    record NewTokenView(long id, String name, String prefix, OffsetDateTime createdAt, String token) {}

    record LockView(SignInThrottle.Scope scope, String key, OffsetDateTime until) {}

    private final UserAccounts accounts;
    private final SignInThrottle throttle;
    private final ApiTokens tokens;
    private final TotpAccounts totp;
    private final ApiTimes times;

    UserController(
            UserAccounts accounts, SignInThrottle throttle, ApiTokens tokens, TotpAccounts totp, ApiTimes times) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.tokens = tokens;
        this.totp = totp;
        this.times = times;
    }

    @GetMapping("/me/totp")
    TotpView totp(Actor actor) {
        var status = totp.status(actor.username());
        var me = accounts.loadUserByUsername(actor.username());
        return new TotpView(
                status.enabled(),
                status.pending(),
                me.roles().stream().anyMatch(totp.requiredRoles()::contains),
                status.recoveryCodesLeft(),
                times.inCity(status.enabledAt()));
    }

    /** Step one of turning TOTP on: the secret, this once. Needs the password, not a token. */
    @PostMapping("/me/totp")
    @ResponseStatus(HttpStatus.CREATED)
    EnrolmentView startTotp(Actor actor) {
        passwordSignedIn("turn on TOTP");
        var enrolment = totp.start(actor);
        return new EnrolmentView(enrolment.secret(), enrolment.otpauthUri(), "POST /api/me/totp/confirm");
    }

    /** Step two: a first code from the app turns TOTP on; the recovery codes come back once. */
    @PostMapping("/me/totp/confirm")
    RecoveryCodesView confirmTotp(@RequestBody(required = false) CodeRequest body, Actor actor) {
        passwordSignedIn("turn on TOTP");
        return new RecoveryCodesView(totp.confirm(actor, body == null ? null : body.code()));
    }

    @PostMapping("/me/totp/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disableTotp(@RequestBody(required = false) TotpOff body, Actor actor) {
        passwordSignedIn("turn off TOTP");
        var off = body == null ? new TotpOff(null, null) : body;
        totp.disable(actor, off.password(), off.code());
    }

    /** Ten new recovery codes, shown once; the old ones stop working. */
    @PostMapping("/me/totp/recovery-codes")
    RecoveryCodesView renewRecoveryCodes(@RequestBody(required = false) TotpOff body, Actor actor) {
        passwordSignedIn("renew recovery codes");
        var proof = body == null ? new TotpOff(null, null) : body;
        return new RecoveryCodesView(totp.renewRecoveryCodes(actor, proof.password(), proof.code()));
    }

    /** A lost phone: the person signs in with the password alone again (and enrols anew). */
    @PostMapping("/users/{username}/reset-totp")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetTotp(@PathVariable String username, Actor actor) {
        totp.reset(actor, username);
    }

    /** A stolen token must not change how its owner signs in (it could lock them out). */
    private static void passwordSignedIn(String what) {
        if (TokenSignIn.current()) {
            throw new NotAllowed("A token cannot " + what + ": sign in with your password");
        }
    }

    /** A personal API token for scripts (use as {@code Authorization: Bearer …}). */
    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    NewTokenView createToken(@RequestBody(required = false) TokenRequest body, Actor actor) {
        var made = tokens.create(actor, body == null ? null : body.name(), TokenSignIn.current());
        var info = made.info();
        return new NewTokenView(info.id(), info.name(), info.prefix(), times.inCity(info.createdAt()), made.token());
    }

    @GetMapping("/me/tokens")
    List<TokenView> tokens(Actor actor) {
        return tokens.list(actor).stream()
                .map(t -> new TokenView(
                        t.id(),
                        t.name(),
                        t.prefix(),
                        times.inCity(t.createdAt()),
                        times.inCity(t.lastUsedAt()),
                        times.inCity(t.revokedAt())))
                .toList();
    }

    @DeleteMapping("/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@PathVariable long id, Actor actor) {
        tokens.revoke(actor, id);
    }

    @GetMapping("/me")
    UserView me(Actor actor) {
        return view(accounts.loadUserByUsername(actor.username()));
    }

    /** The on-duty approver approves rebuttals of false information, which then publish at once. */
    @PutMapping("/me/on-duty")
    UserView onDuty(@RequestBody Duty body, Actor actor) {
        Permissions.requireAny(actor, "go on duty", Role.APPROVER, Role.ADMIN);
        if (body == null || body.onDuty() == null) {
            throw InvalidInput.of("onDuty", "is required (true or false)");
        }
        return view(accounts.setOnDuty(actor.username(), body.onDuty()));
    }

    /** Changes the caller's own password; their other sessions end. */
    @PutMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody(required = false) PasswordChange body, Actor actor) {
        var change = body == null ? new PasswordChange(null, null) : body;
        accounts.changeOwnPassword(actor, change.currentPassword(), change.newPassword());
    }

    @GetMapping("/users")
    List<UserView> list(Actor actor) {
        Permissions.requireAny(actor, "list users", Role.ADMIN);
        var enrolled = totp.enrolled();
        return accounts.list().stream()
                .map(u -> UserView.of(u, enrolled.contains(u.getUsername())))
                .toList();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody UserAccounts.NewUser body, Actor actor) {
        Permissions.requireAny(actor, "add users", Role.ADMIN);
        return view(accounts.create(body, actor));
    }

    /** Their sessions and API access end at once; they get the same 401 as a wrong password. */
    @PostMapping("/users/{username}/disable")
    UserView disable(@PathVariable String username, Actor actor) {
        return view(accounts.setEnabled(actor, username, false));
    }

    @PostMapping("/users/{username}/enable")
    UserView enable(@PathVariable String username, Actor actor) {
        return view(accounts.setEnabled(actor, username, true));
    }

    @PostMapping("/users/{username}/reset-password")
    OneTimePasswordView resetPassword(@PathVariable String username, Actor actor) {
        var reset = accounts.resetPassword(actor, username);
        return new OneTimePasswordView(reset.username(), reset.password(), true);
    }

    /** Lifts the lock (or the waiting) that failed sign-ins put on an account. */
    @PostMapping("/users/{username}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlock(@PathVariable String username, Actor actor) {
        throttle.unlock(actor, SignInThrottle.Scope.ACCOUNT, username);
    }

    /** Accounts and addresses locked by failed sign-ins, now. */
    @GetMapping("/sign-in-locks")
    List<LockView> locks(Actor actor) {
        return throttle.locks(actor).stream()
                .map(l -> new LockView(l.scope(), l.key(), times.inCity(l.until())))
                .toList();
    }

    @PostMapping("/sign-in-locks/unlock-address")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlockAddress(@RequestBody(required = false) AddressUnlock body, Actor actor) {
        if (body == null || body.address() == null || body.address().isBlank()) {
            throw InvalidInput.of("address", "is required");
        }
        throttle.unlock(actor, SignInThrottle.Scope.ADDRESS, body.address().strip());
    }

    private UserView view(LoaUser user) {
        return UserView.of(user, totp.enabled(user.getUsername()));
    }

    @PutMapping("/users/{username}/roles")
    UserView changeRoles(@PathVariable String username, @RequestBody(required = false) RolesChange body, Actor actor) {
        var change = body == null ? new RolesChange(null, null) : body;
        return view(accounts.changeRoles(actor, username, change.roles(), change.organisation()));
    }
}
