package vn.loa.campaigns.listening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds which topics a comment mentions: a topic matches when one of its phrases occurs in the
 * comment as whole words, both folded ({@link VietnameseFolding}). Built once from all phrases,
 * then shared read-only. Each folded word is given a number; phrases are indexed by their first
 * word, so a comment of n words costs n lookups plus a comparison per phrase starting there —
 * independent of how many phrases there are.
 */
public final class PhraseMatcher {

    /** A phrase of one topic. */
    public record Phrase(long topicId, String text) {}

    private record Indexed(int[] words, long topicId) {}

    private final Map<String, Integer> dictionary = new HashMap<>();
    private final Map<Integer, List<Indexed>> byFirstWord = new HashMap<>();
    private final int phrases;

    public PhraseMatcher(List<Phrase> phrases) {
        int count = 0;
        for (var p : phrases) {
            var words = VietnameseFolding.words(p.text());
            if (words.isEmpty()) {
                continue;
            }
            var ids = new int[words.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = dictionary.computeIfAbsent(words.get(i), w -> dictionary.size());
            }
            byFirstWord.computeIfAbsent(ids[0], k -> new ArrayList<>()).add(new Indexed(ids, p.topicId()));
            count++;
        }
        this.phrases = count;
    }

    public boolean isEmpty() {
        return phrases == 0;
    }

    /** The topics the text mentions, each once however often and by however many phrases. */
    public Set<Long> topicsIn(String text) {
        var found = new TreeSet<Long>();
        if (phrases == 0) {
            return found;
        }
        var words = VietnameseFolding.words(text);
        var ids = new int[words.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = dictionary.getOrDefault(words.get(i), -1);
        }
        for (int at = 0; at < ids.length; at++) {
            if (ids[at] < 0) {
                continue;
            }
            var candidates = byFirstWord.get(ids[at]);
            if (candidates == null) {
                continue;
            }
            for (var c : candidates) {
                if (at + c.words().length <= ids.length
                        && Arrays.equals(ids, at, at + c.words().length, c.words(), 0, c.words().length)) {
                    found.add(c.topicId());
                }
            }
        }
        return found;
    }
}
