package vn.loa.app.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection, kept alive or not, that sends a GET and reads the answer's head, for load tests.
 * It never sends a request twice: the JDK's HttpClient silently re-sends an idempotent request when
 * a pooled connection turns out closed, which makes a count of requests sent unreliable, and its
 * asynchronous machinery costs the server under test much of the machine's CPU. A connection the
 * server closes (Tomcat does after 100 requests, saying {@code Connection: close}) is reopened
 * before the next request; one closed before an answer is an error, not a retry.
 */
final class LoadClient implements AutoCloseable {

    /** The status and {@code Location} of an answer without a body. */
    record Answer(int status, String location) {}

    private final String host;
    private final int port;
    private final String userAgent;
    private final boolean reuse;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final StringBuilder line = new StringBuilder(256);

    /** {@code reuse} false: a new connection for every request, as clicks from different people make. */
    LoadClient(String host, int port, String userAgent, boolean reuse) {
        this.host = host;
        this.port = port;
        this.userAgent = userAgent;
        this.reuse = reuse;
    }

    Answer get(String path) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream(), 4_096);
            out = socket.getOutputStream();
        }
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUser-Agent: " + userAgent
                        + (reuse ? "" : "\r\nConnection: close") + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        var status = readLine();
        if (status == null) {
            throw new IOException("connection closed before an answer to " + path);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        String location = null;
        long length = 0;
        boolean close = false;
        for (var header = readLine(); header != null && !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            var name = header.substring(0, colon);
            var value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Location")) {
                location = value;
            } else if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                throw new IOException("chunked answer to " + path + " (this client reads sized bodies only)");
            }
        }
        for (long skipped = 0; skipped < length; skipped++) {
            if (in.read() < 0) {
                throw new IOException("body of " + path + " cut short");
            }
        }
        if (close || !reuse) {
            close();
        }
        return new Answer(code, location);
    }

    private String readLine() throws IOException {
        line.setLength(0);
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
