package vn.loa.app.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.loa.app.engagement.UsageGovernor;
import vn.loa.app.support.ClusterFixture;
import vn.loa.connectors.Platform;
import vn.loa.connectors.quota.QuotaLedger;
import vn.loa.testsupport.MutableClock;

/**
 * Two nodes' ledgers — a running node's, and a second one on a connection pool of its own, as
 * another process would have — spend one Google project's units at the same time: together they
 * are granted exactly the day's budget, never more. Usage headers one node sees high make the
 * other slow down too, for five minutes or as long as Meta says access takes to come back.
 */
class SharedQuotaTest {

    @Test
    void twoNodesTogetherNeverSpendMoreThanTheDaysUnitsAndBothDeferOnAHighUsageHeader() throws Exception {
        try (var cluster = new ClusterFixture("shared_quota", Duration.ZERO);
                var otherPool = new HikariDataSource()) {
            var node = cluster.startNode("quota-a");
            var url = cluster.properties("quota-b").get("spring.datasource.url");
            otherPool.setJdbcUrl(url);
            otherPool.setUsername("postgres");
            otherPool.setPassword("");
            otherPool.setMaximumPoolSize(8);
            QuotaLedger a = node.getBean(QuotaStore.class);
            var b = new QuotaStore(JdbcClient.create(otherPool), new DataSourceTransactionManager(otherPool));

            // 8 threads per node, 60 calls of 50 units each: 24,000 units asked of a 10,000-unit day.
            var day = LocalDate.of(2026, 12, 4);
            var pool = Executors.newFixedThreadPool(16);
            var start = new CountDownLatch(1);
            var tasks = new ArrayList<Callable<Integer>>();
            for (int t = 0; t < 16; t++) {
                var ledger = t % 2 == 0 ? a : b;
                tasks.add(() -> {
                    start.await();
                    int granted = 0;
                    for (int i = 0; i < 30; i++) {
                        if (ledger.take("units:project-1", day, 50, 10_000).granted()) {
                            granted += 50;
                        }
                    }
                    return granted;
                });
            }
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            int granted = 0;
            for (var f : futures) {
                granted += f.get();
            }
            pool.shutdown();
            assertThat(granted).as("units granted to both nodes").isEqualTo(10_000);
            assertThat(a.used("units:project-1", day)).isEqualTo(10_000);
            assertThat(b.take("units:project-1", day, 1, 10_000).granted()).isFalse();
            // Google says it is spent on another project: both see it.
            b.exhaust("units:project-2", day, 10_000);
            assertThat(a.take("units:project-2", day, 1, 10_000).granted()).isFalse();

            var clock = Clock.systemUTC();
            var governorA = node.getBean(UsageGovernor.class);
            var governorB = new UsageGovernor(b, clock);
            assertThat(governorB.shouldSlowDown(Platform.FACEBOOK)).isFalse();
            // Node A is told page 111's own budget is at 90 %: node B defers that page, not others.
            governorA.observed(Platform.FACEBOOK, "page:111", 90, null);
            assertThat(governorB.shouldSlowDown(Platform.FACEBOOK, "111")).isTrue();
            assertThat(governorB.shouldSlowDown(Platform.FACEBOOK, "222")).isFalse();
            // The app's budget, shared by every page: node B defers everything on Facebook.
            governorA.observed(Platform.FACEBOOK, "app", 95, null);
            assertThat(governorB.shouldSlowDown(Platform.FACEBOOK, "222")).isTrue();
            assertThat(governorB.shouldSlowDown(Platform.YOUTUBE)).isFalse();
            // A low reading after it clears it for both.
            governorA.observed(Platform.FACEBOOK, "app", 10, null);
            governorA.observed(Platform.FACEBOOK, "page:111", 10, null);
            assertThat(governorB.shouldSlowDown(Platform.FACEBOOK, "111")).isFalse();
            assertThat(governorA.shouldSlowDown(Platform.FACEBOOK)).isFalse();

            // Throttled, and Meta says access comes back in 30 minutes: node B waits that long, not five.
            var later = new MutableClock(Instant.now());
            var governorLater = new UsageGovernor(b, later);
            governorA.observed(Platform.FACEBOOK, "buc:pages", 100, Duration.ofMinutes(30));
            later.advance(Duration.ofMinutes(6));
            assertThat(governorLater.shouldSlowDown(Platform.FACEBOOK, "222")).isTrue();
            later.advance(Duration.ofMinutes(25));
            assertThat(governorLater.shouldSlowDown(Platform.FACEBOOK, "222")).isFalse();
        }
    }
}
