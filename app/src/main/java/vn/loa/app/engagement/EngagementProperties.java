package vn.loa.app.engagement;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.loa.campaigns.engagement.ReadCadence;

/**
 * Engagement collection settings ({@code loa.engagement.*}).
 *
 * @param readOffsets when posts are read after going out (default +15m, +1h, +3h, +6h, +24h, daily
 *                    to day 7, weekly to day 30, day 90)
 * @param runEvery    how often the collection job runs (a Quartz cron expression)
 * @param maxPerRun   posts read at most per run; the rest waits for the next run
 */
@ConfigurationProperties("loa.engagement")
public record EngagementProperties(List<Duration> readOffsets, String runEvery, Integer maxPerRun) {

    public EngagementProperties {
        runEvery = runEvery == null ? "0 0/5 * * * ?" : runEvery;
        maxPerRun = maxPerRun == null ? 20_000 : maxPerRun;
    }

    public ReadCadence cadence() {
        return readOffsets == null || readOffsets.isEmpty() ? ReadCadence.DEFAULT : new ReadCadence(readOffsets);
    }
}
