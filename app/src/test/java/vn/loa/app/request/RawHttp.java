package vn.loa.app.request;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP/1.1 by hand, for what a normal client will not do: declare a body and never send it, or
 * send one without a length. Reads only the status line and headers of the answer, and what of
 * the body arrives before the server closes or a second passes.
 */
final class RawHttp {

    record Answer(int status, String head, String body) {}

    private RawHttp() {}

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the request head, then {@code body} (possibly far shorter than declared), then reads the answer. */
    static Answer send(int port, String head, byte[] body, Duration timeout) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            var out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        var headEnd = -1;
        var buffer = new byte[8192];
        while (headEnd < 0) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            bytes.write(buffer, 0, n);
            headEnd = bytes.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
        }
        var text = bytes.toString(StandardCharsets.UTF_8);
        var head = headEnd < 0 ? text : text.substring(0, headEnd);
        var length = contentLength(head);
        while (headEnd >= 0 && !complete(bytes, headEnd, length)) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            bytes.write(buffer, 0, n);
        }
        text = bytes.toString(StandardCharsets.UTF_8);
        var body = headEnd < 0 ? "" : text.substring(Math.min(text.length(), headEnd + 4));
        return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
    }

    /** The whole body is in: its declared length, or the last chunk of a chunked one. */
    private static boolean complete(ByteArrayOutputStream bytes, int headEnd, int length) {
        if (length >= 0) {
            return bytes.size() - headEnd - 4 >= length;
        }
        return bytes.toString(StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n");
    }

    private static int contentLength(String head) {
        for (var line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return -1;
    }
}
