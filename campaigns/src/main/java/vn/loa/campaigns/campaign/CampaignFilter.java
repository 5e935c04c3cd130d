package vn.loa.campaigns.campaign;

import java.time.LocalDate;

/** Narrows a campaign listing; null fields do not narrow. Campaigns overlapping [from, to] match. */
public record CampaignFilter(Long planId, Long themeId, Long channelId, LocalDate from, LocalDate to) {}
