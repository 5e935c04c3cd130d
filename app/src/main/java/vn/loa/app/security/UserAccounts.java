package vn.loa.app.security;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.InvalidInput;

/** The people who may sign in, stored in the database with password hashes only. */
@Service
public class UserAccounts implements UserDetailsService {

    public static final int PASSWORD_MIN = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,99}");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    public UserAccounts(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    /** What an administrator types in to add someone. */
    public record NewUser(String username, String password, String displayName, String organisation, Set<Role> roles) {}

    @Override
    public LoaUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Transactional(readOnly = true)
    public Optional<LoaUser> find(String username) {
        var roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role_name FROM app_user_role WHERE username = ?")
                .param(username)
                .query(rs -> {
                    roles.add(Role.valueOf(rs.getString(1)));
                });
        return jdbc.sql("SELECT username, password_hash, enabled, display_name, organisation, on_duty FROM app_user"
                        + " WHERE username = ?")
                .param(username)
                .query((rs, row) -> new LoaUser(
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled"),
                        rs.getString("display_name"),
                        rs.getString("organisation"),
                        roles,
                        rs.getBoolean("on_duty")))
                .optional();
    }

    @Transactional(readOnly = true)
    public List<LoaUser> list() {
        Map<String, Set<Role>> roles = new HashMap<>();
        jdbc.sql("SELECT username, role_name FROM app_user_role").query(rs -> {
            roles.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Role.class))
                    .add(Role.valueOf(rs.getString(2)));
        });
        return jdbc.sql("SELECT username, password_hash, enabled, display_name, organisation, on_duty FROM app_user"
                        + " ORDER BY username")
                .query((rs, row) -> new LoaUser(
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled"),
                        rs.getString("display_name"),
                        rs.getString("organisation"),
                        roles.getOrDefault(rs.getString("username"), Set.of()),
                        rs.getBoolean("on_duty")))
                .list();
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

    @Transactional
    public LoaUser create(NewUser u) {
        var roles = u.roles() == null ? Set.<Role>of() : u.roles();
        var checks = new Checks()
                .required("username", u.username())
                .that(
                        u.username() == null || USERNAME.matcher(u.username()).matches(),
                        "username",
                        "must be 3-100 lower-case letters, digits, '.', '_' or '-'")
                .required("password", u.password())
                .that(
                        u.password() == null || u.password().length() >= PASSWORD_MIN,
                        "password",
                        "must be at least " + PASSWORD_MIN + " characters")
                .maxLength("password", u.password(), 200)
                .requiredText("displayName", u.displayName(), 200)
                .maxLength("organisation", u.organisation(), 200)
                .that(!roles.isEmpty(), "roles", "give at least one role")
                .that(
                        !roles.contains(Role.PARTNER_ADMIN)
                                || (u.organisation() != null
                                        && !u.organisation().isBlank()),
                        "organisation",
                        "a partner admin must be bound to their organisation");
        checks.throwIfAny();
        if (find(u.username()).isPresent()) {
            throw InvalidInput.of("username", "is already taken");
        }
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, organisation, enabled)"
                        + " VALUES (?, ?, ?, ?, TRUE)")
                .params(
                        u.username(),
                        encoder.encode(u.password()),
                        u.displayName().strip(),
                        u.organisation() == null || u.organisation().isBlank()
                                ? null
                                : u.organisation().strip())
                .update();
        for (var role : roles) {
            jdbc.sql("INSERT INTO app_user_role (username, role_name) VALUES (?, ?)")
                    .params(u.username(), role.name())
                    .update();
        }
        return find(u.username()).orElseThrow();
    }
}
