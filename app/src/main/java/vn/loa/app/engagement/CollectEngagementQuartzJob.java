package vn.loa.app.engagement;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

@DisallowConcurrentExecution
public class CollectEngagementQuartzJob implements Job {

    @Autowired
    private EngagementRuns runs;

    @Override
    public void execute(JobExecutionContext context) {
        runs.runIfAnythingIsDue();
    }
}
