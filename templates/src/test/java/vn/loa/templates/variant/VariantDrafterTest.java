package vn.loa.templates.variant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.connectors.Platform;

class VariantDrafterTest {

    private final VariantDrafter drafter = new VariantDrafter();
    private final MasterText master = new MasterText(
            "Hà Nội khánh thành cầu Tứ Liên",
            "Sáng nay, cầu Tứ Liên chính thức thông xe.\n\nCây cầu nối quận Tây Hồ với huyện Đông Anh.",
            "https://hanoi.gov.vn/tin/cau-tu-lien",
            List.of("https://cdn.example/cau.jpg"),
            List.of("Hà Nội", "giao thông"));

    @Test
    void facebookPostJoinsTitleBodyAndHashtags() {
        var fb = drafter.draft(Platform.FACEBOOK, master);
        assertThat(fb.title()).isNull();
        assertThat(fb.body()).startsWith("Hà Nội khánh thành cầu Tứ Liên\n\nSáng nay");
        assertThat(fb.body()).endsWith("#HàNội #giaothông");
        assertThat(fb.link()).isEqualTo(master.link());
    }

    @Test
    void youtubeTitleIsShortenedAndFreeOfAngleBrackets() {
        var longTitle = "<Tin nóng> " + "Lễ hội văn hoá ".repeat(12);
        var yt = drafter.draft(Platform.YOUTUBE, new MasterText(longTitle, "a <b> c", null, null, null));
        assertThat(yt.title()).doesNotContain("<", ">").endsWith("…");
        assertThat(yt.title().codePointCount(0, yt.title().length())).isLessThanOrEqualTo(100);
        assertThat(yt.body()).isEqualTo("a b c");
    }

    @Test
    void zaloTakesFirstParagraphAsDescriptionAndFirstImageAsCover() {
        var zalo = drafter.draft(Platform.ZALO, master);
        assertThat(zalo.description()).isEqualTo("Sáng nay, cầu Tứ Liên chính thức thông xe.");
        assertThat(zalo.coverUrl()).isEqualTo("https://cdn.example/cau.jpg");
    }

    @Test
    void shortenLeavesShortTextAlone() {
        assertThat(VariantDrafter.shorten("ngắn", 10)).isEqualTo("ngắn");
    }
}
