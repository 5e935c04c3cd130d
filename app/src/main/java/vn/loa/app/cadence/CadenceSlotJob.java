package vn.loa.app.cadence;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import vn.loa.campaigns.cadence.Cadences;

/** Fills a cadence's next slot; fired by Quartz a little before the slot. */
@DisallowConcurrentExecution
public class CadenceSlotJob implements Job {

    static final String CADENCE_ID = "cadenceId";

    @Autowired
    private Cadences cadences;

    @Override
    public void execute(JobExecutionContext context) {
        cadences.fillNextSlot(context.getMergedJobDataMap().getLong(CADENCE_ID));
    }
}
