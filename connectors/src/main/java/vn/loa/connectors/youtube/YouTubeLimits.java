package vn.loa.connectors.youtube;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.loa.connectors.Platform;
import vn.loa.connectors.PostKind;
import vn.loa.connectors.PublishRequest;
import vn.loa.connectors.Violation;

/** YouTube video metadata limits, as the Data API documents them. */
final class YouTubeLimits {

    static final int TITLE_MAX_CHARS = 100;
    static final int DESCRIPTION_MAX_BYTES = 5_000;
    static final int TAGS_MAX_CHARS = 500;
    static final int HASHTAGS_MAX = 60;
    static final long VIDEO_MAX_BYTES = 256L * 1024 * 1024 * 1024;
    static final Duration VIDEO_MAX_LENGTH = Duration.ofHours(12);
    static final long THUMBNAIL_MAX_BYTES = 50L * 1024 * 1024;
    private static final Pattern HASHTAG = Pattern.compile("(^|\\s)#[\\p{L}\\p{N}_]+");

    List<Violation> check(PublishRequest d) {
        var problems = new ArrayList<Violation>();
        if (d.kind() != PostKind.VIDEO) {
            problems.add(v("kind", "YouTube takes videos only (community posts have no API)"));
        }
        var title = d.title() == null ? "" : d.title();
        if (title.isBlank()) {
            problems.add(v("title", "a YouTube video needs a title"));
        }
        var titleLength = title.codePointCount(0, title.length());
        if (titleLength > TITLE_MAX_CHARS) {
            problems.add(v(
                    "title",
                    "YouTube titles take at most " + TITLE_MAX_CHARS + " characters (this one has " + titleLength
                            + ")"));
        }
        if (title.contains("<") || title.contains(">")) {
            problems.add(v("title", "YouTube titles may not contain < or >"));
        }
        var description = d.text() == null ? "" : d.text();
        var bytes = description.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > DESCRIPTION_MAX_BYTES) {
            problems.add(v(
                    "body",
                    "YouTube descriptions take at most " + DESCRIPTION_MAX_BYTES + " bytes of UTF-8; this one has "
                            + bytes + " (Vietnamese letters with marks take 2-3 bytes each)"));
        }
        if (description.contains("<") || description.contains(">")) {
            problems.add(v("body", "YouTube descriptions may not contain < or >"));
        }
        var tagsLength = tagsLength(d.tags());
        if (tagsLength > TAGS_MAX_CHARS) {
            problems.add(v(
                    "tags",
                    "YouTube tags take at most " + TAGS_MAX_CHARS + " characters together, counting"
                            + " commas and 2 for each tag with a space (these count " + tagsLength + ")"));
        }
        var hashtags = HASHTAG.matcher(title + " " + description).results().count();
        if (hashtags > HASHTAGS_MAX) {
            problems.add(v(
                    "body",
                    "with more than " + HASHTAGS_MAX + " hashtags YouTube ignores them all (found " + hashtags + ")"));
        }
        if (d.media().size() != 1) {
            problems.add(v("media", "a YouTube upload takes exactly one video file"));
        } else {
            var video = d.media().get(0);
            if (video.sizeBytes() != null && video.sizeBytes() > VIDEO_MAX_BYTES) {
                problems.add(v("media[0]", "YouTube videos may be at most 256 GB"));
            }
            if (video.length() != null && video.length().compareTo(VIDEO_MAX_LENGTH) > 0) {
                problems.add(v("media[0]", "YouTube videos may be at most 12 hours long"));
            }
            if (video.contentType() != null
                    && !video.contentType().startsWith("video/")
                    && !video.contentType().equals("application/octet-stream")) {
                problems.add(v("media[0]", "YouTube takes video files, not " + video.contentType()));
            }
        }
        if (d.cover() != null) {
            if (d.cover().sizeBytes() != null && d.cover().sizeBytes() > THUMBNAIL_MAX_BYTES) {
                problems.add(v("coverUrl", "YouTube thumbnails may be at most 50 MB"));
            }
            var type = d.cover().contentType();
            if (type != null && !type.equals("image/jpeg") && !type.equals("image/png")) {
                problems.add(v("coverUrl", "YouTube thumbnails must be JPEG or PNG"));
            }
        }
        return problems;
    }

    /** Tags count their characters, a comma between each, and 2 more for a tag with a space (it is quoted). */
    static int tagsLength(List<String> tags) {
        int total = 0;
        for (var tag : tags) {
            total += tag.codePointCount(0, tag.length()) + (tag.contains(" ") ? 2 : 0);
        }
        return total + Math.max(0, tags.size() - 1);
    }

    private static Violation v(String field, String message) {
        return new Violation(Platform.YOUTUBE, field, message);
    }
}
