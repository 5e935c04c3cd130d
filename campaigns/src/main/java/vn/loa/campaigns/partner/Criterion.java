package vn.loa.campaigns.partner;

/** The named criteria a partner page is scored on when it is evaluated (1 to 5 each). */
public enum Criterion {
    /** How many people the page reaches (followers, typical reach of a post). */
    AUDIENCE_SIZE,
    /** How much its audience reacts, comments and shares. */
    ENGAGEMENT,
    /** Whether what it usually posts fits positive, official information. */
    CONTENT_FIT,
    /** Whether its audience is the one the city wants to reach (area, age). */
    AUDIENCE_FIT,
    /** Whether it shares packs on time and keeps to what was agreed. */
    RELIABILITY
}
