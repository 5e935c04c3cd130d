package vn.loa.templates.variant;

import java.util.List;

/**
 * A first draft of one platform's variant, which the author can then edit. Fields a platform does
 * not use are null: Facebook has no title, YouTube and Facebook have no separate description.
 */
public record VariantDraft(
        String title,
        String body,
        String description,
        String link,
        String coverUrl,
        List<String> media,
        List<String> tags) {}
