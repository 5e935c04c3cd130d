package vn.loa.app.amplify;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.loa.campaigns.amplify.ContentPacks;
import vn.loa.campaigns.amplify.PartnerShares;
import vn.loa.campaigns.delivery.Delivery;
import vn.loa.campaigns.workflow.PublicationListener;

/**
 * The moving parts of amplification: what happens when a post is published (a rebuttal on the
 * official channel is pushed to the partners; a pack Loa published on a partner's page becomes
 * its share), the tracked-link filter, and the background sweeps (link clicks flushed, reminders,
 * pushes or shares a crash left undone, unsent e-mail).
 */
@Configuration(proxyBeanMethods = false)
class AmplifyRuntime implements PublicationListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AmplifyRuntime.class);

    private final ObjectProvider<ContentPacks> packs;
    private final ObjectProvider<PartnerShares> shares;
    private final LinkClicks clicks;
    private final MailOutbox outbox;
    private final JdbcPackRepository store;
    private final AmplifyProperties properties;
    private final Clock clock;
    private static final int AFTER_PUBLISH_BATCH = 500;
    private final Queue<Long> published = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newScheduledThreadPool(2, r -> {
        var t = new Thread(r, "amplify");
        t.setDaemon(true);
        return t;
    });

    AmplifyRuntime(
            ObjectProvider<ContentPacks> packs,
            ObjectProvider<PartnerShares> shares,
            LinkClicks clicks,
            MailOutbox outbox,
            JdbcPackRepository store,
            AmplifyProperties properties,
            Clock clock) {
        this.packs = packs;
        this.shares = shares;
        this.clicks = clicks;
        this.outbox = outbox;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    FilterRegistrationBean<LinkRedirectFilter> trackedLinks() {
        var registration = new FilterRegistrationBean<>(new LinkRedirectFilter(clicks));
        registration.addUrlPatterns("/l/*");
        // After the safety headers and the body limit (vn.loa.app.request).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Called inside the publishing transaction: the work is done after it commits, off the engine's thread. */
    @Override
    public void published(Delivery delivery) {
        long id = delivery.id();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queue(id);
                }
            });
        } else {
            queue(id);
        }
    }

    /**
     * Published deliveries wait here for one look at the lot: in a burst the engine publishes
     * hundreds a second, and reading each one's delivery, channel, item and pack (two
     * transactions a publication) cost the database more than the publishing did.
     */
    private void queue(long deliveryId) {
        published.add(deliveryId);
        if (draining.compareAndSet(false, true)) {
            worker.execute(this::drainPublished);
        }
    }

    private void drainPublished() {
        try {
            var batch = new ArrayList<Long>(AFTER_PUBLISH_BATCH);
            for (var id = published.poll(); id != null; id = published.poll()) {
                batch.add(id);
                if (batch.size() == AFTER_PUBLISH_BATCH || published.isEmpty()) {
                    afterPublished(batch);
                    batch.clear();
                }
            }
        } finally {
            draining.set(false);
            // An id queued after the last poll and before the flag fell would wait for the next one.
            if (!published.isEmpty() && draining.compareAndSet(false, true)) {
                worker.execute(this::drainPublished);
            }
        }
    }

    private void afterPublished(List<Long> deliveryIds) {
        List<JdbcPackRepository.AfterPublish> work;
        try {
            work = store.afterPublish(deliveryIds);
        } catch (RuntimeException e) {
            // The sweep finds what was not done and does it.
            log.warn("After publishing deliveries {}: {}", deliveryIds, e.toString());
            return;
        }
        for (var todo : work) {
            try {
                if (todo.pushRebuttal()) {
                    packs.getObject().pushRebuttal(todo.deliveryId()).ifPresent(built -> {
                        clicks.forgetMisses();
                        log.info(
                                "Rebuttal pushed to {} partner page(s) at once",
                                built.packs().size());
                    });
                }
                if (todo.recordShare()) {
                    shares.getObject().recordPublished(todo.deliveryId());
                }
            } catch (RuntimeException e) {
                log.warn("After publishing delivery {}: {}", todo.deliveryId(), e.toString());
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        var flush = properties.flushEvery().toMillis();
        worker.scheduleWithFixedDelay(this::flushQuietly, flush, flush, TimeUnit.MILLISECONDS);
        var sweep = properties.sweepEvery().toMillis();
        worker.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    private void flushQuietly() {
        try {
            clicks.flush();
        } catch (RuntimeException e) {
            log.warn("Link clicks flush failed: {}", e.toString());
        }
    }

    /** What a crash or a failure left undone: rebuttal pushes, shares of packs Loa published, reminders, e-mail. */
    void sweep() {
        try {
            for (var id : store.rebuttalsNotPushedSince(clock.instant().minus(Duration.ofDays(1)))) {
                packs.getObject().pushRebuttal(id);
            }
            for (var id : store.acceptedButPublished()) {
                shares.getObject().recordPublished(id);
            }
            packs.getObject().sendReminders();
            outbox.sendPending();
        } catch (RuntimeException e) {
            log.warn("Amplification sweep failed: {}", e.toString());
        }
    }

    /** A normal shutdown loses no click: what is counted in memory is written first. */
    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
        flushQuietly();
    }
}
