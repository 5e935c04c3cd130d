package vn.loa.campaigns.partner;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** One review of a partner page: a score per named criterion, who reviewed it, when, and notes. */
public record Evaluation(
        Long id, long pageId, String reviewer, Instant evaluatedAt, Map<Criterion, Integer> scores, String notes) {

    public static final int SCORE_MIN = 1;
    public static final int SCORE_MAX = 5;
    public static final int NOTES_MAX = 4_000;

    public Evaluation {
        scores = Map.copyOf(new EnumMap<>(scores));
    }

    /** What a reviewer types in. */
    public record Input(Map<Criterion, Integer> scores, String notes) {}

    public double average() {
        return scores.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    public Evaluation withId(long newId) {
        return new Evaluation(newId, pageId, reviewer, evaluatedAt, scores, notes);
    }
}
