package vn.loa.campaigns.amplify;

import java.util.Set;

/**
 * Narrows a pack listing; null fields do not narrow. {@code late} keeps the packs still open
 * after their window closed; {@code organisationIds} limits it to a partner admin's subtree.
 */
public record PackFilter(
        Long contentId,
        Long campaignId,
        Long pageId,
        PackStatus status,
        Boolean late,
        Boolean rapid,
        Set<Long> organisationIds) {

    public PackFilter within(Set<Long> ids) {
        return new PackFilter(contentId, campaignId, pageId, status, late, rapid, ids);
    }
}
