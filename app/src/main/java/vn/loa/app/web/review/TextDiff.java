package vn.loa.app.web.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-by-word difference between two texts (longest common subsequence of words and the spaces
 * between them), for showing an approver what changed since the last review.
 */
final class TextDiff {

    enum Kind {
        SAME,
        ADDED,
        REMOVED
    }

    record Part(Kind kind, String text) {

        public boolean added() {
            return kind == Kind.ADDED;
        }

        public boolean removed() {
            return kind == Kind.REMOVED;
        }
    }

    /** Above this many word pairs the texts are shown as replaced whole (a rewrite, not an edit). */
    private static final long MAX_CELLS = 4_000_000L;

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private TextDiff() {}

    static List<Part> of(String before, String after) {
        var a = tokens(before == null ? "" : before);
        var b = tokens(after == null ? "" : after);
        if ((long) a.size() * b.size() > MAX_CELLS) {
            return merge(List.of(new Part(Kind.REMOVED, String.join("", a)), new Part(Kind.ADDED, String.join("", b))));
        }
        int n = a.size();
        int m = b.size();
        var lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        var parts = new ArrayList<Part>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                parts.add(new Part(Kind.SAME, a.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                parts.add(new Part(Kind.REMOVED, a.get(i++)));
            } else {
                parts.add(new Part(Kind.ADDED, b.get(j++)));
            }
        }
        while (i < n) {
            parts.add(new Part(Kind.REMOVED, a.get(i++)));
        }
        while (j < m) {
            parts.add(new Part(Kind.ADDED, b.get(j++)));
        }
        return merge(parts);
    }

    private static List<String> tokens(String text) {
        var tokens = new ArrayList<String>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** Neighbouring parts of one kind become one, so the page shows runs rather than single words. */
    private static List<Part> merge(List<Part> parts) {
        var merged = new ArrayList<Part>();
        for (var p : parts) {
            if (p.text().isEmpty()) {
                continue;
            }
            if (!merged.isEmpty() && merged.get(merged.size() - 1).kind() == p.kind()) {
                var last = merged.remove(merged.size() - 1);
                merged.add(new Part(p.kind(), last.text() + p.text()));
            } else {
                merged.add(p);
            }
        }
        return merged;
    }
}
