package vn.loa.campaigns.amplify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Tracked links: short random codes served by Loa at {@code /l/{code}}, and the address they
 * redirect to, the item's link with UTM parameters (source = the partner, medium = the platform,
 * campaign = the campaign).
 */
public final class TrackedLinks {

    private static final String ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackedLinks() {}

    /** About 46 bits of randomness: codes cannot be guessed one from another. */
    public static String newCode() {
        var sb = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public static boolean looksLikeCode(String code) {
        if (code == null || code.length() != CODE_LENGTH) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The item's link with utm_source, utm_medium and utm_campaign added (after any query it has). */
    public static String target(String link, String source, String medium, String campaign) {
        var fragment = "";
        var base = link;
        var hash = link.indexOf('#');
        if (hash >= 0) {
            fragment = link.substring(hash);
            base = link.substring(0, hash);
        }
        var sep = base.contains("?") ? "&" : "?";
        return base + sep + "utm_source=" + enc(slug(source)) + "&utm_medium=" + enc(medium.toLowerCase(Locale.ROOT))
                + "&utm_campaign=" + enc(slug(campaign)) + fragment;
    }

    /** "Tuổi trẻ Thủ đô" → "tuoi-tre-thu-do": what analytics tools show best. */
    public static String slug(String text) {
        var plain = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        var slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "partner" : slug;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
