package vn.loa.templates.library;

/**
 * One platform's text of a template or of a rendered post: a Facebook message (body), a YouTube
 * title and description (body), a Zalo article title, description and body. Fields a platform
 * does not use are null.
 */
public record PlatformText(String title, String body, String description) {}
