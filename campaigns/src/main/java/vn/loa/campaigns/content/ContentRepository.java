package vn.loa.campaigns.content;

import java.util.Optional;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;

public interface ContentRepository {

    ContentItem insert(ContentItem item);

    /**
     * Stores the item if nobody changed it since it was read at {@code item.version()}, and returns
     * it with its new version; throws {@link vn.loa.campaigns.shared.ConcurrentChange} otherwise.
     */
    ContentItem update(ContentItem item);

    /** Like {@link #update} for a change of status (and rejection reason) only: the text and variants stay as stored. */
    ContentItem updateStatus(ContentItem item);

    Optional<ContentItem> find(long id);

    /** The item without its variants, for status changes that do not need them. */
    Optional<ContentItem> findHeader(long id);

    Page<ContentItem> search(ContentFilter filter, PageRequest page);
}
