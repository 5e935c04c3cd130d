package vn.loa.campaigns.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Folding and phrase matching of Vietnamese with and without diacritics, and the spelling variants. */
class MatchingTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Sai sự thật!!|sai su that",
                "SAI   SỰ    THẬT|sai su that",
                "Đường Đê La Thành|duong de la thanh",
                "ko đc, k biết|khong duoc khong biet",
                "Tin đồn...#ngậpúng|tin don ngapung",
                "giá xăng 25.000đ/lít|gia xang 25 000d lit",
                "  |''"
            })
    void foldsToOneForm(String text, String folded) {
        assertThat(VietnameseFolding.fold(text)).isEqualTo(folded);
    }

    private final PhraseMatcher matcher = new PhraseMatcher(List.of(
            new PhraseMatcher.Phrase(1, "sai sự thật"),
            new PhraseMatcher.Phrase(1, "tin giả"),
            new PhraseMatcher.Phrase(2, "không được tiêm"),
            new PhraseMatcher.Phrase(3, "ngập"),
            new PhraseMatcher.Phrase(4, "cầu Tứ Liên")));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Thông tin này sai sự thật|1",
                "thong tin nay sai su that|1",
                "SAI SU THAT, tin gia ca thoi|1",
                "trẻ em ko dc tiêm à?|2",
                "tre em k duoc tiem|2",
                "Phố Huế ngập rồi, cầu tứ liên thì sao|3 4",
                "ngập úng và sai sự thật|1 3",
                "sai sự thậtttt|''",
                "ngapung|''",
                "mưa to|''"
            })
    void findsWholeWordPhrasesEachTopicOnce(String comment, String topics) {
        var expected = topics.isBlank()
                ? List.<Long>of()
                : List.of(topics.split(" ")).stream().map(Long::valueOf).toList();
        assertThat(matcher.topicsIn(comment)).containsExactlyElementsOf(expected);
    }

    @Test
    void aTopicMentionedTwiceByTwoPhrasesCountsOnce() {
        assertThat(matcher.topicsIn("tin giả, sai sự thật, tin gia")).containsExactly(1L);
    }

    @Test
    void anEmptyWatchlistMatchesNothing() {
        var none = new PhraseMatcher(List.of(new PhraseMatcher.Phrase(9, "!!!")));
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.topicsIn("bất cứ điều gì")).isEmpty();
    }
}
