package vn.loa.connectors;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.loa.connectors.error.ConnectorException;
import vn.loa.connectors.error.FailureKind;

/**
 * Which media addresses Loa itself may fetch: http(s) only, and only hosts whose every address
 * is public. Loopback, link-local (the cloud metadata service at 169.254.169.254), private,
 * unique-local, carrier-grade NAT, multicast and unspecified addresses are refused, so a content
 * item's media cannot make Loa read its own network (server-side request forgery). Hosts named in
 * the allow-list are exempt: the demo's built-in sandbox runs on localhost.
 */
public final class MediaAddresses {

    /** An address Loa will not fetch; the message says why, fit for the person who entered it. */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private final Set<String> allowedHosts;

    private MediaAddresses(Collection<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /** Public addresses only: production. */
    public static MediaAddresses publicOnly() {
        return new MediaAddresses(Set.of());
    }

    /** Public addresses, and also these hosts whatever they resolve to. */
    public static MediaAddresses allowing(Collection<String> hosts) {
        return new MediaAddresses(hosts);
    }

    /** The address as a URI if Loa may fetch it; resolves the host and checks every address it has. */
    public URI check(String url) throws IOException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("media address " + url + " is not a valid address");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("media address " + url + " must start with http:// or https://");
        }
        var host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new Refused("media address " + url + " names no host");
        }
        var bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return uri;
        }
        for (var address : InetAddress.getAllByName(bare)) {
            if (!isPublic(address)) {
                throw new Refused("media address " + url + " is on a private or local network ("
                        + address.getHostAddress() + "); Loa fetches media from public addresses only");
            }
        }
        return uri;
    }

    /** A refused media address as the platform's failure: the content must change, retrying will not help. */
    public static ConnectorException rejected(Platform platform, Refused refused) {
        return new ConnectorException(
                platform,
                FailureKind.REJECTED,
                "media-address",
                null,
                null,
                refused.getMessage(),
                refused.getMessage(),
                null);
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        var b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xFF) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xFE) == 0xFC) {
                return false; // unique local fc00::/7
            }
            if (isEmbeddedIpv4(b)) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** ::a.b.c.d, ::ffff:a.b.c.d and 64:ff9b::a.b.c.d (NAT64) carry an IPv4 address that decides. */
    private static boolean isEmbeddedIpv4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        if (zeros && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xFF && b[11] == (byte) 0xFF))) {
            return true;
        }
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = b[i] == 0;
        }
        return nat64;
    }
}
