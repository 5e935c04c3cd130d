package vn.loa.campaigns.amplify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;

public interface PackRepository {

    /** Stores many packs at once (one batch); returns them with their ids, in the same order. */
    List<ContentPack> insertAll(List<ContentPack> packs);

    /** Writes the new status and delivery only if the stored status is still {@code expected}. */
    boolean move(ContentPack pack, PackStatus expected);

    Optional<ContentPack> find(long id);

    Optional<ContentPack> findByDelivery(long deliveryId);

    /** The packs of an item, withdrawn ones included. */
    List<ContentPack> findByContent(long contentId);

    Page<ContentPack> search(PackFilter filter, Instant now, PageRequest page);

    /** Open packs not yet reminded whose window ends before {@code endsBefore} but has not ended at {@code now}. */
    List<ContentPack> dueReminder(Instant now, Instant endsBefore, int limit);

    /** Marks packs reminded; returns those this call marked (another node may have taken some). */
    List<Long> markReminded(Collection<Long> ids, Instant at);

    /** Notes that an item's rebuttal push is under way; false when it was pushed already (by this node or another). */
    boolean claimRapidPush(long contentId, long officialDeliveryId, Instant at);
}
