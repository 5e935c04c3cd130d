package vn.loa.app.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.publishing.AttemptOutcome;
import vn.loa.campaigns.publishing.AttemptResult.Failure;
import vn.loa.connectors.Platform;

/**
 * loa.dispatch.lateness (due instant → platform call), loa.publishes (by platform and outcome),
 * loa.publish.retries (by platform), loa.deliveries.held.
 */
@Component
public class PublishMetrics {

    private final MeterRegistry registry;
    private final Timer lateness;

    public PublishMetrics(MeterRegistry registry, PublishLedger ledger) {
        this.registry = registry;
        this.lateness = Timer.builder("loa.dispatch.lateness")
                .description("From a delivery's due instant to the platform call")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99)
                // Three significant digits: the default one snaps p99 to a coarse bucket (5,067 ms for 4,2xx).
                .percentilePrecision(3)
                .register(registry);
        Gauge.builder("loa.deliveries.held", () -> ledger.count(DeliveryStatus.HELD))
                .description("Deliveries kept back until their channel is reconnected or their item approved again")
                .register(registry);
    }

    void lateness(Duration late) {
        lateness.record(late.isNegative() ? Duration.ZERO : late);
    }

    /** One more attempt ended so; a retry is tagged with the platform's failure kind when there was one. */
    void outcome(Platform platform, AttemptOutcome outcome, Failure failure) {
        var tag = outcome == AttemptOutcome.RETRY && failure != null
                ? failure.kind().name()
                : outcome.name();
        Counter.builder("loa.publishes")
                .tag("platform", platform.name())
                .tag("outcome", tag.toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    void retry(Platform platform) {
        Counter.builder("loa.publish.retries")
                .tag("platform", platform.name())
                .register(registry)
                .increment();
    }
}
