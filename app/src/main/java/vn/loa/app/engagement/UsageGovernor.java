package vn.loa.app.engagement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.loa.connectors.Platform;
import vn.loa.connectors.UsageObserver;

/**
 * Remembers how much of each platform's rate budget the platform last said was used (Meta's usage
 * headers, YouTube's quota ledger). Bulk work slows down past the threshold (80 %) until a reading
 * below it, or until the reading is five minutes old.
 */
@Component
public class UsageGovernor implements UsageObserver {

    static final int THRESHOLD = 80;
    private static final Duration FRESH = Duration.ofMinutes(5);

    private record Reading(int percent, Instant at) {}

    private final Map<Platform, Reading> readings = new EnumMap<>(Platform.class);
    private final Clock clock;

    public UsageGovernor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void observed(Platform platform, String scope, int percentUsed, Duration regainAccessIn) {
        if (scope.startsWith("units:")) {
            return; // YouTube's ledger refuses by itself when the budget is spent
        }
        var now = clock.instant();
        var previous = readings.get(platform);
        // Several scopes report per call (app, page, business use case): keep the highest of the moment.
        if (previous == null || previous.at().isBefore(now.minusSeconds(1)) || percentUsed > previous.percent()) {
            readings.put(platform, new Reading(percentUsed, now));
        }
    }

    public synchronized boolean shouldSlowDown(Platform platform) {
        var r = readings.get(platform);
        return r != null
                && r.percent() >= THRESHOLD
                && r.at().isAfter(clock.instant().minus(FRESH));
    }
}
