package vn.loa.app.publishing;

import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks Quartz's SQL dialect for the database in use: PostgreSQL stores job data as bytea. */
@Configuration(proxyBeanMethods = false)
class QuartzConfig {

    @Bean
    SchedulerFactoryBeanCustomizer quartzDialect(QuartzProperties quartz, DataSource dataSource) {
        return factory -> {
            var properties = new Properties();
            properties.putAll(quartz.getProperties());
            properties.put(
                    "org.quartz.jobStore.driverDelegateClass",
                    isPostgres(dataSource)
                            ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                            : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            factory.setQuartzProperties(properties);
        };
    }

    /**
     * Quartz stops after the publishing engine ({@link DispatchLoop} stops in the default, first,
     * phase and drains the attempts in flight), so a shutdown never pulls the job store from
     * under an attempt that is recording its outcome.
     */
    @Bean
    SchedulerFactoryBeanCustomizer quartzStopsAfterTheEngine() {
        return factory -> factory.setPhase(SmartLifecycle.DEFAULT_PHASE - 100);
    }

    static boolean isPostgres(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase()
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database Quartz runs on", e);
        }
    }
}
