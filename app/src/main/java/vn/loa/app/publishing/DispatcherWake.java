package vn.loa.app.publishing;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What wakes this node's dispatcher between its rare safety polls: Quartz at an instant when
 * something is due or a lease runs out ({@link WakeDispatcherJob}), and this node's own engine when
 * a call ends (its channel has room for the next delivery) or an outcome turns out unknown. An idle
 * node therefore asks the database nothing until one of these happens.
 */
@Component
public class DispatcherWake {

    /** What a round of the dispatcher does. */
    public enum Work {
        /** Claim due deliveries only: a call ended and freed room on its channel, or another node found work. */
        CLAIM,
        /** Claim, settle, hand off and reconcile: an instant came, or the safety poll. */
        ALL
    }

    private boolean claim;
    private boolean all;

    /** A call ended on this node (its channel has room for another due delivery), or another node found work. */
    public synchronized void claim() {
        claim = true;
        notifyAll();
    }

    /** Something may be due, settled or taken over: a full round. */
    public synchronized void everything() {
        all = true;
        notifyAll();
    }

    /**
     * Waits for a wake, at most {@code timeout}; a timeout is the safety poll, a full round.
     *
     * @throws InterruptedException when the dispatcher is stopped
     */
    synchronized Work await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!claim && !all) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Work.ALL;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        var work = all ? Work.ALL : Work.CLAIM;
        claim = false;
        all = false;
        return work;
    }
}
