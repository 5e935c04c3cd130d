package vn.loa.app.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.app.persistence.AfterCommit;
import vn.loa.campaigns.delivery.DeliveryTimer;

/**
 * Quartz (JDBC job store, clustered) keeps the instants: one trigger per second in which something
 * is due (a delivery's instant, a retry, the end of a lease), shared by everything due in that
 * second, fires the dispatcher on one node of the cluster. A trigger whose instant passed while no
 * node ran (misfire) fires at once on recovery. The dispatcher's rare safety poll catches a timer
 * lost to a crash; claims, not triggers, decide who publishes.
 */
@Component
public class QuartzDeliveryTimer implements DeliveryTimer {

    static final JobKey WAKE_JOB = JobKey.jobKey("wake-dispatcher", "loa");

    /** Quartz fires by the system clock, whatever clock the engine reads. */
    private static final Clock QUARTZ_CLOCK = Clock.systemUTC();

    private final Scheduler scheduler;
    private final TransactionTemplate tx;
    /**
     * Seconds this node already set a trigger for that have not come yet: a burst of claims or
     * retries in one second asks Quartz once, not once per delivery.
     */
    private final Set<Long> set = ConcurrentHashMap.newKeySet();
    /** The durable wake job, once stored, stays: no need to ask for it before every trigger. */
    private volatile boolean jobStored;

    public QuartzDeliveryTimer(Scheduler scheduler, TransactionTemplate tx) {
        this.scheduler = scheduler;
        this.tx = tx;
    }

    @Override
    public void dueAt(Instant at) {
        // The second at or after the instant: a trigger firing before it would find nothing due yet.
        var second = at.getEpochSecond() + (at.getNano() > 0 ? 1 : 0);
        var now = QUARTZ_CLOCK.instant().getEpochSecond();
        if (second > now + 1 && set.contains(second)) {
            return;
        }
        if (set.size() > 10_000) {
            set.removeIf(s -> s <= now);
        }
        // Quartz's row lock and trigger row in one transaction (the caller's, when it has one).
        tx.executeWithoutResult(status -> schedule(second));
        AfterCommit.run(() -> set.add(second));
    }

    private void schedule(long second) {
        var trigger = TriggerBuilder.newTrigger()
                .withIdentity(TriggerKey.triggerKey("due-" + second, "loa-due"))
                .forJob(WAKE_JOB)
                .startAt(Date.from(Instant.ofEpochSecond(second)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            ensureJob();
            scheduler.scheduleJob(trigger);
        } catch (ObjectAlreadyExistsException e) {
            // Another delivery due in the same second already set it.
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not set the publishing timer", e);
        }
    }

    private void ensureJob() throws SchedulerException {
        if (jobStored) {
            return;
        }
        if (!scheduler.checkExists(WAKE_JOB)) {
            JobDetail job = JobBuilder.newJob(WakeDispatcherJob.class)
                    .withIdentity(WAKE_JOB)
                    .storeDurably()
                    .build();
            try {
                scheduler.addJob(job, false);
            } catch (ObjectAlreadyExistsException e) {
                // added by another node meanwhile
            }
        }
        AfterCommit.run(() -> jobStored = true);
    }
}
