package vn.loa.campaigns.delivery;

import vn.loa.campaigns.content.ContentItem;

/**
 * Carries changes to posts the platforms already hold: withdrawing a post from a platform's
 * scheduler or deleting a published one, and editing one. Throws
 * {@link vn.loa.campaigns.shared.PlatformRefused} when the platform cannot be made to follow.
 */
public interface PlatformPosts {

    void withdraw(Delivery delivery);

    void edit(Delivery delivery, ContentItem item);
}
