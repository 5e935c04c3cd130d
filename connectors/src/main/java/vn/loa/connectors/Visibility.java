package vn.loa.connectors;

/**
 * Whether the public can see a post the platform holds, and when not, the platform's own reason
 * (e.g. YouTube's {@code privacyStatus}, {@code uploadStatus} and {@code rejectionReason}).
 */
public record Visibility(String externalId, boolean isPublic, String reason) {

    public static Visibility shown(String externalId) {
        return new Visibility(externalId, true, null);
    }
}
