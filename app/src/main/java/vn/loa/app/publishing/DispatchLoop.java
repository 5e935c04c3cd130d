package vn.loa.app.publishing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each node's dispatcher: claims due deliveries and settles unknown outcomes every poll interval,
 * or at once when the Quartz timer fires for a delivery's instant.
 */
@Component
public class DispatchLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchLoop.class);

    private final PublishEngine engine;
    private final NativeHandoff handoff;
    private final EngineProperties properties;
    private final Object signal = new Object();
    private volatile boolean running;
    private volatile boolean woken;
    private Thread thread;

    public DispatchLoop(PublishEngine engine, NativeHandoff handoff, EngineProperties properties) {
        this.engine = engine;
        this.handoff = handoff;
        this.properties = properties;
    }

    public void wakeUp() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
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
        while (running) {
            try {
                int claimed;
                do {
                    claimed = engine.dispatchDue();
                } while (claimed > 0 && running);
                engine.settle();
                handoff.handOffDue();
                handoff.settleHandoffs();
                handoff.reconcile();
            } catch (RuntimeException e) {
                log.error("Dispatch round failed; trying again at the next tick", e);
            }
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(properties.pollInterval().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(5_000);
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
