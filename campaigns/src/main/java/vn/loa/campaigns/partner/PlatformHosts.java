package vn.loa.campaigns.partner;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.loa.connectors.Platform;

/** Which web hosts belong to which platform, for page addresses and the addresses of shared posts. */
public final class PlatformHosts {

    private static final Set<String> FACEBOOK = Set.of("facebook.com", "fb.com", "fb.watch");
    private static final Set<String> YOUTUBE = Set.of("youtube.com", "youtu.be");
    private static final Set<String> ZALO = Set.of("zalo.me");

    private PlatformHosts() {}

    /** The address parsed, when it is an http(s) address with a host. */
    public static Optional<URI> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            var uri = new URI(url.strip());
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The platform a host belongs to (www., m., web. and other sub-domains included). */
    public static Optional<Platform> platformOf(String host) {
        var h = host.toLowerCase(Locale.ROOT);
        if (matches(h, FACEBOOK)) {
            return Optional.of(Platform.FACEBOOK);
        }
        if (matches(h, YOUTUBE)) {
            return Optional.of(Platform.YOUTUBE);
        }
        if (matches(h, ZALO)) {
            return Optional.of(Platform.ZALO);
        }
        return Optional.empty();
    }

    public static String hostsOf(Platform platform) {
        return switch (platform) {
            case FACEBOOK -> "facebook.com";
            case YOUTUBE -> "youtube.com or youtu.be";
            case ZALO -> "zalo.me";
        };
    }

    private static boolean matches(String host, Set<String> domains) {
        return domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }
}
