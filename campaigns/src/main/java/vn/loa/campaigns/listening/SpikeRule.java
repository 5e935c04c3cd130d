package vn.loa.campaigns.listening;

import java.util.Optional;

/**
 * When a topic's last hour on a channel is a spike: at least {@code minCount} comments, and either
 * above the mean of the 24 hours before it plus {@code k} standard deviations, or at least
 * {@code multiple} times that mean. The minimum keeps a quiet topic going from 0 to 2 from being
 * news; the deviation adapts to topics that are always noisy; the multiple catches a steady topic
 * whose deviation is tiny.
 */
public record SpikeRule(int minCount, double k, double multiple) {

    public static final SpikeRule DEFAULT = new SpikeRule(10, 3.0, 4.0);

    /** What made an hour a spike. */
    public record Spike(long count, double baselineMean, double baselineStdDev, double threshold) {}

    public SpikeRule {
        if (minCount < 1 || k <= 0 || multiple <= 1) {
            throw new IllegalArgumentException("a spike needs minCount >= 1, k > 0 and multiple > 1");
        }
    }

    /**
     * Judges {@code lastHour} against {@code baseline}, the counts of the hours before it (24 of
     * them; fewer when the topic is younger, missing hours as zero).
     */
    public Optional<Spike> judge(long lastHour, long[] baseline) {
        double mean = 0;
        for (var c : baseline) {
            mean += c;
        }
        mean = baseline.length == 0 ? 0 : mean / baseline.length;
        double variance = 0;
        for (var c : baseline) {
            variance += (c - mean) * (c - mean);
        }
        double stddev = baseline.length == 0 ? 0 : Math.sqrt(variance / baseline.length);
        double byDeviation = mean + k * stddev;
        double byMultiple = multiple * mean;
        // Above either bound counts; the threshold reported is the lower of the two, never under the minimum.
        double threshold = Math.max(minCount, Math.min(byDeviation + 1e-9, byMultiple));
        boolean spike = lastHour >= minCount && (lastHour > byDeviation || lastHour >= byMultiple);
        return spike ? Optional.of(new Spike(lastHour, mean, stddev, threshold)) : Optional.empty();
    }
}
