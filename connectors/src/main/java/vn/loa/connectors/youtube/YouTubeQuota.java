package vn.loa.connectors.youtube;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import vn.loa.connectors.Platform;
import vn.loa.connectors.UsageObserver;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/**
 * Counts YouTube quota per Google project and day (days end at midnight Pacific time, as Google's
 * do): a general unit budget and a separate bucket of uploads. A call that would overdraw is
 * refused here, before it reaches Google, as RATE_LIMITED until the next reset.
 */
public final class YouTubeQuota {

    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private record Usage(LocalDate day, int units, int uploads) {}

    private final YouTubeSettings settings;
    private final Clock clock;
    private final UsageObserver observer;
    private final Map<String, Usage> byProject = new HashMap<>();

    public YouTubeQuota(YouTubeSettings settings, Clock clock, UsageObserver observer) {
        this.settings = settings;
        this.clock = clock;
        this.observer = observer;
    }

    synchronized void spendUnits(String project, String method) {
        var cost = settings.cost(method);
        var usage = today(project);
        if (usage.units() + cost > settings.dailyUnits()) {
            throw exhausted("quotaExceeded", "the project's " + settings.dailyUnits() + " daily units are used up");
        }
        byProject.put(project, new Usage(usage.day(), usage.units() + cost, usage.uploads()));
        observer.observed(
                Platform.YOUTUBE, "units:" + project, (usage.units() + cost) * 100 / settings.dailyUnits(), null);
    }

    synchronized void spendUpload(String project) {
        var usage = today(project);
        if (usage.uploads() + 1 > settings.dailyUploads()) {
            throw exhausted(
                    "uploadQuotaExceeded", "the project's " + settings.dailyUploads() + " daily uploads are used up");
        }
        byProject.put(project, new Usage(usage.day(), usage.units(), usage.uploads() + 1));
    }

    /** Google said the quota is gone even if our count disagrees (another app on the project): believe it. */
    synchronized void exhaust(String project) {
        var usage = today(project);
        byProject.put(project, new Usage(usage.day(), settings.dailyUnits(), usage.uploads()));
    }

    /** Google refused an upload for quota: the upload bucket is empty for the day, the general units untouched. */
    synchronized void exhaustUploads(String project) {
        var usage = today(project);
        byProject.put(project, new Usage(usage.day(), usage.units(), settings.dailyUploads()));
    }

    public synchronized int unitsUsed(String project) {
        return today(project).units();
    }

    public synchronized int uploadsUsed(String project) {
        return today(project).uploads();
    }

    Duration untilReset() {
        var now = clock.instant().atZone(PACIFIC);
        return Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(PACIFIC));
    }

    private Usage today(String project) {
        var day = clock.instant().atZone(PACIFIC).toLocalDate();
        var usage = byProject.get(project);
        return usage == null || !usage.day().equals(day) ? new Usage(day, 0, 0) : usage;
    }

    private ConnectorException exhausted(String code, String message) {
        return new ConnectorException(
                Platform.YOUTUBE, FailureKind.RATE_LIMITED, code, null, untilReset(), null, message, null);
    }
}
