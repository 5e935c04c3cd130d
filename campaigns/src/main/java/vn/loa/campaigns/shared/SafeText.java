package vn.loa.campaigns.shared;

import java.util.Optional;

/**
 * Characters no text Loa takes may hold, because they would go on to the platforms and to
 * readers: control characters (NUL, BEL, ESC and the rest of C0 and C1, DEL) but the line breaks
 * and tabs people type, unpaired surrogates (broken UTF-16, which platforms answer with errors or
 * mojibake), and the bidirectional overrides and isolates U+202A–U+202E and U+2066–U+2069, which
 * make text read differently from how it is stored (a link that looks like another). Every text
 * field checked by {@link Checks} is checked for them.
 */
public final class SafeText {

    private SafeText() {}

    /** Why the text is refused, naming the first bad character and where it is; empty when it is fine. */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            var what = kind(c);
            if (what != null) {
                return Optional.of("contains " + what + " (U+" + String.format("%04X", (int) c) + ") at position "
                        + (i + 1) + "; remove it");
            }
        }
        return Optional.empty();
    }

    private static String kind(char c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return null;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return "a control character";
        }
        if (Character.isSurrogate(c)) {
            return "a broken character";
        }
        if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
            return "a text-direction override";
        }
        return null;
    }
}
