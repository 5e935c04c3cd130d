package vn.loa.app.publishing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each node's dispatcher. It sleeps until woken ({@link DispatcherWake}): by Quartz at an instant
 * when a delivery is due or an attempt's lease runs out, or by this node's engine when a call ends.
 * Then it claims until nothing more is due and, unless only room was freed, settles, hands off and
 * reconciles. The safety poll ({@code loa.engine.poll-interval}, a minute by default) does a full
 * round in case a wake was lost (a node died between committing work and setting its timer).
 */
@Component
public class DispatchLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);

    private final PublishEngine engine;
    private final NativeHandoff handoff;
    private final EngineProperties properties;
    private final DispatcherWake wake;
    private final ClusterWake cluster;
    private volatile boolean running;
    private Thread thread;

    public DispatchLoop(
            PublishEngine engine,
            NativeHandoff handoff,
            EngineProperties properties,
            DispatcherWake wake,
            ClusterWake cluster) {
        this.engine = engine;
        this.handoff = handoff;
        this.properties = properties;
        this.wake = wake;
        this.cluster = cluster;
    }

    @Override
    public void start() {
        if (!properties.loop()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "publish-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        // A full round at start: whatever came due while no node ran.
        var work = DispatcherWake.Work.ALL;
        while (running) {
            try {
                round(work);
            } catch (RuntimeException e) {
                log.error("Dispatch round failed; trying again at the next wake", e);
            }
            try {
                work = wake.await(properties.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void round(DispatcherWake.Work work) {
        int claimed = engine.dispatchDue();
        if (claimed > 0) {
            // Quartz woke only this node: the others share the burst.
            cluster.workFound();
        }
        while (claimed > 0 && running) {
            claimed = engine.dispatchDue();
        }
        if (work == DispatcherWake.Work.ALL) {
            int settled = engine.settle() + handoff.settleHandoffs();
            handoff.handOffDue();
            int reconciled = handoff.reconcile();
            if (settled + reconciled > 0) {
                // Settled or dropped deliveries may be due again, and more may wait to be settled.
                wake.everything();
            }
        }
    }

    /**
     * The engine stops first on shutdown (SIGTERM): no new claims, then the attempts in flight
     * finish and record their outcomes while Quartz and the database are still there.
     */
    @Override
    public void stop() {
        running = false;
        wake.everything();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            engine.drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Publishing engine stopped; attempts in flight finished");
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
