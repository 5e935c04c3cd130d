package vn.loa.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.loa.campaigns.listening.PhraseMatcher;

/**
 * The listening matching benchmark of docs/listening.md ({@code mvn -Pbench verify -pl app -am
 * -Dtest=MatchingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}): 1,000,000 comments of 8-40
 * Vietnamese words, with and without diacritics, against 500 phrases of 1-4 words; three timed
 * rounds after a warm-up, median and spread printed.
 */
class MatchingBenchmark {

    private static final String[] WORDS = {
        "hà", "nội", "cấm", "đường", "sai", "sự", "thật", "tin", "đồn", "giá", "xăng", "tăng", "ngập", "úng", "phố",
        "cầu", "thông", "báo", "người", "dân", "không", "được", "phong", "tỏa", "tiêm", "vắc", "xin", "học", "phí",
        "bệnh", "viện", "điện", "nước", "rác", "thải", "xe", "buýt", "mưa", "bão", "lũ", "quận", "phường", "trường",
        "chợ", "đất", "nhà", "thuế", "lương", "hưu", "cảnh", "sát", "giao", "kẹt", "ùn", "tắc", "ô", "nhiễm", "bụi"
    };
    private static final String[] PLAIN =
            Arrays.stream(WORDS).map(MatchingBenchmark::plain).toArray(String[]::new);

    static String plain(String w) {
        return Normalizer.normalize(w, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('đ', 'd');
    }

    @Test
    void oneMillionCommentsAgainstFiveHundredPhrases() {
        var random = new Random(12);
        var phrases = new ArrayList<PhraseMatcher.Phrase>();
        for (int i = 0; i < 500; i++) {
            int n = 1 + random.nextInt(4);
            var words = new ArrayList<String>();
            for (int w = 0; w < n; w++) {
                words.add(WORDS[random.nextInt(WORDS.length)]);
            }
            phrases.add(new PhraseMatcher.Phrase(i / 5, String.join(" ", words)));
        }
        var matcher = new PhraseMatcher(phrases);
        var comments = new String[1_000_000];
        for (int c = 0; c < comments.length; c++) {
            var text = new StringBuilder();
            int n = 8 + random.nextInt(33);
            boolean marks = random.nextBoolean();
            for (int w = 0; w < n; w++) {
                int k = random.nextInt(WORDS.length);
                text.append(marks ? WORDS[k] : PLAIN[k]).append(w % 7 == 6 ? ", " : " ");
            }
            comments[c] = text.toString();
        }
        long matches = 0;
        for (int c = 0; c < 100_000; c++) {
            matches += matcher.topicsIn(comments[c]).size();
        }
        var rates = new ArrayList<Double>();
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (var comment : comments) {
                matches += matcher.topicsIn(comment).size();
            }
            rates.add(comments.length / ((System.nanoTime() - start) / 1e9));
        }
        rates.sort(Double::compare);
        System.out.printf(
                "Matching: %,.0f comments/s median (%,.0f – %,.0f), 500 phrases, %,d matches%n",
                rates.get(1), rates.get(0), rates.get(2), matches);
        assertThat(rates.get(1)).as("comments matched per second").isGreaterThan(50_000);
    }
}
