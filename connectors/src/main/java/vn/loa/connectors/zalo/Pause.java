package vn.loa.connectors.zalo;

import java.time.Duration;

/** Waits between polls of Zalo's asynchronous processing; tests pass one that does not wait. */
@FunctionalInterface
public interface Pause {

    Pause REAL = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Zalo", e);
        }
    };

    void pause(Duration duration);
}
