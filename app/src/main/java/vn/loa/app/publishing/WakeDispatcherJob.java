package vn.loa.app.publishing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Fired by Quartz at an instant when a delivery is due or a lease runs out: wakes this node's dispatcher. */
@DisallowConcurrentExecution
public class WakeDispatcherJob implements Job {

    @Autowired
    private DispatcherWake wake;

    @Autowired
    private EngineProperties properties;

    @Override
    public void execute(JobExecutionContext context) {
        if (properties.loop()) {
            // Quartz may fire a few milliseconds early; what is due at the second must be due when claimed.
            var early = context.getScheduledFireTime().getTime() - System.currentTimeMillis();
            if (early > 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(early + 1));
            }
            wake.everything();
        }
    }
}
