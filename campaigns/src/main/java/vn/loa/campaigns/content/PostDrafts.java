package vn.loa.campaigns.content;

import java.util.Locale;
import java.util.Set;
import vn.loa.connectors.ChannelAccess;
import vn.loa.connectors.Media;
import vn.loa.connectors.Platform;
import vn.loa.connectors.PostKind;
import vn.loa.connectors.PublishRequest;

/** Turns a content variant into the post a connector publishes (or validates). */
public final class PostDrafts {

    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov", "avi", "webm", "mkv", "m4v");

    private PostDrafts() {}

    public static PublishRequest toRequest(ContentVariant v, ChannelAccess channel, String idempotencyKey) {
        var media = v.media().stream().map(Media::of).toList();
        return new PublishRequest(
                channel,
                kindOf(v),
                v.title(),
                v.body(),
                v.description(),
                v.link(),
                v.coverUrl() == null || v.coverUrl().isBlank() ? null : Media.of(v.coverUrl()),
                media,
                v.tags(),
                null,
                idempotencyKey);
    }

    static PostKind kindOf(ContentVariant v) {
        var firstIsVideo = !v.media().isEmpty() && isVideo(v.media().get(0));
        return switch (v.platform()) {
            case YOUTUBE -> PostKind.VIDEO;
            case ZALO -> firstIsVideo ? PostKind.VIDEO : PostKind.ARTICLE;
            case FACEBOOK ->
                firstIsVideo
                        ? PostKind.VIDEO
                        : !v.media().isEmpty()
                                ? PostKind.PHOTO
                                : v.link() != null && !v.link().isBlank() ? PostKind.LINK : PostKind.TEXT;
        };
    }

    static boolean isVideo(String url) {
        var path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        var dot = path.lastIndexOf('.');
        return dot > 0 && VIDEO_EXTENSIONS.contains(path.substring(dot + 1));
    }

    /** Field names as the API shows them: variants[ZALO].coverUrl. */
    public static String field(Platform platform, String field) {
        return "variants[" + platform + "]." + field;
    }
}
