package vn.loa.app.request;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what callers may send, under {@code loa.request.*}.
 *
 * @param maxBody the largest request body Loa reads, except multipart uploads (the composer's
 *     media and the bulk import have their own limits); more is answered 413 unread
 * @param mediaAllowedHosts hosts that media addresses may name even though they resolve to a
 *     loopback, link-local or private address (the demo's built-in sandbox runs on localhost);
 *     empty in production
 */
@ConfigurationProperties("loa.request")
public record RequestProperties(DataSize maxBody, List<String> mediaAllowedHosts) {

    public RequestProperties {
        maxBody = maxBody == null ? DataSize.ofMegabytes(1) : maxBody;
        mediaAllowedHosts = mediaAllowedHosts == null ? List.of() : List.copyOf(mediaAllowedHosts);
    }
}
