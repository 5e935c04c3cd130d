package vn.loa.templates.library;

/**
 * The recurring programmes of plan 287/KH-UBND, and the rapid response of plan 3550. Each has a
 * rhythm a cadence can follow.
 */
public enum Programme {
    /** "Mỗi ngày một tin tốt": one good-news item every day. */
    GOOD_NEWS_DAILY("Mỗi ngày một tin tốt"),
    /** "Mỗi tuần một câu chuyện đẹp": one beautiful story every week. */
    GOOD_STORY_WEEKLY("Mỗi tuần một câu chuyện đẹp"),
    /** "Vùng xanh trên không gian mạng": a green zone on cyberspace. */
    GREEN_ZONE("Vùng xanh trên không gian mạng"),
    /** Rebuttals of false information, published at once. */
    REBUTTAL("Phản bác thông tin sai sự thật");

    private final String title;

    Programme(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
