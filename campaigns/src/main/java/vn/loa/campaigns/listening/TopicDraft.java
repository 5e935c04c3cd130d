package vn.loa.campaigns.listening;

import java.util.List;

/** What staff submit to add or change a watched topic or rumour. */
public record TopicDraft(String name, TopicKind kind, List<String> phrases, List<Long> themeIds) {}
