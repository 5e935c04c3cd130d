package vn.loa.campaigns.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The documented spike rule over known series: minimum 10, mean + 3 standard deviations, or 4 times the mean. */
class SpikeRuleTest {

    private final SpikeRule rule = SpikeRule.DEFAULT;

    private static long[] flat(long value) {
        var series = new long[24];
        Arrays.fill(series, value);
        return series;
    }

    @Test
    void aQuietTopicNeedsTheMinimum() {
        assertThat(rule.judge(9, flat(0))).isEmpty();
        assertThat(rule.judge(10, flat(0)))
                .hasValueSatisfying(s -> assertThat(s.baselineMean()).isZero());
    }

    @Test
    void aSteadyTopicSpikesAtFourTimesItsMean() {
        assertThat(rule.judge(19, flat(5)))
                .as("19 < 4 x 5, and 5 + 3 x 0 = 5 < 19 is above the deviation bound")
                .isPresent();
        var steady = new long[24];
        for (int i = 0; i < 24; i++) {
            steady[i] = i % 2 == 0 ? 3 : 7; // mean 5, standard deviation 2: deviation bound 11
        }
        assertThat(rule.judge(11, steady)).isEmpty();
        assertThat(rule.judge(12, steady)).hasValueSatisfying(s -> {
            assertThat(s.baselineMean()).isEqualTo(5.0);
            assertThat(s.baselineStdDev()).isEqualTo(2.0);
            assertThat(s.threshold()).isCloseTo(11.0, offset(1e-6));
        });
    }

    @Test
    void aNoisyTopicNeedsMoreThanItsUsualSwings() {
        var noisy = new long[24];
        for (int i = 0; i < 24; i++) {
            noisy[i] = i % 2 == 0 ? 0 : 40; // mean 20, standard deviation 20: deviation bound 80, multiple 80
        }
        assertThat(rule.judge(60, noisy)).isEmpty();
        assertThat(rule.judge(80, noisy)).as("4 x the mean").isPresent();
    }

    @Test
    void aYoungTopicIsJudgedOnTheHoursItHas() {
        assertThat(rule.judge(12, new long[] {2, 3})).isPresent();
        assertThat(rule.judge(12, new long[0])).isPresent();
        assertThat(rule.judge(5, new long[0])).isEmpty();
    }

    @Test
    void nonsenseRulesAreRefused() {
        assertThatThrownBy(() -> new SpikeRule(0, 3, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpikeRule(10, 3, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
