package vn.loa.connectors;

/** The shapes of post Loa publishes; each connector says which it supports. */
public enum PostKind {
    /** Text only (Facebook). */
    TEXT,
    /** Text with a link preview (Facebook). */
    LINK,
    /** One or more photos with text (Facebook). */
    PHOTO,
    /** A video with title and description (YouTube; Facebook page video; Zalo video article). */
    VIDEO,
    /** An article with title, cover and body (Zalo). */
    ARTICLE
}
