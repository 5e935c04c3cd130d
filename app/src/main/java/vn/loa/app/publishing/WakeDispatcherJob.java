package vn.loa.app.publishing;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Fired by Quartz at a delivery's instant: wakes this node's dispatcher. */
@DisallowConcurrentExecution
public class WakeDispatcherJob implements Job {

    @Autowired
    private DispatchLoop loop;

    @Autowired
    private EngineProperties properties;

    @Override
    public void execute(JobExecutionContext context) {
        if (properties.loop()) {
            loop.wakeUp();
        }
    }
}
