package vn.loa.campaigns.listening;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.loa.campaigns.shared.Checks;

/**
 * A watched topic or rumour: a name, the keywords and phrases that mention it, and the themes it
 * belongs to (one topic may serve several themes; a comment still counts once for it).
 */
public record Topic(
        Long id,
        String name,
        TopicKind kind,
        List<String> phrases,
        Set<Long> themeIds,
        boolean active,
        String createdBy,
        Instant updatedAt) {

    public static final int NAME_MAX = 200;
    public static final int PHRASE_MAX = 120;
    public static final int PHRASES_MAX = 100;

    public Topic {
        phrases = List.copyOf(phrases);
        themeIds = Set.copyOf(new TreeSet<>(themeIds));
    }

    /** Checks a draft field by field: one message per bad field. */
    public static void check(TopicDraft d, Checks checks) {
        checks.requiredText("name", d.name(), NAME_MAX).required("kind", d.kind());
        if (d.phrases() == null || d.phrases().isEmpty()) {
            checks.add("phrases", "add at least one keyword or phrase");
        } else {
            checks.maxSize("phrases", d.phrases(), PHRASES_MAX);
            for (int i = 0; i < d.phrases().size(); i++) {
                var phrase = d.phrases().get(i);
                var field = "phrases[" + i + "]";
                if (phrase == null || VietnameseFolding.words(phrase).isEmpty()) {
                    checks.add(field, "is empty (a phrase needs at least one letter or digit)");
                } else {
                    checks.maxLength(field, phrase.strip(), PHRASE_MAX);
                }
            }
        }
        if (d.themeIds() == null || d.themeIds().isEmpty()) {
            checks.add("themeIds", "choose at least one theme");
        }
    }

    public List<PhraseMatcher.Phrase> matcherPhrases() {
        return phrases.stream().map(p -> new PhraseMatcher.Phrase(id, p)).toList();
    }
}
