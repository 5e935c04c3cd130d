package vn.loa.connectors;

import java.time.Instant;

/**
 * A post as the platform knows it: its id there, a public link where there is one, and the instant
 * it goes (or went) live. {@code scheduledOnPlatform} is true while the platform's own scheduler
 * holds it.
 */
public record PublishedPost(String externalId, String url, Instant liveAt, boolean scheduledOnPlatform) {}
