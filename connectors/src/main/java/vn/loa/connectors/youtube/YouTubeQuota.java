package vn.loa.connectors.youtube;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.loa.connectors.Platform;
import vn.loa.connectors.UsageObserver;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;
import vn.loa.connectors.quota.InMemoryQuotaLedger;
import vn.loa.connectors.quota.QuotaLedger;

/**
 * Counts YouTube quota per Google project and day (days end at midnight Pacific time, as Google's
 * do): a general unit budget and a separate bucket of uploads. A call that would overdraw is
 * refused here, before it reaches Google, as RATE_LIMITED until the next reset. The count lives in
 * a {@link QuotaLedger} that every node shares (the budget is the project's, not a node's): units
 * are taken with one atomic step before the call, never held locked during it.
 */
public final class YouTubeQuota {

    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private final YouTubeSettings settings;
    private final Clock clock;
    private final UsageObserver observer;
    private final QuotaLedger ledger;

    /** A count of this process only (tests, a single node). */
    public YouTubeQuota(YouTubeSettings settings, Clock clock, UsageObserver observer) {
        this(settings, clock, observer, new InMemoryQuotaLedger());
    }

    public YouTubeQuota(YouTubeSettings settings, Clock clock, UsageObserver observer, QuotaLedger ledger) {
        this.settings = settings;
        this.clock = clock;
        this.observer = observer;
        this.ledger = ledger;
    }

    void spendUnits(String project, String method) {
        var cost = settings.cost(method);
        var taken = ledger.take(units(project), today(), cost, settings.dailyUnits());
        if (!taken.granted()) {
            throw exhausted("quotaExceeded", "the project's " + settings.dailyUnits() + " daily units are used up");
        }
        observer.observed(Platform.YOUTUBE, units(project), taken.used() * 100 / settings.dailyUnits(), null);
    }

    void spendUpload(String project) {
        if (!ledger.take(uploads(project), today(), 1, settings.dailyUploads()).granted()) {
            throw exhausted(
                    "uploadQuotaExceeded", "the project's " + settings.dailyUploads() + " daily uploads are used up");
        }
    }

    /** Google said the quota is gone even if our count disagrees (another app on the project): believe it. */
    void exhaust(String project) {
        ledger.exhaust(units(project), today(), settings.dailyUnits());
    }

    /** Google refused an upload for quota: the upload bucket is empty for the day, the general units untouched. */
    void exhaustUploads(String project) {
        ledger.exhaust(uploads(project), today(), settings.dailyUploads());
    }

    public int unitsUsed(String project) {
        return ledger.used(units(project), today());
    }

    public int uploadsUsed(String project) {
        return ledger.used(uploads(project), today());
    }

    Duration untilReset() {
        var now = clock.instant().atZone(PACIFIC);
        return Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(PACIFIC));
    }

    private LocalDate today() {
        return clock.instant().atZone(PACIFIC).toLocalDate();
    }

    private static String units(String project) {
        return "units:" + project;
    }

    private static String uploads(String project) {
        return "youtube-uploads:" + project;
    }

    private ConnectorException exhausted(String code, String message) {
        return new ConnectorException(
                Platform.YOUTUBE, FailureKind.RATE_LIMITED, code, null, untilReset(), null, message, null);
    }
}
