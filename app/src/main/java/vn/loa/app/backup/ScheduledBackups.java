package vn.loa.app.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The scheduled backup: a Quartz cron trigger in the clustered job store, so that one node of a
 * cluster runs each backup; the archive goes to {@code loa.backup.directory} and only the latest
 * {@code loa.backup.keep} archives are kept. The trigger follows the settings at each start (made,
 * changed or removed), since Quartz would otherwise keep the one it stored first.
 */
@Service
public class ScheduledBackups {

    private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);
    static final JobKey JOB = new JobKey("backup", "loa");
    private static final TriggerKey TRIGGER = new TriggerKey("backup", "loa");
    private static final String PREFIX = "loa-backup-";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final Scheduler scheduler;
    private final BackupProperties properties;
    private final Clock clock;

    public ScheduledBackups(DataSource dataSource, Scheduler scheduler, BackupProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void keepTriggerInStep() throws SchedulerException {
        if (!properties.scheduled()) {
            if (scheduler.checkExists(JOB)) {
                scheduler.deleteJob(JOB);
                log.info("Scheduled backups switched off (loa.backup.cron is empty)");
            }
            return;
        }
        var job = JobBuilder.newJob(ScheduledBackupJob.class)
                .withIdentity(JOB)
                .storeDurably()
                .build();
        var trigger = TriggerBuilder.newTrigger()
                .forJob(JOB)
                .withIdentity(TRIGGER)
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.cron())
                        // A backup missed while no node ran is taken once, at once.
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        scheduler.scheduleJob(job, Set.of(trigger), true);
        log.info(
                "Backups scheduled ({}) into {}, keeping {}",
                properties.cron(),
                properties.directory(),
                properties.keep());
    }

    /** Takes one backup now into the directory and prunes old ones; returns the archive written. */
    public Path backUpNow() throws IOException, SQLException {
        var file = properties.directory().resolve(PREFIX + STAMP.format(clock.instant()) + ".zip");
        var manifest = new DatabaseBackup(dataSource, BackupJson.MAPPER, clock, LoaVersion.current()).write(file);
        log.info(
                "Backup written to {}: {} tables, {} rows",
                file,
                manifest.tables().size(),
                manifest.totalRows());
        prune();
        return file;
    }

    /** Deletes all but the latest {@code keep} archives (their names sort by time). */
    void prune() throws IOException {
        List<Path> archives;
        try (var files = Files.list(properties.directory())) {
            archives = files.filter(p -> {
                        var name = p.getFileName().toString();
                        return name.startsWith(PREFIX) && name.endsWith(".zip");
                    })
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        for (int i = 0; i < archives.size() - properties.keep(); i++) {
            Files.delete(archives.get(i));
            log.info("Old backup {} deleted (keeping the latest {})", archives.get(i), properties.keep());
        }
    }
}
