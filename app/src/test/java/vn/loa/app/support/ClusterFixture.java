package vn.loa.app.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.app.LoaApplication;
import vn.loa.app.connection.ChannelConnections;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.campaign.Kpis;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRole;
import vn.loa.campaigns.channel.Channels;
import vn.loa.campaigns.content.ContentDraft;
import vn.loa.campaigns.delivery.DeliveryTimer;
import vn.loa.campaigns.plan.Plans;
import vn.loa.campaigns.theme.ThemeRepository;
import vn.loa.campaigns.workflow.ContentReview;
import vn.loa.campaigns.workflow.ContentWriting;
import vn.loa.campaigns.workflow.Scheduling;
import vn.loa.connectors.Platform;
import vn.loa.connectors.sandbox.PlatformSandbox;
import vn.loa.connectors.sandbox.SandboxCredentials;

/**
 * Several Loa nodes on one PostgreSQL database of their own, sharing one platform sandbox: nodes
 * run in this JVM (separate application contexts) or as separate processes that can be killed.
 */
public final class ClusterFixture implements AutoCloseable {

    public static final String KEY = "dGVzdC1rZXktb2YtMzItYnl0ZXMtZm9yLWxvYS10ZXM=";

    private final String databaseUrl;
    private final String databaseName;
    private final PlatformSandbox sandbox;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private int channelNumbers = 100_000;

