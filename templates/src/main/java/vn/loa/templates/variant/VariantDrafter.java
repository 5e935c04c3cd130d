package vn.loa.templates.variant;

import java.util.List;
import java.util.stream.Collectors;
import vn.loa.connectors.Platform;

/**
 * Fits the master text to a platform's shape so that an author writes once and only touches up
 * each variant. It keeps within the lengths each platform is known to accept; the full validation
 * against platform limits happens before approval.
 */
public final class VariantDrafter {

    static final int YOUTUBE_TITLE_MAX = 100;
    static final int ZALO_TITLE_MAX = 150;
    static final int ZALO_DESCRIPTION_MAX = 300;

    public VariantDraft draft(Platform platform, MasterText master) {
        return switch (platform) {
            case FACEBOOK -> facebook(master);
            case YOUTUBE -> youtube(master);
            case ZALO -> zalo(master);
        };
    }

    private VariantDraft facebook(MasterText m) {
        var text = new StringBuilder(m.title());
        appendParagraph(text, m.body());
        appendParagraph(text, hashtags(m.tags()));
        return new VariantDraft(null, text.toString(), null, m.link(), null, m.media(), m.tags());
    }

    private VariantDraft youtube(MasterText m) {
        // YouTube refuses angle brackets in titles and descriptions.
        var title = shorten(stripAngleBrackets(m.title()), YOUTUBE_TITLE_MAX);
        var description = new StringBuilder(stripAngleBrackets(m.body()));
        if (m.link() != null && !m.link().isBlank()) {
            appendParagraph(description, m.link());
        }
        return new VariantDraft(title, description.toString(), null, m.link(), null, m.media(), m.tags());
    }

    private VariantDraft zalo(MasterText m) {
        var cover = m.media().isEmpty() ? null : m.media().get(0);
        return new VariantDraft(
                shorten(m.title(), ZALO_TITLE_MAX),
                m.body(),
                shorten(firstParagraph(m.body()), ZALO_DESCRIPTION_MAX),
                m.link(),
                cover,
                m.media(),
                m.tags());
    }

    private static void appendParagraph(StringBuilder text, String paragraph) {
        if (paragraph == null || paragraph.isBlank()) {
            return;
        }
        if (text.length() > 0) {
            text.append("\n\n");
        }
        text.append(paragraph);
    }

    private static String hashtags(List<String> tags) {
        return tags.stream()
                .map(tag -> tag.replaceAll("\\s+", ""))
                .filter(tag -> !tag.isEmpty())
                .map(tag -> tag.startsWith("#") ? tag : "#" + tag)
                .collect(Collectors.joining(" "));
    }

    private static String firstParagraph(String body) {
        var trimmed = body.strip();
        var end = trimmed.indexOf("\n\n");
        return end < 0 ? trimmed : trimmed.substring(0, end);
    }

    private static String stripAngleBrackets(String s) {
        return s.replace("<", "").replace(">", "");
    }

    /** Cuts at a word boundary where one is near, and marks the cut with an ellipsis. */
    static String shorten(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        var cut = s.substring(0, s.offsetByCodePoints(0, max - 1));
        var space = cut.lastIndexOf(' ');
        if (space > max / 2) {
            cut = cut.substring(0, space);
        }
        return cut.stripTrailing() + "…";
    }
}
