package vn.loa.app.cadence;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;
import vn.loa.campaigns.cadence.Cadence;
import vn.loa.campaigns.cadence.CadenceTimer;
import vn.loa.campaigns.cadence.Cadences;

/**
 * One Quartz cron trigger per cadence, in the channel's own time zone, firing {@link Cadences#FILL_LEAD}
 * before each slot. A fire missed while no node ran happens once on recovery.
 */
@Component
class QuartzCadenceTimer implements CadenceTimer {

    private final Scheduler scheduler;

    QuartzCadenceTimer(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    static TriggerKey triggerKey(long cadenceId) {
        return TriggerKey.triggerKey("cadence-" + cadenceId, "loa-cadence");
    }

    @Override
    public void keep(Cadence cadence, ZoneId zone) {
        var job = JobBuilder.newJob(CadenceSlotJob.class)
                .withIdentity(JobKey.jobKey("cadence-" + cadence.id(), "loa-cadence"))
                .usingJobData(CadenceSlotJob.CADENCE_ID, cadence.id())
                .storeDurably()
                .build();
        var trigger = TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(cadence.id()))
                .forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(fillCron(cadence))
                        .inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            scheduler.addJob(job, true);
            scheduler.scheduleJob(trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not keep cadence " + cadence.id() + " on the clock", e);
        }
    }

    /** The cadence's cron moved {@link Cadences#FILL_LEAD} earlier, onto the previous day when that crosses midnight. */
    static String fillCron(Cadence cadence) {
        var fill = cadence.time().minus(Cadences.FILL_LEAD);
        var days = EnumSet.noneOf(DayOfWeek.class);
        boolean previousDay = fill.isAfter(cadence.time());
        cadence.days().forEach(d -> days.add(previousDay ? d.minus(1) : d));
        return new Cadence(
                        cadence.id(),
                        cadence.channelId(),
                        cadence.campaignId(),
                        cadence.name(),
                        days,
                        fill,
                        cadence.active())
                .cron();
    }
}
