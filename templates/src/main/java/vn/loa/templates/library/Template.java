package vn.loa.templates.library;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import vn.loa.connectors.Platform;

/**
 * A reusable text with {@code {{variables}}} and a body per platform, belonging to a theme and,
 * for a recurring programme such as "Mỗi ngày một tin tốt", to that programme.
 */
public record Template(
        String code, String name, String themeCode, Programme programme, Map<Platform, PlatformText> bodies) {

    public Template {
        // In platform order, so previews and listings come out the same way every time.
        var copy = new EnumMap<Platform, PlatformText>(Platform.class);
        copy.putAll(bodies);
        bodies = Collections.unmodifiableMap(copy);
    }

    public Optional<PlatformText> body(Platform platform) {
        return Optional.ofNullable(bodies.get(platform));
    }
}
