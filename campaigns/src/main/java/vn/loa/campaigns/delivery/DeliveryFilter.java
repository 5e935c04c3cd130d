package vn.loa.campaigns.delivery;

import vn.loa.campaigns.shared.InstantRange;

/**
 * Narrows a delivery listing; null fields do not narrow. {@code organisation} limits it to the
 * channels of one organisation (what a partner admin sees).
 */
public record DeliveryFilter(
        Long campaignId,
        Long themeId,
        Long channelId,
        Long contentId,
        DeliveryStatus status,
        InstantRange scheduled,
        String organisation) {

    public DeliveryFilter withOrganisation(String org) {
        return new DeliveryFilter(campaignId, themeId, channelId, contentId, status, scheduled, org);
    }
}
