package vn.loa.connectors;

import java.time.Instant;
import java.util.List;

/**
 * A post as the platform knows it: its id there, a public link where there is one, and the instant
 * it goes (or went) live. {@code scheduledOnPlatform} is true while the platform's own scheduler
 * holds it. {@code warnings} says what was asked with it and not done (the post is out regardless).
 */
public record PublishedPost(
        String externalId, String url, Instant liveAt, boolean scheduledOnPlatform, List<PublishWarning> warnings) {

    public PublishedPost(String externalId, String url, Instant liveAt, boolean scheduledOnPlatform) {
        this(externalId, url, liveAt, scheduledOnPlatform, List.of());
    }

    public PublishedPost {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
