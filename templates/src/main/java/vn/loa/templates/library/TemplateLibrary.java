package vn.loa.templates.library;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.loa.connectors.Platform;

/**
 * The built-in templates: the programmes of plan 287/KH-UBND ("Mỗi ngày một tin tốt", "Mỗi tuần
 * một câu chuyện đẹp", "Vùng xanh trên không gian mạng"), the rebuttal of plan 3550, and the text
 * a partner shares from a content pack. Staff add their own beside these.
 */
public final class TemplateLibrary {

    /** The code of the template packs are written from. */
    public static final String PACK_SHARE = "pack-share";

    private static final String FB_TAIL = "\n\n👉 Xem chi tiết: {{link}}\n{{hashtags}}";

    private static final List<Template> BUILT_IN = List.of(
            new Template(
                    "good-news-daily",
                    "Mỗi ngày một tin tốt",
                    "society",
                    Programme.GOOD_NEWS_DAILY,
                    Map.of(
                            Platform.FACEBOOK,
                            new PlatformText(
                                    null,
                                    "🌟 Mỗi ngày một tin tốt | {{date}}\n\n{{title}}\n\n{{body}}" + FB_TAIL,
                                    null),
                            Platform.YOUTUBE,
                            new PlatformText(
                                    "Mỗi ngày một tin tốt: {{title}}",
                                    "{{body}}\n\nXem thêm: {{link}}\n\n#MoiNgayMotTinTot #HaNoi",
                                    null),
                            Platform.ZALO,
                            new PlatformText(
                                    "Tin tốt {{date}}: {{title}}", "{{body}}\n\nXem chi tiết: {{link}}", "{{title}}"))),
            new Template(
                    "good-story-weekly",
                    "Mỗi tuần một câu chuyện đẹp",
                    "culture",
                    Programme.GOOD_STORY_WEEKLY,
                    Map.of(
                            Platform.FACEBOOK,
                            new PlatformText(
                                    null,
                                    "💚 Câu chuyện đẹp tuần này | {{district}}\n\n{{title}}\n\n{{body}}" + FB_TAIL,
                                    null),
                            Platform.YOUTUBE,
                            new PlatformText(
                                    "Câu chuyện đẹp: {{title}}",
                                    "{{body}}\n\nCâu chuyện từ {{district}}. Xem thêm: {{link}}\n\n#MoiTuanMotCauChuyenDep",
                                    null),
                            Platform.ZALO,
                            new PlatformText(
                                    "Câu chuyện đẹp: {{title}}",
                                    "{{body}}\n\n{{link}}",
                                    "Câu chuyện đẹp từ {{district}}"))),
            new Template(
                    "green-zone",
                    "Vùng xanh trên không gian mạng",
                    "society",
                    Programme.GREEN_ZONE,
                    Map.of(
                            Platform.FACEBOOK,
                            new PlatformText(
                                    null, "🌿 Vùng xanh trên không gian mạng\n\n{{title}}\n\n{{body}}" + FB_TAIL, null),
                            Platform.ZALO,
                            new PlatformText("Vùng xanh: {{title}}", "{{body}}\n\n{{link}}", "{{title}}"))),
            new Template(
                    "rebuttal",
                    "Cải chính thông tin sai sự thật",
                    "security",
                    Programme.REBUTTAL,
                    Map.of(
                            Platform.FACEBOOK,
                            new PlatformText(
                                    null,
                                    "⚠️ CẢI CHÍNH THÔNG TIN SAI SỰ THẬT\n\n{{title}}\n\n{{body}}\n\nThông tin chính thức: {{link}}",
                                    null),
                            Platform.YOUTUBE,
                            new PlatformText(
                                    "Cải chính: {{title}}", "{{body}}\n\nThông tin chính thức: {{link}}", null),
                            Platform.ZALO,
                            new PlatformText(
                                    "Cải chính: {{title}}",
                                    "{{body}}\n\nThông tin chính thức: {{link}}",
                                    "{{title}}"))),
            new Template(
                    PACK_SHARE,
                    "Gói chia sẻ cho đối tác",
                    null,
                    null,
                    Map.of(
                            Platform.FACEBOOK,
                            new PlatformText(null, "{{body}}" + FB_TAIL, null),
                            Platform.YOUTUBE,
                            new PlatformText("{{title}}", "{{body}}\n\n{{link}}", null),
                            Platform.ZALO,
                            new PlatformText("{{title}}", "{{body}}\n\nXem chi tiết: {{link}}", "{{title}}"))));

    public List<Template> builtIn() {
        return BUILT_IN;
    }

    public Optional<Template> find(String code) {
        return BUILT_IN.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public Template packShare() {
        return find(PACK_SHARE).orElseThrow();
    }
}
