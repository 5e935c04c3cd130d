package vn.loa.campaigns.content;

import java.util.Collection;
import java.util.List;
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

    /**
     * {@link #updateStatus} for several items in one step (one round trip where the store can);
     * throws {@link vn.loa.campaigns.shared.ConcurrentChange} when any changed since it was read,
     * and the caller's transaction then keeps none.
     */
    default List<ContentItem> updateStatusAll(List<ContentItem> items) {
        return items.stream().map(this::updateStatus).toList();
    }

    Optional<ContentItem> find(long id);

    /** The items with these ids, with their variants; ids not found are left out. */
    default List<ContentItem> findAll(Collection<Long> ids) {
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** The item without its variants, for status changes that do not need them. */
    Optional<ContentItem> findHeader(long id);

    Page<ContentItem> search(ContentFilter filter, PageRequest page);
}
