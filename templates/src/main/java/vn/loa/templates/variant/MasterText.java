package vn.loa.templates.variant;

import java.util.List;

/** Content as its author wrote it once, before it is fitted to any platform. */
public record MasterText(String title, String body, String link, List<String> media, List<String> tags) {

    public MasterText {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        media = media == null ? List.of() : List.copyOf(media);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
