package vn.loa.app.backup;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.springframework.beans.factory.annotation.Autowired;

/** Fired by Quartz on one node of the cluster: takes the scheduled backup. */
@DisallowConcurrentExecution
public class ScheduledBackupJob implements Job {

    @Autowired
    private ScheduledBackups backups;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            backups.backUpNow();
        } catch (Exception e) {
            throw new JobExecutionException("scheduled backup failed: " + e.getMessage(), e, false);
        }
    }
}
