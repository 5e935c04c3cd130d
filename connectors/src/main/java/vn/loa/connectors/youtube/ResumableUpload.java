package vn.loa.connectors.youtube;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.EmptyContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpContent;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.json.JsonHttpContent;
import com.google.api.client.json.JsonObjectParser;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.youtube.model.Video;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Google's resumable upload protocol for {@code videos.insert}, spoken here rather than through the
 * client's MediaHttpUploader because the upload session must outlive the attempt that opened it:
 * the session URI is handed to the caller the moment YouTube gives it (kept with the attempt), so
 * that an upload cut off — by a fault, a timeout or a crash of the node — is resumed from the last
 * byte YouTube holds instead of being started again as a second video.
 *
 * <p>The steps are those of YouTube's guide "Resumable uploads" (Data API v3): a POST to
 * {@code /upload/youtube/v3/videos?uploadType=resumable} with the video resource and
 * {@code X-Upload-Content-Length} / {@code X-Upload-Content-Type} answers the session URI in
 * {@code Location}; PUTs to it carry {@code Content-Range: bytes a-b/total} and are answered
 * 308 with {@code Range: bytes=0-n} until the last, answered 200/201 with the video. To resume, a
 * PUT with no body and {@code Content-Range: bytes *}{@code /total} asks where the upload stands:
 * 308 with {@code Range: bytes=0-n} (go on from n+1; no Range header means nothing arrived), or
 * 200/201 with the video when it is complete; 404 means the session expired and the upload must
 * begin anew.
 */
final class ResumableUpload {

    /** How a session URI is kept in the publish ledger: {@code youtube-upload:<total bytes>:<session URI>}. */
    static final String RECEIPT = "youtube-upload:";

    private static final GsonFactory JSON = GsonFactory.getDefaultInstance();

    /** Where a session stands when asked. */
    sealed interface Standing {

        /** YouTube holds the whole file: the video exists. */
        record Complete(Video video) implements Standing {}

        /** YouTube holds the first {@code bytes} bytes; the rest is still to send. */
        record Received(long bytes) implements Standing {}

        /** YouTube no longer knows the session (404): nothing of it became a video. */
        record Expired() implements Standing {}
    }

    /** A kept session: its URI and the file's length (-1 if unknown). */
    record Session(String uri, long length) {

        String receipt() {
            return RECEIPT + length + ":" + uri;
        }

