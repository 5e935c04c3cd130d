package vn.loa.campaigns.content;

import vn.loa.campaigns.shared.InstantRange;

/** Narrows a content listing; null fields do not narrow. {@code created} filters by when items were written. */
public record ContentFilter(
        Long campaignId, Long themeId, Long channelId, ContentStatus status, String author, InstantRange created) {}
