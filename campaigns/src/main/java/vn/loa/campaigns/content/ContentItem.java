package vn.loa.campaigns.content;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.IllegalTransition;
import vn.loa.connectors.Platform;

/**
 * One piece of content, written once, with one variant per target platform. Its status moves only
 * through {@link #moveTo}, which refuses what {@link ContentStatus} does not allow.
 */
public record ContentItem(
        Long id,
        long campaignId,
        String title,
        String body,
        String link,
        List<String> media,
        List<String> tags,
        Map<Platform, ContentVariant> variants,
        ContentStatus status,
        String author,
        String rejectionReason,
        Instant createdAt,
        Instant updatedAt,
        long version,
        boolean rebuttal) {

    public static final int TITLE_MAX = 300;
    public static final int BODY_MAX = 63_206;
    public static final int MEDIA_MAX = 20;
    public static final int TAGS_MAX = 30;
    public static final int TAG_MAX = 100;

    public ContentItem {
        media = List.copyOf(media);
        tags = List.copyOf(tags);
        variants = variants.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(variants));
    }

    /** Checks the master text and variants of a draft, field by field. */
    public static void check(ContentDraft d, Checks checks) {
        checks.required("campaignId", d.campaignId())
                .requiredText("title", d.title(), TITLE_MAX)
                .maxLength("body", d.body(), BODY_MAX)
                .webAddress("link", d.link())
                .maxSize("media", d.media(), MEDIA_MAX)
                .maxSize("tags", d.tags(), TAGS_MAX);
        if (d.tags() != null) {
            for (int i = 0; i < d.tags().size(); i++) {
                checks.requiredText("tags[" + i + "]", d.tags().get(i), TAG_MAX);
            }
        }
        if (d.media() != null) {
            for (int i = 0; i < d.media().size(); i++) {
                checks.required("media[" + i + "]", d.media().get(i))
                        .webAddress("media[" + i + "]", d.media().get(i));
            }
        }
        if (d.variants() != null) {
            var seen = new EnumMap<Platform, Boolean>(Platform.class);
            for (int i = 0; i < d.variants().size(); i++) {
                var variant = d.variants().get(i);
                if (variant == null) {
                    checks.add("variants[" + i + "]", "is empty");
                    continue;
                }
                variant.check(checks, "variants[" + i + "]");
                if (variant.platform() != null && seen.put(variant.platform(), true) != null) {
                    checks.add("variants[" + i + "].platform", "there is already a " + variant.platform() + " variant");
                }
            }
        }
    }

    public Optional<ContentVariant> variant(Platform platform) {
        return Optional.ofNullable(variants.get(platform));
    }

    public ContentItem moveTo(ContentStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransition("content item " + id, status, target, whyNot(target));
        }
        return new ContentItem(
                id,
                campaignId,
                title,
                body,
                link,
                media,
                tags,
                variants,
                target,
                author,
                target == ContentStatus.REJECTED ? rejectionReason : null,
                createdAt,
                now,
                version,
                rebuttal);
    }

    public ContentItem rejected(String reason, Instant now) {
        var moved = moveTo(ContentStatus.REJECTED, now);
        return new ContentItem(
                id,
                campaignId,
                title,
                body,
                link,
                media,
                tags,
                variants,
                moved.status(),
                author,
                reason,
                createdAt,
                now,
                version,
                rebuttal);
    }

    public ContentItem withText(ContentDraft d, Map<Platform, ContentVariant> newVariants, Instant now) {
        return new ContentItem(
                id,
                campaignId,
                d.title().strip(),
                d.body(),
                d.link(),
                orEmpty(d.media()),
                orEmpty(d.tags()),
                newVariants,
                status,
                author,
                rejectionReason,
                createdAt,
                now,
                version,
                d.rebuttal() == null ? rebuttal : d.rebuttal());
    }

    public ContentItem withId(long newId) {
        return stored(newId, version);
    }

    /** The item as stored at {@code storedVersion} (stores count a version per change). */
    public ContentItem withVersion(long storedVersion) {
        return stored(id, storedVersion);
    }

    private ContentItem stored(Long storedId, long storedVersion) {
        return new ContentItem(
                storedId,
                campaignId,
                title,
                body,
                link,
                media,
                tags,
                variants,
                status,
                author,
                rejectionReason,
                createdAt,
                updatedAt,
                storedVersion,
                rebuttal);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private String whyNot(ContentStatus target) {
        return switch (status) {
            case PUBLISHED -> "it is already published; edits and deletions go to the platform";
            case CANCELLED -> "it was cancelled";
            case PUBLISHING -> "it is being published right now";
            case DRAFT ->
                target == ContentStatus.APPROVED || target == ContentStatus.REJECTED
                        ? "it must be submitted for review first"
                        : "a draft must be submitted and approved first";
            case REJECTED -> "it was rejected; edit it and submit it for review again";
            case IN_REVIEW -> "it is waiting for an approver";
            default -> "only " + allowedFrom() + " may follow " + status;
        };
    }

    private String allowedFrom() {
        return Arrays.stream(ContentStatus.values())
                .filter(status::canMoveTo)
                .map(Enum::name)
                .reduce((a, b) -> a + ", " + b)
                .orElse("nothing");
    }
}
