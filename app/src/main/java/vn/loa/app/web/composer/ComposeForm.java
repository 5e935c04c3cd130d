package vn.loa.app.web.composer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.loa.campaigns.content.ContentDraft;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentVariant;
import vn.loa.connectors.Platform;

/**
 * The composer's fields as the browser sends them: the master text, and for each platform either
 * "drafted from the master text" or the author's own variant. Lists are one entry per line (media)
 * or comma-separated (tags).
 */
public record ComposeForm(
        Long campaignId,
        Long version,
        String title,
        String body,
        String link,
        String media,
        String tags,
        Boolean rebuttal,
        Boolean fbCustom,
        String fbBody,
        String fbLink,
        String fbMedia,
        Boolean ytCustom,
        String ytTitle,
        String ytBody,
        String ytTags,
        String ytMedia,
        String ytCover,
        Boolean zaloCustom,
        String zaloTitle,
        String zaloDescription,
        String zaloBody,
        String zaloCover,
        String zaloMedia) {

    public static ComposeForm empty(Long campaignId) {
        return new ComposeForm(
                campaignId,
                null,
                "",
                "",
                "",
                "",
                "",
                false,
                false,
                "",
                "",
                "",
                false,
                "",
                "",
                "",
                "",
                "",
                false,
                "",
                "",
                "",
                "",
                "");
    }

    /** The form of a stored item: its variants shown as the author's own (they are stored ones). */
    public static ComposeForm of(ContentItem i) {
        var fb = i.variant(Platform.FACEBOOK).orElse(null);
        var yt = i.variant(Platform.YOUTUBE).orElse(null);
        var zalo = i.variant(Platform.ZALO).orElse(null);
        return new ComposeForm(
                i.campaignId(),
                i.version(),
                i.title(),
                nz(i.body()),
                nz(i.link()),
                String.join("\n", i.media()),
                String.join(", ", i.tags()),
                i.rebuttal(),
                fb != null,
                fb == null ? "" : nz(fb.body()),
                fb == null ? "" : nz(fb.link()),
                fb == null ? "" : String.join("\n", fb.media()),
                yt != null,
                yt == null ? "" : nz(yt.title()),
                yt == null ? "" : nz(yt.body()),
                yt == null ? "" : String.join(", ", yt.tags()),
                yt == null ? "" : String.join("\n", yt.media()),
                yt == null ? "" : nz(yt.coverUrl()),
                zalo != null,
                zalo == null ? "" : nz(zalo.title()),
                zalo == null ? "" : nz(zalo.description()),
                zalo == null ? "" : nz(zalo.body()),
                zalo == null ? "" : nz(zalo.coverUrl()),
                zalo == null ? "" : String.join("\n", zalo.media()));
    }

    /** The variants the author wrote, in platform order; the others are drafted by the use case. */
    public List<ContentVariant> variants() {
        var variants = new ArrayList<ContentVariant>();
        if (Boolean.TRUE.equals(fbCustom)) {
            variants.add(new ContentVariant(
                    Platform.FACEBOOK, null, blank(fbBody), null, blank(fbLink), null, lines(fbMedia), tagList()));
        }
        if (Boolean.TRUE.equals(ytCustom)) {
            variants.add(new ContentVariant(
                    Platform.YOUTUBE,
                    blank(ytTitle),
                    blank(ytBody),
                    null,
                    blank(link),
                    blank(ytCover),
                    lines(ytMedia),
                    split(ytTags)));
        }
        if (Boolean.TRUE.equals(zaloCustom)) {
            variants.add(new ContentVariant(
                    Platform.ZALO,
                    blank(zaloTitle),
                    blank(zaloBody),
                    blank(zaloDescription),
                    blank(link),
                    blank(zaloCover),
                    lines(zaloMedia),
                    tagList()));
        }
        return variants;
    }

    public ContentDraft draft() {
        return new ContentDraft(
                campaignId,
                title == null ? null : title.strip(),
                blank(body),
                blank(link),
                lines(media),
                tagList(),
                variants(),
                Boolean.TRUE.equals(rebuttal));
    }

    public List<String> tagList() {
        return split(tags);
    }

    /** Whether the author writes this platform's variant themselves. */
    public boolean custom(Platform p) {
        return switch (p) {
            case FACEBOOK -> Boolean.TRUE.equals(fbCustom);
            case YOUTUBE -> Boolean.TRUE.equals(ytCustom);
            case ZALO -> Boolean.TRUE.equals(zaloCustom);
        };
    }

    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\n]"))
                .map(String::strip)
                .map(s -> s.startsWith("#") ? s.substring(1) : s)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
