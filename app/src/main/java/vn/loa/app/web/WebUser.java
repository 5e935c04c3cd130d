package vn.loa.app.web;

import java.util.Set;
import vn.loa.app.security.LoaUser;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;

/**
 * The signed-in person as the pages see them: which menus to show. The use cases still check every
 * action; hiding a menu is only a courtesy.
 */
public record WebUser(String username, String displayName, String organisation, Set<Role> roles, boolean onDuty) {

    public static WebUser of(LoaUser u) {
        return new WebUser(u.getUsername(), u.displayName(), u.organisation(), u.roles(), u.onDuty());
    }

    public Actor actor() {
        return new Actor(username, roles, organisation, onDuty);
    }

    public boolean canPlan() {
        return roles.contains(Role.PLANNER) || roles.contains(Role.ADMIN);
    }

    public boolean canApprove() {
        return roles.contains(Role.APPROVER) || roles.contains(Role.ADMIN);
    }

    /** Reads the editorial pipeline and reports (everyone but a partner admin alone). */
    public boolean canRead() {
        return roles.contains(Role.ADMIN)
                || roles.contains(Role.PLANNER)
                || roles.contains(Role.APPROVER)
                || roles.contains(Role.LEADERSHIP);
    }

    public boolean canSeeChannels() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.PLANNER) || roles.contains(Role.LEADERSHIP);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean isPartner() {
        return roles.contains(Role.PARTNER_ADMIN);
    }
}
