package vn.loa.connectors.facebook;

import com.restfb.DebugHeaderInfo;
import java.time.Duration;
import vn.loa.connectors.Platform;
import vn.loa.connectors.UsageObserver;

/** Reads Meta's X-App-Usage, X-Page-Usage and X-Business-Use-Case-Usage headers as parsed by restfb. */
final class FacebookUsage {

    private FacebookUsage() {}

    /** Reports the headers of one answer about page {@code pageId}: X-Page-Usage is that page's own budget. */
    static void report(DebugHeaderInfo info, String pageId, UsageObserver observer) {
        if (info == null) {
            return;
        }
        report(info.getAppUsage(), "app", observer);
        report(info.getPageUsage(), "page:" + pageId, observer);
        var buc = info.getBusinessUseCaseUsage();
        if (buc != null && buc.getBusinessIds() != null) {
            for (var id : buc.getBusinessIds()) {
                for (var usage : buc.get(id)) {
                    var pct = max(usage.getCallCount(), usage.getTotalCputime(), usage.getTotalTime());
                    var regain = usage.getEstimatedTimeToRegainAccess();
                    observer.observed(
                            Platform.FACEBOOK,
                            "buc:" + usage.getType(),
                            pct,
                            regain == null || regain == 0 ? null : Duration.ofMinutes(regain));
                }
            }
        }
    }

    /** The longest wait the Business Use Case header announces, or null. */
    static Duration regainAccess(DebugHeaderInfo info) {
        if (info == null
                || info.getBusinessUseCaseUsage() == null
                || info.getBusinessUseCaseUsage().getBusinessIds() == null) {
            return null;
        }
        int minutes = 0;
        for (var id : info.getBusinessUseCaseUsage().getBusinessIds()) {
            for (var usage : info.getBusinessUseCaseUsage().get(id)) {
                if (usage.getEstimatedTimeToRegainAccess() != null) {
                    minutes = Math.max(minutes, usage.getEstimatedTimeToRegainAccess());
                }
            }
        }
        return minutes == 0 ? null : Duration.ofMinutes(minutes);
    }

    private static void report(DebugHeaderInfo.HeaderUsage usage, String scope, UsageObserver observer) {
        if (usage != null) {
            observer.observed(
                    Platform.FACEBOOK,
                    scope,
                    max(usage.getCallCount(), usage.getTotalCputime(), usage.getTotalTime()),
                    null);
        }
    }

    private static int max(Integer... values) {
        int max = 0;
        for (var v : values) {
            if (v != null) {
                max = Math.max(max, v);
            }
        }
        return max;
    }
}
