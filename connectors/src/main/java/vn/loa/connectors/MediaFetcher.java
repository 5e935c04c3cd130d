package vn.loa.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Opens a media file by its address, for the platforms that take uploads rather than addresses. */
@FunctionalInterface
public interface MediaFetcher {

    record Fetched(InputStream stream, long length, String contentType) {}

    /** Redirects followed before giving up; each hop is checked like the first address. */
    int MAX_REDIRECTS = 5;

    Fetched fetch(Media media) throws IOException;

    /**
     * Fetches over HTTP(S) from addresses {@code addresses} allows. Redirects are followed by hand,
     * so that every hop is checked too: a public address cannot redirect Loa into its own network.
     */
    static MediaFetcher http(Duration timeout, MediaAddresses addresses) {
        var client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return media -> {
            try {
                var uri = addresses.check(media.url());
                for (int hop = 0; ; hop++) {
                    var response = client.send(
                            HttpRequest.newBuilder(uri).timeout(timeout).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    var location = response.headers().firstValue("Location");
                    if (isRedirect(response.statusCode()) && location.isPresent()) {
                        response.body().close();
                        if (hop >= MAX_REDIRECTS) {
                            throw new IOException(
                                    "media " + media.url() + " redirected more than " + MAX_REDIRECTS + " times");
                        }
                        uri = addresses.check(uri.resolve(location.get()).toString());
                        continue;
                    }
                    if (response.statusCode() != 200) {
                        response.body().close();
                        throw new IOException("media " + media.url() + " answered " + response.statusCode());
                    }
                    var length = response.headers()
                            .firstValueAsLong("Content-Length")
                            .orElse(-1);
                    var type = response.headers()
                            .firstValue("Content-Type")
                            .orElse(media.contentType() == null ? "application/octet-stream" : media.contentType());
                    return new Fetched(response.body(), length, type);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted fetching " + media.url(), e);
            }
        };
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
