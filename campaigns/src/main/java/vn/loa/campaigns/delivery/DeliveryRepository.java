package vn.loa.campaigns.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.loa.campaigns.shared.Page;
import vn.loa.campaigns.shared.PageRequest;

public interface DeliveryRepository {

    /**
     * Stores a new delivery. An item has at most one live delivery (pending or published) per
     * channel; the store enforces it, so a parallel second one is refused with
     * {@link vn.loa.campaigns.shared.AlreadyExists} however the callers' checks raced.
     */
    Delivery insert(Delivery delivery);

    /** Writes the new state only if the stored one is still {@code expected}; false when it was not. */
    boolean update(Delivery delivery, DeliveryStatus expected);

    /**
     * {@link #update} for several deliveries that were all {@code expected}, in one step (one round
     * trip where the store can); returns the ids of those not written because their stored state
     * was no longer {@code expected}.
     */
    default List<Long> updateAll(List<Delivery> changed, DeliveryStatus expected) {
        return changed.stream()
                .filter(d -> !update(d, expected))
                .map(Delivery::id)
                .toList();
    }

    Optional<Delivery> find(long id);

    List<Delivery> findByContent(long contentId);

    List<Delivery> findAll(Collection<Long> ids);

    Page<Delivery> search(DeliveryFilter filter, PageRequest page);
}
