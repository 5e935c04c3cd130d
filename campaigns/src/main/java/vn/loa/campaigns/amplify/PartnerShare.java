package vn.loa.campaigns.amplify;

import java.time.Instant;

/**
 * A partner's post of a pack. {@code postId} is the post's id on its platform (as the platform's
 * API names it where Loa can tell); {@code ownerVerified} says whether the address itself showed
 * the post is on the partner's registered page (YouTube addresses never say which channel a video
 * is on).
 */
public record PartnerShare(
        Long id,
        long packId,
        long pageId,
        String url,
        String postId,
        ShareMethod method,
        boolean ownerVerified,
        Instant sharedAt,
        String recordedBy) {

    public PartnerShare withId(long newId) {
        return new PartnerShare(newId, packId, pageId, url, postId, method, ownerVerified, sharedAt, recordedBy);
    }
}
