package vn.loa.app.engagement;

import static org.quartz.JobBuilder.newJob;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import vn.loa.app.engagement.EngagementCollector.ReadBatch;

/**
 * The collection job (Spring Batch, JDBC job repository): start read schedules for new posts; read
 * due posts in chunks of one platform call each, committed with the job's own progress; read
 * follower counts. What is due lives in the database, so a run cut short and restarted re-reads at
 * most the chunk it was in.
 */
@Configuration(proxyBeanMethods = false)
class CollectionJobConfig {

    static final String JOB = "collectEngagement";
    /** Platform calls per chunk (transaction): a restarted run re-reads at most this many batches. */
    static final int CHUNK = 10;

    @Bean
    Job collectEngagementJob(JobRepository repository, Step scheduleReads, Step readDue, Step readFollowers) {
        return new JobBuilder(JOB, repository)
                .start(scheduleReads)
                .next(readDue)
                .next(readFollowers)
                .build();
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
            EngagementProperties properties) {
        return new StepBuilder("readDue", repository)
                .<ReadBatch, ReadBatch>chunk(CHUNK, tm)
                .reader(new DueReader(collector, properties.maxPerRun()))
                .writer(writer(collector))
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step readFollowers(JobRepository repository, PlatformTransactionManager tm, EngagementCollector collector) {
        return new StepBuilder("readFollowers", repository)
                .tasklet(
                        (contribution, context) -> {
                            collector.readFollowers();
                            return RepeatStatus.FINISHED;
                        },
                        tm)
                .allowStartIfComplete(true)
                .build();
    }

    private static ItemWriter<ReadBatch> writer(EngagementCollector collector) {
        return chunk -> collector.collect(new ArrayList<>(chunk.getItems()));
    }

    /** Loads what is due when the step opens; each item is one platform call's worth of posts. */
    static final class DueReader implements ItemStreamReader<ReadBatch> {

        private final EngagementCollector collector;
        private final int limit;
        private Deque<ReadBatch> pending = new ArrayDeque<>();

        DueReader(EngagementCollector collector, int limit) {
            this.collector = collector;
            this.limit = limit;
        }

        @Override
        public void open(ExecutionContext context) {
            pending = new ArrayDeque<>(collector.due(limit));
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