        /** The session a receipt names; empty for any other receipt (or none). */
        static Optional<Session> of(String receipt) {
            if (receipt == null || !receipt.startsWith(RECEIPT)) {
                return Optional.empty();
            }
            var rest = receipt.substring(RECEIPT.length());
            var colon = rest.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Session(rest.substring(colon + 1), Long.parseLong(rest.substring(0, colon))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private final HttpRequestFactory http;
    private final int chunkSize;

    ResumableUpload(HttpRequestFactory http, int chunkSize) {
        this.http = http;
        this.chunkSize = chunkSize;
    }

    /** Opens a session for a file of {@code length} bytes (-1: unknown) and answers its URI. */
    Session start(String rootUrl, Video metadata, long length, String contentType) throws IOException {
        var url = new GenericUrl(rootUrl + "upload/youtube/v3/videos");
        url.set("uploadType", "resumable");
        url.set("part", List.of("snippet", "status"));
        var request = http.buildPostRequest(url, new JsonHttpContent(JSON, metadata));
        if (length >= 0) {
            request.getHeaders().set("X-Upload-Content-Length", length);
        }
        request.getHeaders().set("X-Upload-Content-Type", contentType);
        var response = execute(request.setFollowRedirects(false));
        try {
            if (!response.isSuccessStatusCode()) {
                throw GoogleJsonResponseException.from(JSON, response);
            }
            var location = response.getHeaders().getLocation();
            if (location == null || location.isBlank()) {
                throw new IOException("YouTube opened no upload session (no Location)");
            }
            return new Session(location, length);
        } finally {
            response.disconnect();
        }
    }

    /** Asks YouTube how much of the session's file it holds. */
    Standing standing(Session session) throws IOException {
        var request = http.buildPutRequest(new GenericUrl(session.uri()), new EmptyContent());
        request.getHeaders().setContentRange("bytes */" + (session.length() >= 0 ? session.length() : "*"));
        var response = execute(request);
        try {
            return switch (response.getStatusCode()) {
                case 200, 201 -> new Standing.Complete(response.parseAs(Video.class));
                case 308 -> new Standing.Received(received(response));
                case 404, 410 -> new Standing.Expired();
                default -> throw GoogleJsonResponseException.from(JSON, response);
            };
        } finally {
            response.disconnect();
        }
    }

    /**
     * Sends the file from byte {@code from} on ({@code in} is positioned there) in chunks, going on
     * from wherever each answer says YouTube is (it may keep less than was sent), and answers the
     * video once YouTube holds it all. {@code sent} is told the bytes YouTube holds after each chunk.
     */
    Video send(Session session, InputStream in, long from, String contentType, LongConsumer sent) throws IOException {
        var source = new PushbackInputStream(in, 1);
        var buffer = new byte[chunkSize];
        int filled = 0;
        long offset = from;
        long total = session.length();
        while (true) {
            filled += source.readNBytes(buffer, filled, chunkSize - filled);
            boolean last = filled < chunkSize || atEnd(source);
            if (last && total < 0) {
                total = offset + filled;
            }
            // Nothing left to send (the file ended on a chunk's edge, its length unknown until then):
            // an empty PUT naming the total closes the upload.
            HttpContent body = filled == 0 ? new EmptyContent() : new ByteArrayContent(contentType, buffer, 0, filled);
            var request = http.buildPutRequest(new GenericUrl(session.uri()), body);
            request.getHeaders()
                    .setContentRange(
                            filled == 0
                                    ? "bytes */" + total
                                    : "bytes " + offset + "-" + (offset + filled - 1) + "/"
                                            + (total >= 0 ? String.valueOf(total) : "*"));
            var response = execute(request);
            try {
                if (response.getStatusCode() == 200 || response.getStatusCode() == 201) {
                    sent.accept(offset + filled);
                    return response.parseAs(Video.class);
                }
                if (response.getStatusCode() != 308) {
                    throw GoogleJsonResponseException.from(JSON, response);
                }
                long held = received(response);
                if (held < offset || held > offset + filled) {
                    throw new IOException("YouTube answered a range outside the chunk sent: bytes=0-" + (held - 1));
                }
                // What YouTube did not keep of this chunk is sent again at the head of the next one.
                int kept = (int) (held - offset);
                System.arraycopy(buffer, kept, buffer, 0, filled - kept);
                filled -= kept;
                offset = held;
                sent.accept(held);
                if (last && filled == 0) {
                    throw new IOException("YouTube holds the whole file but did not answer the video");
                }
            } finally {
                response.disconnect();
            }
        }
    }

    private static boolean atEnd(PushbackInputStream in) throws IOException {
        int next = in.read();
        if (next < 0) {
            return true;
        }
        in.unread(next);
        return false;
    }

    /** The bytes YouTube holds, from a 308's {@code Range: bytes=0-n} (none without the header). */
    private static long received(HttpResponse response) {
        var range = response.getHeaders().getRange();
        if (range == null || !range.startsWith("bytes=")) {
            return 0;
        }
        var dash = range.indexOf('-');
        return Long.parseLong(range.substring(dash + 1).trim()) + 1;
    }

    private static HttpResponse execute(HttpRequest request) throws IOException {
        return request.setThrowExceptionOnExecuteError(false)
                .setFollowRedirects(false)
                .setParser(new JsonObjectParser(JSON))
                .execute();
    }
}
