package vn.loa.app.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;

/** A signed-in person: Spring Security's user plus the organisation a partner admin is bound to. */
public class LoaUser extends User {

    private final String displayName;
    private final String organisation;
    private final Set<Role> roles;
    private final boolean onDuty;
    private final Standing standing;

    /**
     * What decides whether a signed-in session still stands: the account is enabled, its password
     * need not be changed first, and its session epoch is the one the session was opened with.
     */
    public record Standing(boolean enabled, boolean mustChangePassword, long sessionEpoch) {}

    public LoaUser(
            String username,
            String passwordHash,
            String displayName,
            String organisation,
            Set<Role> roles,
            boolean onDuty,
            Standing standing) {
        super(username, passwordHash, standing.enabled(), true, true, true, authorities(roles));
        this.displayName = displayName;
        this.organisation = organisation;
        this.roles = Set.copyOf(roles);
        this.onDuty = onDuty;
        this.standing = standing;
    }

    public Standing standing() {
        return standing;
    }

    public boolean mustChangePassword() {
        return standing.mustChangePassword();
    }

    public Actor actor() {
        return new Actor(getUsername(), roles, organisation, onDuty);
    }

    public String displayName() {
        return displayName;
    }

    public String organisation() {
        return organisation;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean onDuty() {
        return onDuty;
    }

    private static Collection<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
                .collect(Collectors.toSet());
    }
}
