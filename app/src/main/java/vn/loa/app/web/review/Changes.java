package vn.loa.app.web.review;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.loa.app.content.ReviewSnapshots;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentVariant;
import vn.loa.connectors.Platform;

/** What changed in an item since its last review, field by field (unchanged fields are left out). */
final class Changes {

    /** One changed field, named by a message key, with its word-by-word difference. */
    record Change(String field, String platform, List<TextDiff.Part> parts) {}

    private Changes() {}

    static List<Change> since(ReviewSnapshots.Snapshot before, ContentItem now) {
        var changes = new ArrayList<Change>();
        add(changes, "field.title", null, before.title(), now.title());
        add(changes, "field.body", null, before.body(), now.body());
        add(changes, "field.link", null, before.link(), now.link());
        add(changes, "field.media", null, String.join("\n", before.media()), String.join("\n", now.media()));
        add(changes, "field.tags", null, String.join(", ", before.tags()), String.join(", ", now.tags()));
        Map<Platform, ContentVariant> old = new EnumMap<>(Platform.class);
        before.variants().forEach(v -> old.put(v.platform(), v));
        for (var p : Platform.values()) {
            var a = old.get(p);
            var b = now.variants().get(p);
            if (a == null && b == null) {
                continue;
            }
            var name = p.name();
            add(changes, "review.variant.title", name, a == null ? null : a.title(), b == null ? null : b.title());
            add(changes, "review.variant.body", name, a == null ? null : a.body(), b == null ? null : b.body());
            add(
                    changes,
                    "review.variant.description",
                    name,
                    a == null ? null : a.description(),
                    b == null ? null : b.description());
            add(
                    changes,
                    "review.variant.cover",
                    name,
                    a == null ? null : a.coverUrl(),
                    b == null ? null : b.coverUrl());
            add(
                    changes,
                    "review.variant.media",
                    name,
                    a == null ? null : String.join("\n", a.media()),
                    b == null ? null : String.join("\n", b.media()));
        }
        return changes;
    }

    private static void add(List<Change> changes, String field, String platform, String before, String after) {
        var a = before == null ? "" : before;
        var b = after == null ? "" : after;
        if (!Objects.equals(a, b)) {
            changes.add(new Change(field, platform, TextDiff.of(a, b)));
        }
    }
}
