package vn.loa.campaigns.amplify;

import vn.loa.connectors.Platform;

/** A pack's ready-to-post text for one platform (written from the pack-share template). */
public record PackText(Platform platform, String title, String body, String description) {}
