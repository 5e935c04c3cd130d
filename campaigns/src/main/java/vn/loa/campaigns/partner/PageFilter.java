package vn.loa.campaigns.partner;

import java.util.Set;
import vn.loa.connectors.Platform;

/**
 * Narrows a page listing; null fields do not narrow. {@code organisationIds} limits it to some
 * organisations (a partner admin's own and those under it).
 */
public record PageFilter(PageStatus status, Platform platform, Set<Long> organisationIds) {

    public static final PageFilter ALL = new PageFilter(null, null, null);

    public PageFilter within(Set<Long> ids) {
        return new PageFilter(status, platform, ids);
    }
}
