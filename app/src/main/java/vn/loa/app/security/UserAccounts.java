package vn.loa.app.security;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.app.persistence.Timestamps;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Permissions;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotFound;

/**
 * The people who may sign in, stored in the database with password hashes only. Every change an
 * administrator or the person makes goes to the audit trail (what changed, never a password).
 */
@Service
public class UserAccounts implements UserDetailsService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,99}");
    private static final String SELECT = "SELECT username, password_hash, enabled, display_name, organisation, on_duty,"
            + " must_change_password, session_epoch FROM app_user";
    /** No 0/O, 1/l/I: a one-time password is read out or typed from a note. */
    private static final char[] ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final PasswordPolicy policy = PasswordPolicy.standard();
    private final SecureRandom random = new SecureRandom();

    public UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an administrator types in to add someone. */
    public record NewUser(String username, String password, String displayName, String organisation, Set<Role> roles) {}

    /** A password an administrator set; shown once to be handed over, changed by the person at sign-in. */
    public record OneTimePassword(String username, String password) {}

    @Override
    public LoaUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Transactional(readOnly = true)
    public Optional<LoaUser> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        var roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role_name FROM app_user_role WHERE username = ?")
                .param(username)
                .query(rs -> {
                    roles.add(Role.valueOf(rs.getString(1)));
                });
        return jdbc.sql(SELECT + " WHERE username = ?")
                .param(username)
                .query((rs, row) -> user(rs, roles))
                .optional();
    }

    /** The account's current standing, read on every request of a signed-in session. */
    @Transactional(readOnly = true)
    public Optional<LoaUser.Standing> standing(String username) {
        return jdbc.sql("SELECT enabled, must_change_password, session_epoch FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, row) -> new LoaUser.Standing(
                        rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getLong("session_epoch")))
                .optional();
    }

    @Transactional(readOnly = true)
    public List<LoaUser> list() {
        Map<String, Set<Role>> roles = new HashMap<>();
        jdbc.sql("SELECT username, role_name FROM app_user_role").query(rs -> {
            roles.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Role.class))
                    .add(Role.valueOf(rs.getString(2)));
        });
        return jdbc.sql(SELECT + " ORDER BY username")
                .query((rs, row) -> user(rs, roles.getOrDefault(rs.getString("username"), Set.of())))
                .list();
    }

    private static LoaUser user(ResultSet rs, Set<Role> roles) throws SQLException {
        return new LoaUser(
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                rs.getString("organisation"),
                roles,
                rs.getBoolean("on_duty"),
                new LoaUser.Standing(
                        rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getLong("session_epoch")));
    }

    /** Whether this is the person's password (to confirm a sensitive change while signed in). */
    @Transactional(readOnly = true)
    public boolean passwordMatches(String username, String password) {
        return password != null
                && find(username)
                        .map(u -> encoder.matches(password, u.getPassword()))
                        .orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean anyExists() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single() > 0;
    }

    /** An approver goes on or off duty for the rapid response lane. */
    @Transactional
    public LoaUser setOnDuty(String username, boolean onDuty) {
        jdbc.sql("UPDATE app_user SET on_duty = ? WHERE username = ?")
                .params(onDuty, username)
                .update();
        return loadUserByUsername(username);
    }

    /** An administrator adds someone. */
    @Transactional
    public LoaUser create(NewUser u, Actor actor) {
        Permissions.requireAny(actor, "add users", Role.ADMIN);
        return insert(u, actor.username());
    }

    /** The first administrator, the demo's people: made by Loa itself, recorded as the system's doing. */
    @Transactional
    public LoaUser create(NewUser u) {
        return insert(u, AuditEntry.SYSTEM);
    }

    private LoaUser insert(NewUser u, String by) {
        var roles = u.roles() == null ? Set.<Role>of() : u.roles();
        var checks = new Checks()
                .required("username", u.username())
                .that(
                        u.username() == null || USERNAME.matcher(u.username()).matches(),
                        "username",
                        "must be 3-100 lower-case letters, digits, '.', '_' or '-'");
        policy.check(checks, "password", u.username(), u.password());
        checks.requiredText("displayName", u.displayName(), 200)
                .maxLength("organisation", u.organisation(), 200)
                .that(!roles.isEmpty(), "roles", "give at least one role");
        partnerBound(checks, roles, u.organisation());
        checks.throwIfAny();
        if (find(u.username()).isPresent()) {
            throw InvalidInput.of("username", "is already taken");
        }
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, organisation, enabled,"
                        + " password_changed_at) VALUES (?, ?, ?, ?, TRUE, ?)")
                .params(
                        u.username(),
                        encoder.encode(u.password()),
                        u.displayName().strip(),
                        blankToNull(u.organisation()),
                        Timestamps.utc(clock.instant()))
                .update();
        for (var role : roles) {
            jdbc.sql("INSERT INTO app_user_role (username, role_name) VALUES (?, ?)")
                    .params(u.username(), role.name())
                    .update();
        }
        record(
                u.username(),
                by,
                "CREATED",
                "roles " + names(roles)
                        + (blankToNull(u.organisation()) == null
                                ? ""
                                : ", organisation " + u.organisation().strip()));
        return find(u.username()).orElseThrow();
    }

    /**
     * The person changes their own password, proving they know the current one. Their other
     * sessions end; a one-time password stops being one.
     */
    @Transactional
    public LoaUser changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
        var me = loadUserByUsername(actor.username());
        var checks = new Checks().required("currentPassword", currentPassword);
        if (currentPassword != null && !currentPassword.isEmpty()) {
            checks.that(
                    encoder.matches(currentPassword, me.getPassword()),
                    "currentPassword",
                    "is not your current password");
        }
        policy.check(checks, "newPassword", me.getUsername(), newPassword);
        checks.that(
                newPassword == null || !newPassword.equals(currentPassword),
                "newPassword",
                "must differ from the current password");
        checks.throwIfAny();
        jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = FALSE,"
                        + " session_epoch = session_epoch + 1, password_changed_at = ? WHERE username = ?")
                .params(encoder.encode(newPassword), Timestamps.utc(clock.instant()), me.getUsername())
                .update();
        record(
                me.getUsername(),
                actor.username(),
                "PASSWORD_CHANGED",
                "by the person themselves; other sessions ended");
        return loadUserByUsername(me.getUsername());
    }

    /**
     * An administrator disables someone (their sessions and API access end at once) or enables
     * them again. Nobody disables themselves: the last administrator could lock everyone out.
     */
    @Transactional
    public LoaUser setEnabled(Actor actor, String username, boolean enabled) {
        Permissions.requireAny(actor, enabled ? "enable users" : "disable users", Role.ADMIN);
        var user = existing(username);
        if (!enabled && user.getUsername().equals(actor.username())) {
            throw InvalidInput.of("username", "you cannot disable your own account");
        }
        if (user.isEnabled() == enabled) {
            return user;
        }
        jdbc.sql("UPDATE app_user SET enabled = ?, session_epoch = session_epoch + 1 WHERE username = ?")
                .params(enabled, username)
                .update();
        audit.append(new AuditEntry(
                null,
                AuditEntry.Subject.USER,
                0,
                username,
                actor.username(),
                clock.instant(),
                enabled ? "DISABLED" : "ENABLED",
                enabled ? "ENABLED" : "DISABLED",
                enabled ? "may sign in again" : "sessions and API access ended",
                null));
        return loadUserByUsername(username);
    }

    /**
     * An administrator gives someone a one-time password (they forgot theirs, or it may be known to
     * someone else): the old one stops working, their sessions end, and they must choose a new one
     * when they next sign in.
     */
    @Transactional
    public OneTimePassword resetPassword(Actor actor, String username) {
        Permissions.requireAny(actor, "reset passwords", Role.ADMIN);
        var user = existing(username);
        var password = oneTimePassword();
        jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = TRUE,"
                        + " session_epoch = session_epoch + 1, password_changed_at = ? WHERE username = ?")
                .params(encoder.encode(password), Timestamps.utc(clock.instant()), user.getUsername())
                .update();
        record(user.getUsername(), actor.username(), "PASSWORD_RESET", "one-time password issued; sessions ended");
        return new OneTimePassword(user.getUsername(), password);
    }

    /** Every open session of the person ends on its next page (their session epoch moves on). */
    @Transactional
    public void endSessions(String username) {
        jdbc.sql("UPDATE app_user SET session_epoch = session_epoch + 1 WHERE username = ?")
                .param(username)
                .update();
    }

    /** An administrator changes someone's roles (and the organisation a partner admin is bound to). */
    @Transactional
    public LoaUser changeRoles(Actor actor, String username, Set<Role> roles, String organisation) {
        Permissions.requireAny(actor, "change roles", Role.ADMIN);
        var user = existing(username);
        var wanted = roles == null ? Set.<Role>of() : roles;
        var checks = new Checks()
                .that(!wanted.isEmpty(), "roles", "give at least one role")
                .maxLength("organisation", organisation, 200)
                .that(
                        !(user.getUsername().equals(actor.username()) && !wanted.contains(Role.ADMIN)),
                        "roles",
                        "you cannot take the administrator role from yourself");
        partnerBound(checks, wanted, organisation);
        checks.throwIfAny();
        jdbc.sql("DELETE FROM app_user_role WHERE username = ?").param(username).update();
        for (var role : wanted) {
            jdbc.sql("INSERT INTO app_user_role (username, role_name) VALUES (?, ?)")
                    .params(username, role.name())
                    .update();
        }
        jdbc.sql("UPDATE app_user SET organisation = ? WHERE username = ?")
                .params(blankToNull(organisation), username)
                .update();
        var change = "roles " + names(user.roles()) + " → " + names(wanted);
        if (!Objects.equals(user.organisation(), blankToNull(organisation))) {
            change += "; organisation " + user.organisation() + " → " + blankToNull(organisation);
        }
        record(username, actor.username(), "ROLES_CHANGED", change);
        return loadUserByUsername(username);
    }

    private LoaUser existing(String username) {
        return find(username).orElseThrow(() -> new NotFound("user", username));
    }

    private void record(String username, String by, String action, String whatChanged) {
        audit.append(AuditEntry.named(AuditEntry.Subject.USER, username, by, clock.instant(), action, whatChanged));
    }

    private String oneTimePassword() {
        var out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(ONE_TIME_ALPHABET[random.nextInt(ONE_TIME_ALPHABET.length)]);
        }
        return out.toString();
    }

    private static void partnerBound(Checks checks, Set<Role> roles, String organisation) {
        checks.that(
                !roles.contains(Role.PARTNER_ADMIN) || blankToNull(organisation) != null,
                "organisation",
                "a partner admin must be bound to their organisation");
    }

    private static String names(Set<Role> roles) {
        return String.join(", ", new TreeSet<>(roles.stream().map(Role::name).toList()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
