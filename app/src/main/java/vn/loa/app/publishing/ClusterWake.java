package vn.loa.app.publishing;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes the other nodes' dispatchers when this one finds work. Quartz fires each instant on one
 * node only, and an idle dispatcher does not poll, so without this one node would carry a burst
 * alone. On PostgreSQL each node listens on one connection ({@code LISTEN loa_dispatch}) and
 * blocks reading it, which costs the database no statement while idle; a node that claimed work
 * sends {@code pg_notify} (at most every {@link #EVERY}), and the others run a claim round. On H2
 * (one node, file mode) there is nobody to wake. A lost connection is opened again; meanwhile the
 * safety poll covers.
 */
@Component
class ClusterWake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterWake.class);
    static final String CHANNEL = "loa_dispatch";
    /** The most often one node wakes the others: enough to share a burst, not a storm of claim rounds. */
    static final Duration EVERY = Duration.ofMillis(200);

    private static final Duration RETRY = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final DispatcherWake wake;
    private final EngineProperties properties;
    private final boolean postgres;
    private final AtomicLong lastSent = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    ClusterWake(DataSource dataSource, DispatcherWake wake, EngineProperties properties) {
        this.dataSource = dataSource;
        this.wake = wake;
        this.properties = properties;
        this.postgres = QuartzConfig.isPostgres(dataSource);
    }

    /** This node claimed work: the others look too (no more often than {@link #EVERY}). */
    void workFound() {
        if (!postgres) {
            return;
        }
        long now = System.nanoTime();
        long last = lastSent.get();
        if (now - last < EVERY.toNanos() || !lastSent.compareAndSet(last, now)) {
            return;
        }
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, properties.node());
            s.execute();
        } catch (SQLException e) {
            log.warn("Could not wake the other nodes: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        if (!postgres || !properties.loop()) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "publish-cluster-wake");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        while (running) {
            try (var c = dataSource.getConnection()) {
                try (var s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                var pg = c.unwrap(PGConnection.class);
                while (running) {
                    // Waits on the socket (a second at a time, to see a stop); no statement is sent meanwhile.
                    var notifications = pg.getNotifications(1_000);
                    if (notifications == null) {
                        continue;
                    }
                    for (var n : notifications) {
                        if (!properties.node().equals(n.getParameter())) {
                            wake.claim();
                            break;
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for other nodes failed ({}); again in {}", e.getMessage(), RETRY);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
