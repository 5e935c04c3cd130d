package vn.loa.app.publishing;

import java.time.Instant;
import java.util.Date;
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
import vn.loa.campaigns.delivery.DeliveryTimer;

/**
 * Quartz (JDBC job store, clustered) keeps the instants: one trigger per second in which something
 * is due, shared by every delivery due in that second, fires the dispatcher on one node of the
 * cluster. A trigger whose instant passed while no node ran (misfire) fires at once on recovery.
 * The dispatcher's own poll is the safety net; claims, not triggers, decide who publishes.
 */
@Component
public class QuartzDeliveryTimer implements DeliveryTimer {

    static final JobKey WAKE_JOB = JobKey.jobKey("wake-dispatcher", "loa");

    private final Scheduler scheduler;

    public QuartzDeliveryTimer(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void dueAt(Instant at) {
        var second = at.getEpochSecond();
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
    }
}
