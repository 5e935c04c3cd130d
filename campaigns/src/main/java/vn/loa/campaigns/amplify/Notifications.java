package vn.loa.campaigns.amplify;

import java.util.List;

/**
 * Delivers notices to people: in Loa (a list per user) and, where e-mail is set up, by e-mail.
 * Each notice goes to the partner admins of its organisation, or of the nearest organisation
 * above it that has any.
 */
public interface Notifications {

    void send(List<Notice> notices);
}