    private static final Actor PLANNER = new Actor("planner", Set.of(Role.PLANNER), null);
    private static final Actor APPROVER = new Actor("approver", Set.of(Role.APPROVER), null);
    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN), null);

    public ClusterFixture(String database, Duration platformLatency) throws IOException, SQLException {
        this(PostgresDatabase.jdbcUrl(), database, platformLatency);
    }

    /** On the PostgreSQL server at {@code admin} (its {@code postgres} database), e.g. one with extensions loaded. */
    public ClusterFixture(String admin, String database, Duration platformLatency) throws IOException, SQLException {
        try (var c = DriverManager.getConnection(admin, "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database);
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        this.databaseName = database;
        this.databaseUrl = admin.replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
        this.sandbox = new PlatformSandbox(Clock.systemUTC()).start(0);
        sandbox.latency(platformLatency);
    }

    public PlatformSandbox sandbox() {
        return sandbox;
    }

    /** The cluster's database, for a test's own connection. */
    public String databaseUrl() {
        return databaseUrl;
    }

    public Map<String, String> properties(String node) {
        var p = new LinkedHashMap<String, String>();
        p.put("spring.datasource.url", databaseUrl);
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "");
        p.put("spring.datasource.hikari.maximum-pool-size", "20");
        p.put("server.port", "0");
        p.put("loa.credentials.key", KEY);
        p.put("loa.engine.node", node);
        p.put("loa.engine.lease", "4s");
        p.put("loa.connectors.read-timeout", "2s");
        p.put("loa.connectors.sandbox.enabled", "false");
        p.put("loa.connectors.facebook.graph-url", sandbox.baseUrl());
        p.put("loa.connectors.facebook.video-url", sandbox.baseUrl());
        p.put("loa.connectors.youtube.root-url", sandbox.baseUrl() + "/");
        p.put("loa.connectors.youtube.token-url", sandbox.baseUrl() + "/token");
        p.put("loa.connectors.zalo.openapi-url", sandbox.baseUrl());
        p.put("loa.connectors.zalo.oauth-url", sandbox.baseUrl());
        p.put("loa.request.media-allowed-hosts", "localhost");
        // Nodes of one cluster share a Quartz scheduler name; it differs from every other context's in
        // this JVM, because Spring registers Quartz's data source JVM-wide under that name.
        p.put("spring.quartz.properties.org.quartz.scheduler.instanceName", "loa-" + databaseName);
        p.put("logging.level.root", "WARN");
        p.put("logging.level.vn.loa.app.web", "INFO");
        return p;
    }

    /**
     * A node in this JVM. At most one per JVM: Spring's Quartz integration registers the job store's
     * data source under the scheduler's name in a JVM-wide registry, and cluster members must share that name.
     */
    public ConfigurableApplicationContext startNode(String node) {
        return startNode(node, Map.of());
    }

    public ConfigurableApplicationContext startNode(String node, Map<String, String> overrides) {
        var properties = properties(node);
        properties.putAll(overrides);
        if ("false".equals(properties.get("loa.engine.loop"))) {
            // A node that does not dispatch must not take the cluster's wake triggers either.
            properties.put("spring.quartz.auto-startup", "false");
        }
        var args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        var context = new SpringApplicationBuilder(LoaApplication.class).run(args);
        contexts.add(context);
        return context;
    }

    /** A node in a process of its own, which the test may kill. */
    public Process startProcess(String node, Path log) throws IOException {
        return startProcess(node, log, Map.of(), Set.of(), null);
    }

    /**
     * A node process with some settings changed or {@code dropped} (so the defaults apply), working
     * in {@code directory} (where the default embedded database lives), or this JVM's when null.
     */
    public Process startProcess(
            String node, Path log, Map<String, String> overrides, Set<String> dropped, Path directory)
            throws IOException {
        var properties = properties(node);
        properties.putAll(overrides);
        dropped.forEach(properties::remove);
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LoaApplication.class.getName());
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        var process = new ProcessBuilder(command)
                .directory(directory == null ? null : directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        processes.add(process);
        return process;
    }

    /** A node process started with {@link NodeControl}: the test moves its clock and runs its collections. */
    public record ControlledNode(String name, Process process, Path log, NodeControl.Client control) {

        public void awaitStarted() throws IOException {
            ClusterFixture.awaitStarted(process, log, Duration.ofSeconds(120));
        }
    }

    public ControlledNode startControlled(String node, Map<String, String> overrides) throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var settings = new LinkedHashMap<>(overrides);
        settings.put("spring.main.sources", NodeControl.class.getName());
        settings.put(NodeControl.PORT, String.valueOf(port));
        var log = logFile(databaseName + "-" + node);
        var process = startProcess(node, log, settings, Set.of(), null);
        return new ControlledNode(node, process, log, new NodeControl.Client(port));
    }

    /** Waits until a node process says it is running, or fails if it exits first. */
    public static void awaitStarted(Process process, Path log, Duration timeout) throws IOException {
        var deadline = Instant.now().plus(timeout);
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("node exited: " + Files.readString(log));
            }
            return Files.exists(log) && Files.readString(log).contains("Loa is running");
        });
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("node did not start in " + timeout);
        }
    }

    /** Connected channels of one platform and the deliveries spread over them (videos on YouTube). */
    public record Seed(Platform platform, int channels, int deliveries) {}

    /**
     * Creates {@code channels} connected Facebook pages and {@code deliveries} approved items spread
     * over them, all due at {@code at}, through the use cases of {@code node}.
     */
    public void seed(ConfigurableApplicationContext node, int channels, int deliveries, Instant at) {
        seed(node, at, new Seed(Platform.FACEBOOK, channels, deliveries));
    }

    /** Seeds each platform's channels and deliveries (a campaign each), all due at {@code at}. */
    public void seed(ConfigurableApplicationContext node, Instant at, Seed... seeds) {
        var year = OffsetDateTime.now(ZoneOffset.UTC).getYear();
        var plan = node.getBean(Plans.class).createPlan(year, "Kế hoạch", null);
        int item = 0;
        for (var seed : seeds) {
            var ids = channels(node, seed.platform(), seed.channels());
            var theme = node.getBean(ThemeRepository.class)
                    .findByCode("society")
                    .orElseThrow()
                    .id();
            var campaign = node.getBean(CampaignPlanning.class)
                    .startCampaign(new Campaign.Details(
                            plan.id(),
                            theme,
                            "Tải thử " + seed.platform().displayName(),
                            null,
                            LocalDate.of(year, 1, 1),
                            LocalDate.of(year, 12, 31),
                            Kpis.NONE,
                            Set.copyOf(ids)));
            // A YouTube delivery is a video, fetched from the sandbox (as localhost: loopback
            // addresses are refused as media, a host allowed by loa.request.media-allowed-hosts is not).
            var media = seed.platform() == Platform.YOUTUBE
                    ? List.of(sandbox.baseUrl().replace("127.0.0.1", "localhost") + "/media/film.mp4")
                    : List.<String>of();
            var writing = node.getBean(ContentWriting.class);
            var review = node.getBean(ContentReview.class);
            var scheduling = node.getBean(Scheduling.class);
            var later = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);
            for (int i = 0; i < seed.deliveries(); i++, item++) {
                var written = writing.writeContent(
                        new ContentDraft(
                                campaign.id(),
                                "Tin số " + item,
                                "Nội dung tin số " + item,
                                null,
                                media,
                                List.of(),
                                null),
                        PLANNER);
                review.submitForReview(written.id(), PLANNER);
                review.approve(written.id(), APPROVER, null);
                scheduling.schedule(written.id(), List.of(ids.get(i % ids.size())), later, PLANNER);
            }
        }
        // All due in the same second.
        dueAt(node, at);
    }

    private List<Long> channels(ConfigurableApplicationContext node, Platform platform, int count) {
        var channelService = node.getBean(Channels.class);
        var connections = node.getBean(ChannelConnections.class);
        var ids = new ArrayList<Long>();
        for (int i = 0; i < count; i++) {
            var n = channelNumbers++;
            var externalId = platform == Platform.YOUTUBE ? "UCload" + n : "9" + n;
            var c = channelService.registerChannel(new Channel.Details(
                    platform, externalId, "Kênh " + n, ChannelRole.PARTNER, 60_000L, "Đối tác " + n, null, true));
            connections.connect(c.id(), SandboxCredentials.forChannel(platform, c.externalId(), Instant.now()), ADMIN);
            ids.add(c.id());
        }
        return ids;
    }

    /**
     * Moves every delivery to {@code at} and sets the timer for it, as scheduling does: Quartz wakes
     * a dispatcher at that second (the dispatchers' safety poll is a minute).
     */
    public void dueAt(ConfigurableApplicationContext node, Instant at) {
        node.getBean(JdbcClient.class)
                .sql("UPDATE delivery SET scheduled_at = ?")
                .param(at.atOffset(ZoneOffset.UTC))
                .update();
        node.getBean(DeliveryTimer.class).dueAt(at);
    }

    public JdbcClient jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcClient.class);
    }

    public static Path logFile(String name) throws IOException {
        var dir = Path.of("target", "cluster-logs");
        Files.createDirectories(dir);
        return dir.resolve(name + ".log");
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
        contexts.forEach(ConfigurableApplicationContext::close);
        sandbox.close();
    }
}
