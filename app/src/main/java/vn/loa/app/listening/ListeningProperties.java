package vn.loa.app.listening;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.loa.campaigns.listening.SpikeRule;

/**
 * Listening settings ({@code loa.listening.*}).
 *
 * @param authorKey       key of the commenters' hash (base64 or text); empty: derived from
 *                        {@code loa.credentials.key}, which Loa requires anyway
 * @param readFor         how long after publication a post's comments are read (7 days)
 * @param hotFor          how long a post is read on every run (48 h); later only when its comment
 *                        count grew at the engagement read. YouTube posts are always read only then
 *                        (each call costs quota)
 * @param postsPerRun     posts read at most per collection run (300)
 * @param pagesPerPost    pages read at most per post and run (5 pages of 100); the rest continues next run
 * @param spikeMinCount   the spike rule's minimum comments in the last hour (10)
 * @param spikeK          standard deviations above the 24-hour mean (3)
 * @param spikeMultiple   or this many times the 24-hour mean (4)
 * @param spikeCooldown   no second spike alert of the same topic and channel within this (6 h)
 */
@ConfigurationProperties("loa.listening")
public record ListeningProperties(
        String authorKey,
        Duration readFor,
        Duration hotFor,
        Integer postsPerRun,
        Integer pagesPerPost,
        Integer spikeMinCount,
        Double spikeK,
        Double spikeMultiple,
        Duration spikeCooldown) {

    public ListeningProperties {
        readFor = readFor == null ? Duration.ofDays(7) : readFor;
        hotFor = hotFor == null ? Duration.ofHours(48) : hotFor;
        postsPerRun = postsPerRun == null ? 300 : postsPerRun;
        pagesPerPost = pagesPerPost == null ? 5 : pagesPerPost;
        spikeCooldown = spikeCooldown == null ? Duration.ofHours(6) : spikeCooldown;
    }

    public SpikeRule spikeRule() {
        var d = SpikeRule.DEFAULT;
        return new SpikeRule(
                spikeMinCount == null ? d.minCount() : spikeMinCount,
                spikeK == null ? d.k() : spikeK,
                spikeMultiple == null ? d.multiple() : spikeMultiple);
    }
}
