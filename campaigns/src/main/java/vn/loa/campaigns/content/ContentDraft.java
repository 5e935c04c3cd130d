package vn.loa.campaigns.content;

import java.util.List;

/**
 * What an author submits when writing or editing an item. Variants left out are drafted from the
 * master text for every platform the campaign publishes to. A rebuttal of false information
 * takes the rapid response lane.
 */
public record ContentDraft(
        Long campaignId,
        String title,
        String body,
        String link,
        List<String> media,
        List<String> tags,
        List<ContentVariant> variants,
        Boolean rebuttal) {

    /** A draft that is not a rebuttal. */
    public ContentDraft(
            Long campaignId,
            String title,
            String body,
            String link,
            List<String> media,
            List<String> tags,
            List<ContentVariant> variants) {
        this(campaignId, title, body, link, media, tags, variants, null);
    }
}
