package vn.loa.app.audit;

import vn.loa.campaigns.audit.AuditEntry;
import vn.loa.campaigns.shared.InstantRange;

/**
 * Which audit entries to list; every part is optional. {@code subject} is a username, a setting's
 * name or a number (a channel's, an item's id); {@code action} is what was done (the entry's new
 * state, e.g. DISABLED, CONNECTED).
 */
public record AuditQuery(String actor, AuditEntry.Subject kind, String subject, String action, InstantRange range) {}
