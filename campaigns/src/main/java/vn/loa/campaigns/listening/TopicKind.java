package vn.loa.campaigns.listening;

/** What a watched topic is. */
public enum TopicKind {
    /** Something the public talks about that the office follows (a project, a service, a concern). */
    TOPIC,
    /** False information circulating, kept by staff: a comment that mentions it is flagged for rebuttal. */
    RUMOUR
}
