package vn.loa.campaigns.listening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Brings Vietnamese text to one comparable form, so that what people type with or without
 * diacritics, in any case, with any punctuation, and with common chat spellings, compares equal:
 * marks removed (đ → d), lower case, every run of non-letters and non-digits one space, and each
 * word of the spelling-variant table replaced by its standard form ("ko", "k", "hok" → "khong";
 * "dc" → "duoc"; …). "Sai sự thật!!" and "sai  su that" both fold to "sai su that".
 */
public final class VietnameseFolding {

    /**
     * Chat spellings and their standard words (after marks are removed). Kept small and
     * unambiguous: a short form that is also a common word of its own ("hong", "ng") is left out.
     */
    public static final Map<String, String> VARIANTS = Map.ofEntries(
            Map.entry("ko", "khong"),
            Map.entry("k", "khong"),
            Map.entry("kh", "khong"),
            Map.entry("hok", "khong"),
            Map.entry("khg", "khong"),
            Map.entry("kg", "khong"),
            Map.entry("dc", "duoc"),
            Map.entry("dk", "duoc"),
            Map.entry("j", "gi"),
            Map.entry("vs", "voi"),
            Map.entry("trc", "truoc"),
            Map.entry("bh", "bao gio"),
            Map.entry("ntn", "nhu the nao"),
            Map.entry("mn", "moi nguoi"),
            Map.entry("nguoj", "nguoi"),
            Map.entry("thui", "thoi"),
            Map.entry("cx", "cung"),
            Map.entry("cg", "cung"),
            Map.entry("ms", "moi"),
            Map.entry("tl", "tra loi"),
            Map.entry("sdt", "so dien thoai"),
            Map.entry("hn", "ha noi"),
            Map.entry("tp", "thanh pho"),
            Map.entry("cq", "co quan"));

    private VietnameseFolding() {}

    /** The folded form: words separated by single spaces, no leading or trailing space. */
    public static String fold(String text) {
        return String.join(" ", words(text));
    }

    /** The folded words of a text, variants replaced (one variant may stand for several words). */
    public static List<String> words(String text) {
        var result = new ArrayList<String>();
        if (text == null || text.isEmpty()) {
            return result;
        }
        var word = new StringBuilder();
        var decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (!word.isEmpty()) {
                add(word, result);
            }
        }
        if (!word.isEmpty()) {
            add(word, result);
        }
        return result;
    }

    private static void add(StringBuilder word, List<String> into) {
        var w = word.toString();
        word.setLength(0);
        var standard = VARIANTS.get(w);
        if (standard == null) {
            into.add(w);
        } else if (standard.indexOf(' ') < 0) {
            into.add(standard);
        } else {
            into.addAll(List.of(standard.split(" ")));
        }
    }
}
