package vn.loa.connectors.credentials;

/** What a connector needs to act for one channel. Implementations never print their secrets. */
public sealed interface Credentials permits FacebookPageToken, YouTubeOAuth, ZaloOAuth {}
