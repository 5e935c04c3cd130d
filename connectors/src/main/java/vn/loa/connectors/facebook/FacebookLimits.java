package vn.loa.connectors.facebook;

import java.util.ArrayList;
import java.util.List;
import vn.loa.connectors.Media;
import vn.loa.connectors.Platform;
import vn.loa.connectors.PostKind;
import vn.loa.connectors.PublishRequest;
import vn.loa.connectors.Violation;

/** Facebook Page post limits, checked before approval. */
final class FacebookLimits {

    private final FacebookSettings settings;

    FacebookLimits(FacebookSettings settings) {
        this.settings = settings;
    }

    List<Violation> check(PublishRequest draft) {
        var problems = new ArrayList<Violation>();
        var text = draft.text() == null ? "" : draft.text();
        if (text.isBlank()
                && draft.media().isEmpty()
                && (draft.link() == null || draft.link().isBlank())) {
            problems.add(violation("body", "a Facebook post needs text, a link or a photo"));
        }
        var length = text.codePointCount(0, text.length());
        if (length > settings.messageMaxChars()) {
            problems.add(violation(
                    "body",
                    "Facebook posts take at most " + settings.messageMaxChars() + " characters (this one has " + length
                            + ")"));
        }
        if (draft.kind() == PostKind.ARTICLE) {
            problems.add(violation("kind", "Facebook Pages take posts, photos and videos, not articles"));
        }
        if (draft.kind() == PostKind.VIDEO && draft.media().size() != 1) {
            problems.add(violation("media", "a Facebook video post takes exactly one video"));
        }
        if (draft.kind() != PostKind.VIDEO) {
            for (int i = 0; i < draft.media().size(); i++) {
                checkPhoto(draft.media().get(i), "media[" + i + "]", problems);
            }
        }
        return problems;
    }

    private void checkPhoto(Media photo, String field, List<Violation> problems) {
        if (photo.sizeBytes() != null && photo.sizeBytes() > settings.photoMaxBytes()) {
            problems.add(violation(
                    field,
                    "Facebook photos must be under " + settings.photoMaxBytes() / (1024 * 1024) + " MB (this one is "
                            + String.format("%.1f", photo.sizeBytes() / 1048576.0) + " MB)"));
        }
        if (photo.contentType() != null
                && !settings.photoTypes().contains(photo.contentType().toLowerCase())) {
            problems.add(violation(
                    field, "Facebook takes JPG, PNG, GIF, TIFF, HEIF or WebP photos, not " + photo.contentType()));
        }
    }

    private static Violation violation(String field, String message) {
        return new Violation(Platform.FACEBOOK, field, message);
    }
}
