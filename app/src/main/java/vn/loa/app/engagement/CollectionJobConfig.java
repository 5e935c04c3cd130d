package vn.loa.app.engagement;

import static org.quartz.JobBuilder.newJob;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import vn.loa.app.engagement.EngagementCollector.ReadBatch;

/**
 * The collection job (Spring Batch, JDBC job repository): start read schedules for new posts; read
 * due posts in chunks of one platform call each, committed with the job's own progress; read
 * follower counts; then partners' shares and registry pages' followers (the amplification side's
 * step, {@code readPartnerShares}). What is due lives in the database, so a run cut short and restarted re-reads at
 * most the chunk it was in.
 */
@Configuration(proxyBeanMethods = false)
class CollectionJobConfig {

    static final String JOB = "collectEngagement";
    /** Platform calls per chunk (transaction): a restarted run re-reads at most this many batches. */
    static final int CHUNK = 10;

    @Bean
    Job collectEngagementJob(
            JobRepository repository,
            Step scheduleReads,
            Step readDue,
            Step readFollowers,
            Step readPartnerShares,
            Step readComments,
            Step detectSpikes) {
        // Comments after the engagement reads: a grown comment count is what makes a post due (listening).
        return new JobBuilder(JOB, repository)
                .start(scheduleReads)
                .next(readDue)
                .next(readFollowers)
                .next(readPartnerShares)
                .next(readComments)
                .next(detectSpikes)
                .build();
    }

    /** What one run learns as it goes (channels resting, credentials read); a fresh one per run. */
    @Bean
    @JobScope
    CollectionRun collectionRun() {
        return new CollectionRun();
    }

    @Bean
    Step scheduleReads(JobRepository repository, PlatformTransactionManager tm, EngagementCollector collector) {
        return new StepBuilder("scheduleReads", repository)
                .tasklet(
                        (contribution, context) -> {
                            collector.scheduleNewlyPublished();
                            return RepeatStatus.FINISHED;
                        },
                        tm)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step readDue(
            JobRepository repository,
            PlatformTransactionManager tm,
            EngagementCollector collector,
            CollectionRun run,
            EngagementProperties properties) {
        return new StepBuilder("readDue", repository)
                .<ReadBatch, ReadBatch>chunk(CHUNK, tm)
                .reader(new DueReader(collector, run, properties.maxPerRun()))
                .writer(chunk -> collector.collect(run, new ArrayList<>(chunk.getItems())))
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step readFollowers(
            JobRepository repository, PlatformTransactionManager tm, EngagementCollector collector, CollectionRun run) {
        return new StepBuilder("readFollowers", repository)
                .tasklet(
                        (contribution, context) -> {
                            collector.readFollowers(run);
                            return RepeatStatus.FINISHED;
                        },
                        tm)
                .allowStartIfComplete(true)
                .build();
    }

    /** Loads what is due when the step opens; each item is one platform call's worth of posts. */
    static final class DueReader implements ItemStreamReader<ReadBatch> {

        private final EngagementCollector collector;
        private final CollectionRun run;
        private final int limit;
        private Deque<ReadBatch> pending = new ArrayDeque<>();

        DueReader(EngagementCollector collector, CollectionRun run, int limit) {
            this.collector = collector;
            this.run = run;
            this.limit = limit;
        }

        @Override
        public void open(ExecutionContext context) {
            pending = new ArrayDeque<>(collector.due(run, limit));
        }

        @Override
        public ReadBatch read() {
            return pending.poll();
        }
    }

    /** Quartz, clustered, runs the job on one node at a time (every 5 minutes by default). */
    @Bean
    JobDetail collectEngagementTrigger() {
        return newJob(CollectEngagementQuartzJob.class)
                .withIdentity("collect-engagement", "loa")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger collectEngagementSchedule(JobDetail collectEngagementTrigger, EngagementProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(collectEngagementTrigger)
                .withIdentity("collect-engagement", "loa")
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.runEvery())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
