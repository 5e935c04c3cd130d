package vn.loa.campaigns.access;

import java.util.Set;

/**
 * The person on whose behalf a use case runs. {@code organisation} binds a partner admin to one
 * partner; {@code onDuty} marks the approver on duty for the rapid response lane.
 */
public record Actor(String username, Set<Role> roles, String organisation, boolean onDuty) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public Actor(String username, Set<Role> roles, String organisation) {
        this(username, roles, organisation, false);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isPartnerAdminOnly() {
        return has(Role.PARTNER_ADMIN) && !has(Role.ADMIN) && !has(Role.LEADERSHIP);
    }
}
