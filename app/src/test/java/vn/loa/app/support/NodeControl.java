package vn.loa.app.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What a test may do to a node process of {@link ClusterFixture}, which it cannot reach into: move
 * the node's clock forward and run the engagement collection on that node now. Loaded only into
 * such processes ({@code --spring.main.sources}; it is no {@code @Configuration}, so component
 * scanning of the tests' own contexts never picks it up), it serves
 * {@code POST /clock?advance=PT6M} and {@code POST /collect} on loopback port {@value #PORT}.
 *
 * <p>The node's clock is the system's plus a shift (a process cannot share the tests' MutableClock):
 * time runs, so the engine and Quartz behave as in production, and a test jumps past a time window
 * (a usage reading's five minutes) without waiting for it.
 */
public class NodeControl implements ApplicationListener<ApplicationReadyEvent> {

    public static final String PORT = "loa.test.control-port";

    /** Collection runs started here are told apart from the scheduled ones' minute slots (all positive). */
    private static final AtomicLong RUNS =
            new AtomicLong(-ProcessHandle.current().pid() * 1_000_000L);

    private final ShiftedClock clock = new ShiftedClock();

    @Bean
    @Primary
    Clock nodeControlClock() {
        return clock;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        serve(context, clock, context.getEnvironment().getRequiredProperty(PORT, Integer.class));
    }

    private static void serve(ConfigurableApplicationContext context, ShiftedClock clock, int port) {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
            server.createContext("/clock", ex -> {
                clock.shift(Duration.parse(ex.getRequestURI().getQuery().replace("advance=", "")));
                answer(ex, clock.instant().toString());
            });
            server.createContext("/collect", ex -> {
                var params = new JobParametersBuilder()
                        .addLong("slot", RUNS.decrementAndGet())
                        .toJobParameters();
                try {
                    var execution = context.getBean(JobOperator.class)
                            .start(context.getBean("collectEngagementJob", Job.class), params);
                    answer(ex, execution.getStatus().name());
                } catch (Exception e) {
                    answer(ex, "ERROR " + e);
                }
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange ex, String text) throws IOException {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, bytes.length);
        try (var body = ex.getResponseBody()) {
            body.write(bytes);
        }
    }

    /** The system clock moved forward by hand. */
    static final class ShiftedClock extends Clock {

        private volatile Duration shift = Duration.ZERO;

        void shift(Duration by) {
            shift = shift.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), shift);
        }
    }

    /** The test's side: one node process's control port. */
    public record Client(int port) {

        private static final HttpClient HTTP = HttpClient.newHttpClient();

        /** Moves the node's clock forward; answers its time after the move. */
        public Instant advanceClock(Duration by) {
            return Instant.parse(post("/clock?advance=" + by));
        }

        /** Runs an engagement collection on this node and waits for it; answers its batch status. */
        public String collect() {
            return post("/collect");
        }

        private String post(String path) {
            try {
                return HTTP.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                        .timeout(Duration.ofSeconds(90))
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
