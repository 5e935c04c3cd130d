package vn.loa.connectors.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.connectors.Platform;

/**
 * A local stand-in for the Graph API, the YouTube Data API (with Google's token endpoint) and the
 * Zalo OA Open API (with its OAuth server), on one loopback port. The real connector classes call it
 * through the real client libraries; only their base URLs point here. It can be told to answer with
 * faults and to answer slowly, and it counts what it was asked to publish.
 *
 * <p>Paths: Facebook {@code /v24.0/…}; YouTube {@code /youtube/v3/…}, {@code /upload/youtube/v3/…},
 * {@code /token}; Zalo {@code /v2.0/…}, {@code /v4/oa/access_token}; sample media {@code /media/…};
 * control {@code /sandbox/faults}, {@code /sandbox/posts} and {@code /sandbox/comments}.
 */
public final class PlatformSandbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlatformSandbox.class);
    private static final int RECENT = 1_000;
    private static volatile Duration stall = Duration.ofSeconds(65);

    static {
        // Without it the JDK's server waits for delayed ACKs on loopback: 40 ms on many small requests.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxState state;
    private final FacebookEmulator facebook;
    private final YouTubeEmulator youtube;
    private final ZaloEmulator zalo;
    private final Map<Platform, ConcurrentLinkedDeque<Fault>> faults = new EnumMap<>(Platform.class);
    /** Faults aimed at one path: the next request there fails, whatever comes in between. */
    private final Map<String, ConcurrentLinkedDeque<Fault>> faultsOnPath = new ConcurrentHashMap<>();

    private final Map<String, AtomicLong> byPath = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    /** The latest requests' method and path, so that a test counting calls can say which ones it saw. */
    private final ConcurrentLinkedDeque<String> recent = new ConcurrentLinkedDeque<>();

    private final Map<Platform, AtomicLong> byPlatform = new EnumMap<>(Platform.class);
    private volatile Duration latency = Duration.ZERO;
    private volatile Consumer<String> duringCall = call -> {};
    private HttpServer server;
    private ExecutorService executor;

    public PlatformSandbox(Clock clock) {
        this.state = new SandboxState(clock);
        this.facebook = new FacebookEmulator(state);
        this.youtube = new YouTubeEmulator(state);
        this.zalo = new ZaloEmulator(state);
        for (var platform : Platform.values()) {
            faults.put(platform, new ConcurrentLinkedDeque<>());
            byPlatform.put(platform, new AtomicLong());
        }
    }

    /** Starts on a loopback port (0 chooses a free one). */
    public synchronized PlatformSandbox start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        executor = Executors.newCachedThreadPool(r -> {
            var t = new Thread(r, "platform-sandbox");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        log.info("Platform sandbox (Facebook, YouTube, Zalo) listening on {}", baseUrl());
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public SandboxState state() {
        return state;
    }

    /** The next {@code times} requests to {@code platform} fail with {@code fault}. */
    public void inject(Platform platform, Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.get(platform).add(fault);
        }
    }

    /**
     * The next {@code times} requests to {@code path} fail with {@code fault}, requests elsewhere
     * going through: how a test puts a failure after a write (Zalo's article/verify after
     * article/create) rather than on it. {@code path} may name a method too ({@code "PUT
     * /upload/youtube/v3/videos"}: the chunks of an upload, not the POST that opened it).
     */
    public void injectOn(String path, Fault fault, int times) {
        var queue = faultsOnPath.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
    }

    /**
     * YouTube uploads from now on stay private whatever the request asked, as Google keeps the
     * uploads of a project created after 2020-07-28 that has not passed its API audit.
     */
    public void youTubeUploadsStayPrivate(boolean value) {
        youtube.uploadsStayPrivate(value);
    }

    /**
     * Whether a YouTube channel may set custom thumbnails; YouTube allows them only on verified
     * channels and answers thumbnails.set 403 forbidden otherwise. Channels are verified unless told.
     */
    public void youTubeChannelVerified(String channelId, boolean verified) {
        youtube.channelVerified(channelId, verified);
    }

    /** The size in bytes of the custom thumbnail set on a YouTube video; null when none was set. */
    public Long youTubeThumbnailOf(String videoId) {
        return youtube.thumbnailOf(videoId);
    }

    /** YouTube upload sessions opened so far: each is one videos.insert, so one video at most. */
    public long youTubeUploadSessions() {
        return youtube.sessionsOpened();
    }

    /** The bytes a YouTube video was made of (null for an unknown video): a resumed upload must add up. */
    public Long youTubeVideoBytes(String videoId) {
        return youtube.bytesOf(videoId);
    }

    /**
     * Facebook answers from now on report the app's rate budget used at {@code percent} in
     * X-App-Usage (3 % unless told), as Meta does on every Graph answer.
     */
    public void facebookAppUsage(int percent) {
        facebook.appUsage(percent);
    }

    /**
     * Runs {@code check} on every request while it is in flight (after the latency, before the
     * answer), with its method and path: the caller is waiting for the platform at that moment, so
     * the check sees what the caller holds across a platform call (e.g. database locks).
     */
    public void duringEachCall(Consumer<String> check) {
        duringCall = check;
    }

    /** The author a Zalo article was signed with ("" when none was sent), null for an unknown article. */
    public String zaloAuthorOf(String articleId) {
        return zalo.authorOf(articleId);
    }

    public void clearFaults() {
        faults.values().forEach(ConcurrentLinkedDeque::clear);
        faultsOnPath.clear();
    }

    /** Calls made to one path (e.g. {@code /v2.0/article/create}). */
    public long requestsServed(String path) {
        var n = byPath.get(path);
        return n == null ? 0 : n.get();
    }

    /** Calls made to every path ending so (e.g. {@code /comments}: the comment reads of every post). */
    public long requestsServedEndingWith(String suffix) {
        return byPath.entrySet().stream()
                .filter(e -> e.getKey().endsWith(suffix))
                .mapToLong(e -> e.getValue().get())
                .sum();
    }

    /** Every answer is delayed by this much, as a far-away platform would be. */
    public void latency(Duration delay) {
        latency = delay;
    }

    /** How long a {@link Fault#TIMEOUT_AFTER_WRITE} answer is held back (longer than the client's read timeout). */
    public static void stallFor(Duration duration) {
        stall = duration;
    }

    public long requestsServed() {
        return requests.get();
    }

    /** The method and path of the latest {@code n} requests (at most the last 1,000), oldest first. */
    public List<String> latestRequests(long n) {
        var all = new ArrayList<>(recent);
        return List.copyOf(all.subList((int) Math.max(0, all.size() - n), all.size()));
    }

    /** Calls made to one platform's API (token endpoints included). */
    public long requestsServed(Platform platform) {
        return byPlatform.get(platform).get();
    }

    /** A fault aimed at "METHOD path" first (a YouTube upload's PUTs share their path with its POST), then at the path. */
    private Fault fault(Platform platform, String method, String path) {
        var byMethod = faultsOnPath.get(method + " " + path);
        var fault = byMethod == null ? null : byMethod.poll();
        if (fault != null) {
            return fault;
        }
        var aimed = faultsOnPath.get(path);
        fault = aimed == null ? null : aimed.poll();
        return fault != null ? fault : faults.get(platform).poll();
    }

    static void stall() {
        pause(stall);
    }

    private void handle(HttpExchange raw) throws IOException {
        requests.incrementAndGet();
        recent.addLast(raw.getRequestMethod() + " " + raw.getRequestURI().getPath());
        while (recent.size() > RECENT) {
            recent.pollFirst();
        }
        try {
            pause(latency);
            duringCall.accept(raw.getRequestMethod() + " " + raw.getRequestURI().getPath());
            var ex = new SandboxExchange(raw);
            var path = ex.path();
            byPath.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
            if (path.startsWith("/sandbox/")) {
                control(ex);
            } else if (path.startsWith("/media/")) {
                media(ex);
            } else if (FacebookEmulator.handles(path)) {
                byPlatform.get(Platform.FACEBOOK).incrementAndGet();
                facebook.handle(ex, fault(Platform.FACEBOOK, ex.method(), path));
            } else if (YouTubeEmulator.handles(path)) {
                byPlatform.get(Platform.YOUTUBE).incrementAndGet();
                youtube.handle(ex, fault(Platform.YOUTUBE, ex.method(), path));
            } else if (ZaloEmulator.handles(path)) {
                byPlatform.get(Platform.ZALO).incrementAndGet();
                zalo.handle(ex, fault(Platform.ZALO, ex.method(), path));
            } else {
                ex.json(404, Map.of("error", "the sandbox has nothing at " + path));
            }
            if (!ex.answered()) {
                ex.json(500, Map.of("error", "sandbox did not answer"));
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Sandbox failed on {} {}",
                    raw.getRequestMethod(),
                    raw.getRequestURI().getPath(),
                    e);
            raw.sendResponseHeaders(500, -1);
            raw.close();
        }
    }

    /** A few kilobytes of bytes standing in for a photo or video file. */
    private void media(SandboxExchange ex) throws IOException {
        var name = ex.path().substring("/media/".length());
        var type = name.endsWith(".mp4") ? "video/mp4" : name.endsWith(".png") ? "image/png" : "image/jpeg";
        var bytes = new byte[name.endsWith(".mp4") ? 300_000 : 20_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        ex.send(200, type, bytes);
    }

    private void control(SandboxExchange ex) throws IOException {
        if (ex.path().equals("/sandbox/faults") && ex.method().equals("POST")) {
            var platform = Platform.valueOf(ex.param("platform").toUpperCase());
            var fault = Fault.valueOf(ex.param("fault").toUpperCase());
            int times = Integer.parseInt(ex.param("times") == null ? "1" : ex.param("times"));
            if (ex.param("path") != null) {
                injectOn(ex.param("path"), fault, times);
            } else {
                inject(platform, fault, times);
            }
            ex.json(200, Map.of("platform", platform, "fault", fault, "times", times));
        } else if (ex.path().equals("/sandbox/comments") && ex.method().equals("POST")) {
            // A member of the public comments under a post (demos): post, author, text, likes.
            var comment = state.addComment(
                    ex.param("post"),
                    ex.param("author") == null ? "sandbox-user" : ex.param("author"),
                    ex.param("text") == null ? "" : ex.param("text"),
                    state.now(),
                    ex.param("likes") == null ? 0 : Long.parseLong(ex.param("likes")));
            ex.json(200, Map.of("id", comment.id()));
        } else if (ex.path().equals("/sandbox/posts")) {
            var list = new ArrayList<Map<String, Object>>();
            for (var p : state.allPosts()) {
                list.add(Map.of(
                        "platform",
                        p.platform(),
                        "channel",
                        p.channelId(),
                        "id",
                        p.id(),
                        "title",
                        p.title() == null ? "" : p.title(),
                        "liveAt",
                        p.liveAt().toString(),
                        "deleted",
                        p.deleted()));
            }
            ex.json(200, list);
        } else {
            ex.json(404, Map.of("error", "unknown sandbox control " + ex.path()));
        }
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }
}
