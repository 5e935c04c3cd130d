package vn.loa.campaigns.workflow;

import vn.loa.campaigns.delivery.Delivery;

/**
 * Told, inside the transaction that records it, that a delivery was published. Implementations
 * must be quick and must not fail: they note what to do and do it after the commit (partner
 * amplification pushes a rebuttal to the partners from here).
 */
@FunctionalInterface
public interface PublicationListener {

    PublicationListener NONE = delivery -> {};

    void published(Delivery delivery);
}
