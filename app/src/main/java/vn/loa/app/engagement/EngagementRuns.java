package vn.loa.app.engagement;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;
import vn.loa.app.config.LoaProperties;

/**
 * Starts collection runs. A run is identified by the minute it starts in, so two nodes starting
 * one at the same moment get the same job instance and the second is refused. A run left STARTED by a
 * node that died is recovered (marked failed) and restarted.
 */
@Service
public class EngagementRuns {

    private static final Logger log = LoggerFactory.getLogger(EngagementRuns.class);
    /** A run not updated for this long belongs to a node that died. */
    static final Duration STALE = Duration.ofMinutes(10);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final EngagementStore store;
    private final LoaProperties loa;
    private final Clock clock;

    public EngagementRuns(
            JobOperator operator,
            JobRepository repository,
            Job collectEngagementJob,
            EngagementStore store,
            LoaProperties loa,
            Clock clock) {
        this.operator = operator;
        this.repository = repository;
        this.job = collectEngagementJob;
        this.store = store;
        this.loa = loa;
        this.clock = clock;
    }

    /**
     * The scheduled run: skipped, at the cost of one query, when nothing is due a read (a run's own
     * bookkeeping is over a hundred statements, which an idle node must not spend every five minutes).
     * A run a dead node left unfinished left its posts due, so it is still found.
     */
    public Optional<JobExecution> runIfAnythingIsDue() {
        var now = clock.instant();
        if (!store.anythingToRead(now, LocalDate.ofInstant(now, loa.cityZone()))) {
            return Optional.empty();
        }
        return runNow();
    }

    /** Runs the collection for the current slot, here and now; empty when another node has it. */
    public Optional<JobExecution> runNow() {
        recoverStale();
        var slot = clock.instant().getEpochSecond() / 60;
        var params = new JobParametersBuilder().addLong("slot", slot).toJobParameters();
        try {
            return Optional.of(operator.start(job, params));
        } catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException e) {
            log.debug("Collection slot {} is taken: {}", slot, e.getMessage());
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the engagement collection", e);
        }
    }

    /** Recovers runs left STARTED by a dead node and restarts them; returns how many. */
    public int recoverStale() {
        int recovered = 0;
        var cutoff = clock.instant().minus(STALE).atOffset(ZoneOffset.UTC).toLocalDateTime();
        for (var execution : repository.findRunningJobExecutions(CollectionJobConfig.JOB)) {
            var updated = execution.getLastUpdated() != null ? execution.getLastUpdated() : execution.getStartTime();
            if (execution.getStatus() == BatchStatus.STARTED && updated != null && updated.isBefore(cutoff)) {
                log.warn("Collection run {} was left unfinished; recovering and restarting it", execution.getId());
                var failed = operator.recover(execution);
                try {
                    operator.restart(failed);
                } catch (Exception e) {
                    log.warn("Could not restart collection run {}", execution.getId(), e);
                }
                recovered++;
            }
        }
        return recovered;
    }
}
