package vn.loa.connectors.zalo;

import java.util.ArrayList;
import java.util.List;
import vn.loa.connectors.Platform;
import vn.loa.connectors.PostKind;
import vn.loa.connectors.PublishRequest;
import vn.loa.connectors.Violation;

/** Zalo OA article limits (third-party digests; configurable). */
final class ZaloLimits {

    private final ZaloSettings settings;

    ZaloLimits(ZaloSettings settings) {
        this.settings = settings;
    }

    List<Violation> check(PublishRequest d) {
        var problems = new ArrayList<Violation>();
        if (d.kind() != PostKind.ARTICLE && d.kind() != PostKind.VIDEO) {
            problems.add(v("kind", "Zalo OA publishes articles and video articles"));
        }
        var title = d.title() == null ? "" : d.title();
        if (title.isBlank()) {
            problems.add(v("title", "a Zalo article needs a title"));
        }
        length(problems, "title", title, settings.titleMax());
        length(problems, "author", d.author(), settings.authorMax());
        length(problems, "description", d.summary(), settings.descriptionMax());
        if (d.kind() == PostKind.ARTICLE) {
            cover(problems, d, "a Zalo article needs a cover photo");
            if (d.text() == null || d.text().isBlank()) {
                problems.add(v("body", "a Zalo article needs a body"));
            }
            for (int i = 0; i < d.media().size(); i++) {
                var image = d.media().get(i);
                if (image.sizeBytes() != null && image.sizeBytes() > settings.imageMaxBytes()) {
                    problems.add(v(
                            "media[" + i + "]",
                            "Zalo images may be at most " + settings.imageMaxBytes() / 1024 + " KB"));
                }
            }
        }
        if (d.kind() == PostKind.VIDEO) {
            // article/create refuses a video article without its avatar ("avatar is invalid").
            cover(problems, d, "a Zalo video article needs a cover photo");
            if (d.media().size() != 1) {
                problems.add(v("media", "a Zalo video article takes exactly one video"));
            } else {
                var video = d.media().get(0);
                if (video.sizeBytes() != null && video.sizeBytes() > settings.videoMaxBytes()) {
                    problems.add(v(
                            "media[0]",
                            "Zalo videos may be at most " + settings.videoMaxBytes() / (1024 * 1024) + " MB"));
                }
                if (video.contentType() != null
                        && !video.contentType().equals("video/mp4")
                        && !video.contentType().equals("video/x-msvideo")
                        && !video.contentType().equals("video/avi")) {
                    problems.add(v("media[0]", "Zalo takes MP4 or AVI videos, not " + video.contentType()));
                }
            }
        }
        return problems;
    }

    /**
     * The author an article is signed with, fitted to Zalo's limit: a channel's display name may be
     * longer than the article's author field takes (Loa allows 200 characters), and a long name
     * must not fail a post that is otherwise fine. Cut at the last space within the limit when
     * there is one past its middle, otherwise at the limit. Null or blank: empty, as before.
     */
    String author(String signedBy) {
        if (signedBy == null || signedBy.isBlank()) {
            return "";
        }
        var name = signedBy.strip();
        int max = settings.authorMax();
        if (name.codePointCount(0, name.length()) <= max) {
            return name;
        }
        var cut = name.substring(0, name.offsetByCodePoints(0, max));
        int space = cut.lastIndexOf(' ');
        return (space > cut.length() / 2 ? cut.substring(0, space) : cut).strip();
    }

    private void cover(List<Violation> problems, PublishRequest d, String missing) {
        if (d.cover() == null || d.cover().url() == null || d.cover().url().isBlank()) {
            problems.add(v("coverUrl", missing));
        } else if (d.cover().sizeBytes() != null && d.cover().sizeBytes() > settings.imageMaxBytes()) {
            problems.add(v("coverUrl", "Zalo images may be at most " + settings.imageMaxBytes() / 1024 + " KB"));
        }
    }

    private static void length(List<Violation> problems, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            problems.add(v(
                    field,
                    "Zalo takes at most " + max + " characters here (this has "
                            + value.codePointCount(0, value.length()) + ")"));
        }
    }

    private static Violation v(String field, String message) {
        return new Violation(Platform.ZALO, field, message);
    }
}
