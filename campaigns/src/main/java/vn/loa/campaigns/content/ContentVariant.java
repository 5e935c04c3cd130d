package vn.loa.campaigns.content;

import java.util.List;
import vn.loa.campaigns.shared.Checks;
import vn.loa.connectors.Platform;

/**
 * The content fitted to one platform: a Facebook post (body, link, photos), a YouTube video (title,
 * description in body, tags, video in media) or a Zalo article (title, description, cover, body).
 */
public record ContentVariant(
        Platform platform,
        String title,
        String body,
        String description,
        String link,
        String coverUrl,
        List<String> media,
        List<String> tags) {

    public ContentVariant {
        media = media == null ? List.of() : List.copyOf(media);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public void check(Checks checks, String prefix) {
        checks.required(prefix + ".platform", platform)
                .maxLength(prefix + ".title", title, 300)
                .maxLength(prefix + ".body", body, ContentItem.BODY_MAX)
                .maxLength(prefix + ".description", description, 5_000)
                .webAddress(prefix + ".link", link)
                .webAddress(prefix + ".coverUrl", coverUrl)
                .maxSize(prefix + ".media", media, ContentItem.MEDIA_MAX)
                .maxSize(prefix + ".tags", tags, ContentItem.TAGS_MAX);
        if ((title == null || title.isBlank()) && (body == null || body.isBlank())) {
            checks.add(prefix + ".body", "needs a title or a body");
        }
    }
}
