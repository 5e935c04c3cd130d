package vn.loa.app.listening;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import vn.loa.app.engagement.CollectionRun;
import vn.loa.campaigns.listening.PhraseMatcher;
import vn.loa.campaigns.listening.TopicRepository;
import vn.loa.campaigns.listening.Watchlists;
import vn.loa.campaigns.theme.ThemeRepository;

/**
 * Listening's steps of the engagement collection job (added after the engagement reads, so that
 * fresh comment counts decide which posts are read): read comments in chunks of posts, each chunk
 * one transaction; then judge spikes. Also the watchlist use case and the commenters' hash.
 */
@Configuration(proxyBeanMethods = false)
class ListeningJobConfig {

    /** Posts per chunk (transaction). */
    static final int CHUNK = 10;

    @Bean
    Watchlists watchlists(TopicRepository topics, ThemeRepository themes, Clock clock) {
        return new Watchlists(topics, themes, clock);
    }

    @Bean
    AuthorHash authorHash(ListeningProperties properties, @Value("${loa.credentials.key:}") String credentialsKey) {
        var key = properties.authorKey();
        if (key != null && !key.isBlank()) {
            return new AuthorHash(AuthorHash.derived(key));
        }
        if (credentialsKey != null && !credentialsKey.isBlank()) {
            return new AuthorHash(AuthorHash.derived(credentialsKey));
        }
        // Loa refuses to start without the credentials key (outside tests that leave it out): a
        // random key then only means hashes do not survive a restart.
        var random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new AuthorHash(AuthorHash.derived(Base64.getEncoder().encodeToString(random)));
    }

    @Bean
    Step readComments(
            JobRepository repository,
            PlatformTransactionManager tm,
            CommentCollector collector,
            CollectionRun run,
            CommentReader commentReader) {
        return new StepBuilder("readComments", repository)
                .<CommentStore.Due, CommentStore.Due>chunk(CHUNK, tm)
                .reader(commentReader)
                .writer(chunk -> commentReader.read(collector, run, new ArrayList<>(chunk.getItems())))
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    CommentReader commentReader(CommentCollector collector) {
        return new CommentReader(collector);
    }

    @Bean
    Step detectSpikes(JobRepository repository, PlatformTransactionManager tm, SpikeDetector detector) {
        return new StepBuilder("detectSpikes", repository)
                .tasklet(
                        (contribution, context) -> {
                            detector.detect();
                            return RepeatStatus.FINISHED;
                        },
                        tm)
                .allowStartIfComplete(true)
                .build();
    }

    /** Loads the due posts and the topic matcher when the step opens; a fresh one per step run. */
    public static class CommentReader implements ItemStreamReader<CommentStore.Due> {

        private final CommentCollector collector;
        private Deque<CommentStore.Due> pending = new ArrayDeque<>();
        private PhraseMatcher matcher;

        public CommentReader(CommentCollector collector) {
            this.collector = collector;
        }

        @Override
        public void open(ExecutionContext context) {
            pending = new ArrayDeque<>(collector.due());
            matcher = pending.isEmpty() ? null : collector.matcher();
        }

        @Override
        public CommentStore.Due read() {
            return pending.poll();
        }

        /** Reads one chunk of the posts this reader gave out, with the matcher it built. */
        public void read(CommentCollector c, CollectionRun run, List<CommentStore.Due> posts) {
            c.read(run, matcher, posts);
        }
    }
}
