package vn.loa.campaigns.amplify;

/** How a partner's share came about. */
public enum ShareMethod {
    /** The partner posted by hand and confirmed it with the post's address. */
    CONFIRMED_URL,
    /** Loa published the pack on the partner's connected page through the engine. */
    PUBLISHED_BY_LOA
}
