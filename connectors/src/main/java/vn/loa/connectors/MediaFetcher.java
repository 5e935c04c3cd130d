package vn.loa.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Opens a media file by its address, for the platforms that take uploads rather than addresses. */
@FunctionalInterface
public interface MediaFetcher {

    record Fetched(InputStream stream, long length, String contentType) {}

    Fetched fetch(Media media) throws IOException;

    /** Fetches over HTTP(S). */
    static MediaFetcher http(Duration timeout) {
        var client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return media -> {
            try {
                var response = client.send(
                        HttpRequest.newBuilder(URI.create(media.url()))
                                .timeout(timeout)
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new IOException("media " + media.url() + " answered " + response.statusCode());
                }
                var length =
                        response.headers().firstValueAsLong("Content-Length").orElse(-1);
                var type = response.headers()
                        .firstValue("Content-Type")
                        .orElse(media.contentType() == null ? "application/octet-stream" : media.contentType());
                return new Fetched(response.body(), length, type);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted fetching " + media.url(), e);
            }
        };
    }
}
