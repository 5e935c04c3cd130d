package vn.loa.campaigns.amplify;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.loa.campaigns.partner.PartnerPage;
import vn.loa.campaigns.partner.PlatformHosts;
import vn.loa.campaigns.shared.InvalidInput;

/**
 * Reads the address of a shared post and checks it is a post of the partner's registered page.
 * Facebook addresses name the page (by its id or its user name) in permalinks; YouTube addresses
 * name only the video; Zalo article addresses are checked for the OA id where they carry one.
 * A refusal says what did not match.
 */
public final class ShareUrls {

    /** What an address said: the post's id and whether it showed the page it is on. */
    public record Parsed(String postId, boolean ownerVerified) {}

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern FB_POST = Pattern.compile("(?:\\d+|pfbid[A-Za-z0-9]+)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{12,}");

    private ShareUrls() {}

    public static Parsed parse(PartnerPage page, String url) {
        if (url == null || url.isBlank()) {
            throw InvalidInput.of("url", "is required: paste the address of the post you shared");
        }
        var uri = PlatformHosts.parse(url)
                .orElseThrow(() -> InvalidInput.of("url", "is not a web address (it must start with https://)"));
        var platform = PlatformHosts.platformOf(uri.getHost()).orElse(null);
        if (platform == null) {
            throw InvalidInput.of(
                    "url",
                    "is on " + uri.getHost() + ", not on "
                            + page.platform().displayName().split(" ")[0] + " ("
                            + PlatformHosts.hostsOf(page.platform()) + ")");
        }
        if (platform != page.platform()) {
            throw InvalidInput.of("url", "is a " + platform + " address; this pack is for " + page.label());
        }
        return switch (platform) {
            case FACEBOOK -> facebook(page, uri);
            case YOUTUBE -> youtube(uri);
            case ZALO -> zalo(page, uri);
        };
    }

    private static Parsed facebook(PartnerPage page, URI uri) {
        var parts = segments(uri);
        var query = query(uri);
        String pageKey = null;
        String post = null;
        if (parts.size() == 1
                && (parts.get(0).equals("permalink.php") || parts.get(0).equals("story.php"))) {
            pageKey = query.get("id");
            post = query.get("story_fbid");
        } else if (parts.size() == 1 && parts.get(0).equals("photo.php")) {
            pageKey = query.get("id");
            post = query.get("fbid");
        } else if (parts.size() >= 3
                && parts.get(0).equals("groups")
                && (parts.get(2).equals("posts") || parts.get(2).equals("permalink"))
                && parts.size() >= 4) {
            pageKey = parts.get(1);
            post = parts.get(3);
        } else if (parts.size() >= 3
                && (parts.get(1).equals("posts") || parts.get(1).equals("videos"))) {
            pageKey = parts.get(0);
            post = parts.get(parts.size() - 1);
        } else if (parts.size() >= 3 && parts.get(1).equals("photos")) {
            pageKey = parts.get(0);
            post = parts.get(parts.size() - 1);
        } else if (!parts.isEmpty()
                && (parts.get(0).equals("share") || uri.getHost().endsWith("fb.watch"))) {
            throw InvalidInput.of(
                    "url",
                    "is a Facebook share link, which does not say which page posted it: open it and paste the"
                            + " address it leads to (…/posts/…)");
        }
        if (pageKey == null || post == null || !FB_POST.matcher(post).matches()) {
            throw InvalidInput.of(
                    "url",
                    "is not the address of a Facebook post: use the post's own address, such as"
                            + " facebook.com/<page>/posts/<id> or facebook.com/permalink.php?story_fbid=<id>&id=<page id>");
        }
        if (!isPage(page, pageKey)) {
            throw InvalidInput.of(
                    "url",
                    "is a post of the Facebook page '" + pageKey + "', not of " + page.label() + " (" + keys(page)
                            + ")");
        }
        // The Graph API names a page post {page id}_{post id}: that is how its engagement is read.
        var postId = DIGITS.matcher(page.externalId()).matches()
                        && DIGITS.matcher(post).matches()
                ? page.externalId() + "_" + post
                : post;
        return new Parsed(postId, true);
    }

    private static Parsed youtube(URI uri) {
        var parts = segments(uri);
        String id = null;
        if (uri.getHost().toLowerCase(Locale.ROOT).endsWith("youtu.be") && parts.size() == 1) {
            id = parts.get(0);
        } else if (parts.size() == 1 && parts.get(0).equals("watch")) {
            id = query(uri).get("v");
        } else if (parts.size() == 2 && List.of("shorts", "live", "embed").contains(parts.get(0))) {
            id = parts.get(1);
        }
        if (id == null || !YOUTUBE_ID.matcher(id).matches()) {
            throw InvalidInput.of(
                    "url",
                    "is not the address of a YouTube video: use youtube.com/watch?v=<id>, youtube.com/shorts/<id>"
                            + " or youtu.be/<id>");
        }
        // A video's address does not name its channel.
        return new Parsed(id, false);
    }

    private static Parsed zalo(PartnerPage page, URI uri) {
        var parts = segments(uri);
        if (parts.isEmpty()) {
            throw InvalidInput.of("url", "is not the address of a Zalo OA article: it names no article");
        }
        var text = uri.getPath() + "?" + (uri.getRawQuery() == null ? "" : uri.getRawQuery());
        var named = LONG_NUMBER.matcher(text);
        boolean ours = text.contains(page.externalId());
        while (!ours && named.find()) {
            var number = named.group();
            if (!number.equals(page.externalId())
                    && parts.size() > 1
                    && parts.get(0).equals(number)) {
                throw InvalidInput.of(
                        "url",
                        "is an article of the Zalo OA " + number + ", not of " + page.label() + " (OA id "
                                + page.externalId() + ")");
            }
        }
        var article = parts.get(parts.size() - 1);
        if (article.equals(page.externalId())) {
            throw InvalidInput.of("url", "is the address of the OA itself, not of one of its articles");
        }
        return new Parsed(article, ours);
    }

    private static boolean isPage(PartnerPage page, String key) {
        if (key.equalsIgnoreCase(page.externalId())) {
            return true;
        }
        return userName(page).map(key::equalsIgnoreCase).orElse(false);
    }

    /** The page's user name from its registered address (facebook.com/tuoitrethudo → tuoitrethudo). */
    private static Optional<String> userName(PartnerPage page) {
        var uri = PlatformHosts.parse(page.url());
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        var parts = segments(uri.get());
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (parts.get(0).equals("groups") && parts.size() > 1) {
            return Optional.of(parts.get(1));
        }
        if (parts.get(0).equals("profile.php")) {
            return Optional.ofNullable(query(uri.get()).get("id"));
        }
        return Optional.of(parts.get(0));
    }

    private static String keys(PartnerPage page) {
        return userName(page)
                .filter(n -> !n.equalsIgnoreCase(page.externalId()))
                .map(n -> "facebook.com/" + n + " or id " + page.externalId())
                .orElse("id " + page.externalId());
    }

    private static List<String> segments(URI uri) {
        var path = uri.getPath() == null ? "" : uri.getPath();
        return Arrays.stream(path.split("/")).filter(s -> !s.isBlank()).toList();
    }

    private static Map<String, String> query(URI uri) {
        var map = new HashMap<String, String>();
        var raw = uri.getRawQuery();
        if (raw == null) {
            return map;
        }
        for (var pair : raw.split("&")) {
            var eq = pair.indexOf('=');
            if (eq > 0) {
                map.putIfAbsent(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }
}
