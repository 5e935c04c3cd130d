package vn.loa.campaigns.channel;

import java.time.DateTimeException;
import java.time.ZoneId;
import vn.loa.campaigns.shared.Checks;
import vn.loa.connectors.Platform;

/**
 * A page, channel or official account Loa publishes to. Times of its deliveries are shown in its
 * own zone; the city's zone is the default. With {@code nativeScheduling} its deliveries far enough
 * ahead are handed to the platform's own scheduler.
 */
public record Channel(
        Long id,
        Platform platform,
        String externalId,
        String displayName,
        ChannelRole role,
        long followerCount,
        String organisation,
        ZoneId zone,
        boolean active,
        boolean nativeScheduling,
        int maxInFlight) {

    /** Platform calls in flight at once for one channel, unless set otherwise. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 4;

    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** What a person types in when registering or changing a channel. */
    public record Details(
            Platform platform,
            String externalId,
            String displayName,
            ChannelRole role,
            Long followerCount,
            String organisation,
            String zone,
            Boolean active,
            Boolean nativeScheduling,
            Integer maxInFlight) {

        public Details(
                Platform platform,
                String externalId,
                String displayName,
                ChannelRole role,
                Long followerCount,
                String organisation,
                String zone,
                Boolean active) {
            this(platform, externalId, displayName, role, followerCount, organisation, zone, active, null, null);
        }

        /**
         * A change as given, every field it leaves out (null) taken from {@code current}: a change
         * that names only what it changes loses no other setting (nativeScheduling, maxInFlight, …).
         */
        public Details over(Channel current) {
            return new Details(
                    platform != null ? platform : current.platform(),
                    externalId != null ? externalId : current.externalId(),
                    displayName != null ? displayName : current.displayName(),
                    role != null ? role : current.role(),
                    followerCount != null ? followerCount : current.followerCount(),
                    organisation != null ? organisation : current.organisation(),
                    zone != null ? zone : current.zone().getId(),
                    active != null ? active : current.active(),
                    nativeScheduling != null ? nativeScheduling : current.nativeScheduling(),
                    maxInFlight != null ? maxInFlight : current.maxInFlight());
        }
    }

    public static Channel from(Long id, Details d) {
        var checks = new Checks()
                .required("platform", d.platform())
                .requiredText("externalId", d.externalId(), 100)
                .requiredText("displayName", d.displayName(), 200)
                .required("role", d.role())
                .that(d.followerCount() == null || d.followerCount() >= 0, "followerCount", "must be 0 or more")
                .requiredText("organisation", d.organisation(), 200)
                .that(
                        d.maxInFlight() == null || (d.maxInFlight() >= 1 && d.maxInFlight() <= 50),
                        "maxInFlight",
                        "must be between 1 and 50");
        ZoneId zone = CITY_ZONE;
        if (d.zone() != null && !d.zone().isBlank()) {
            try {
                zone = ZoneId.of(d.zone().strip());
            } catch (DateTimeException e) {
                checks.add("zone", "is not a known time zone (for example Asia/Ho_Chi_Minh)");
            }
        }
        checks.throwIfAny();
        return new Channel(
                id,
                d.platform(),
                d.externalId().strip(),
                d.displayName().strip(),
                d.role(),
                d.followerCount() == null ? 0 : d.followerCount(),
                d.organisation().strip(),
                zone,
                d.active() == null || d.active(),
                Boolean.TRUE.equals(d.nativeScheduling()),
                d.maxInFlight() == null ? DEFAULT_MAX_IN_FLIGHT : d.maxInFlight());
    }

    public Channel withId(long newId) {
        return new Channel(
                newId,
                platform,
                externalId,
                displayName,
                role,
                followerCount,
                organisation,
                zone,
                active,
                nativeScheduling,
                maxInFlight);
    }

    public String label() {
        return displayName + " (" + platform.displayName() + ")";
    }
}
