package vn.loa.app.amplify;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import vn.loa.app.engagement.EngagementProperties;

/** The engagement job's last step: what partners' shares gathered, and the registry pages' follower counts. */
@Configuration(proxyBeanMethods = false)
class ShareReadingConfig {

    @Bean
    Step readPartnerShares(
            JobRepository repository,
            PlatformTransactionManager tm,
            ShareEngagementReader reader,
            EngagementProperties properties) {
        return new StepBuilder("readPartnerShares", repository)
                .tasklet(
                        (contribution, context) -> {
                            reader.run(properties.maxPerRun());
                            return RepeatStatus.FINISHED;
                        },
                        tm)
                .allowStartIfComplete(true)
                .build();
    }
}
