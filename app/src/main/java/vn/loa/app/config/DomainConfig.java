package vn.loa.app.config;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.transaction.interceptor.RuleBasedTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.cadence.CadenceRepository;
import vn.loa.campaigns.cadence.CadenceTimer;
import vn.loa.campaigns.cadence.Cadences;
import vn.loa.campaigns.cadence.SlotReports;
import vn.loa.campaigns.campaign.CampaignPlanning;
import vn.loa.campaigns.campaign.CampaignRepository;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.channel.Channels;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryTimer;
import vn.loa.campaigns.delivery.PlatformPosts;
import vn.loa.campaigns.plan.PlanRepository;
import vn.loa.campaigns.plan.Plans;
import vn.loa.campaigns.shared.ReadOnly;
import vn.loa.campaigns.theme.ThemeRepository;
import vn.loa.campaigns.theme.Themes;
import vn.loa.campaigns.workflow.ContentReview;
import vn.loa.campaigns.workflow.ContentWriting;
import vn.loa.campaigns.workflow.CorrectionRepository;
import vn.loa.campaigns.workflow.DeliveryProgress;
import vn.loa.campaigns.workflow.PlatformLimits;
import vn.loa.campaigns.workflow.PublicationListener;
import vn.loa.campaigns.workflow.PublishedPosts;
import vn.loa.campaigns.workflow.Scheduling;
import vn.loa.connectors.ConnectorRegistry;

/**
 * Wires the framework-free use cases of the campaigns module and runs each public use-case method
 * in one transaction, so that a refused request stores nothing and a state change is never stored
 * without its audit entry: read-only where the method is marked {@link ReadOnly}, read-write
 * otherwise. The rule covers every bean whose class is in {@code vn.loa.campaigns}, wherever it is
 * declared (feature packages keep their own {@code @Configuration}).
 */
@Configuration(proxyBeanMethods = false)
public class DomainConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Plans plans(PlanRepository plans, Clock clock) {
        return new Plans(plans, clock);
    }

    @Bean
    Themes themes(ThemeRepository themes) {
        return new Themes(themes);
    }

    @Bean
    Channels channels(ChannelRepository channels, AuditTrail audit, Clock clock) {
        return new Channels(channels, audit, clock);
    }

    @Bean
    CampaignPlanning campaignPlanning(
            CampaignRepository campaigns,
            PlanRepository plans,
            ThemeRepository themes,
            ChannelRepository channels,
            Clock clock) {
        return new CampaignPlanning(campaigns, plans, themes, channels, clock);
    }

    @Bean
    ContentWriting contentWriting(
            ContentRepository contents,
            CampaignRepository campaigns,
            ChannelRepository channels,
            DeliveryRepository deliveries,
            AuditTrail audit,
            PlatformPosts posts,
            Clock clock) {
        return new ContentWriting(contents, campaigns, channels, deliveries, audit, posts, clock);
    }

    @Bean
    ContentReview contentReview(
            ContentRepository contents,
            DeliveryRepository deliveries,
            AuditTrail audit,
            PlatformLimits limits,
            ChannelRepository channels,
            DeliveryTimer timer,
            Clock clock) {
        return new ContentReview(contents, deliveries, audit, limits, channels, timer, clock);
    }

    @Bean
    PlatformLimits platformLimits(ConnectorRegistry connectors) {
        return new PlatformLimits(connectors);
    }

    @Bean
    Scheduling scheduling(
            ContentRepository contents,
            DeliveryRepository deliveries,
            ChannelRepository channels,
            AuditTrail audit,
            DeliveryTimer timer,
            PlatformPosts posts,
            Clock clock) {
        return new Scheduling(contents, deliveries, channels, audit, timer, posts, clock);
    }

    @Bean
    PublishedPosts publishedPosts(
            ContentRepository contents,
            DeliveryRepository deliveries,
            ChannelRepository channels,
            PlatformPosts posts,
            CorrectionRepository corrections,
            AuditTrail audit,
            Clock clock) {
        return new PublishedPosts(contents, deliveries, channels, posts, corrections, audit, clock);
    }

    @Bean
    Cadences cadences(
            CadenceRepository cadences,
            ChannelRepository channels,
            CampaignRepository campaigns,
            ContentRepository contents,
            DeliveryRepository deliveries,
            Scheduling scheduling,
            CadenceTimer timer,
            SlotReports reports,
            Clock clock) {
        return new Cadences(cadences, channels, campaigns, contents, deliveries, scheduling, timer, reports, clock);
    }

    @Bean
    DeliveryProgress deliveryProgress(
            ContentRepository contents,
            DeliveryRepository deliveries,
            AuditTrail audit,
            Clock clock,
            ObjectProvider<PublicationListener> listener) {
        return new DeliveryProgress(
                contents, deliveries, audit, clock, listener.getIfAvailable(() -> PublicationListener.NONE));
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor useCaseTransactions(BeanFactory beanFactory) {
        var interceptor = new TransactionInterceptor();
        interceptor.setTransactionAttributeSource(useCaseTransactionAttributes());
        // The transaction manager is looked up on first use, not here: advisors are created early.
        interceptor.setBeanFactory(beanFactory);
        return new DefaultPointcutAdvisor(new UseCasePointcut(), interceptor);
    }

    /**
     * The transaction rule, in one place: a use-case method marked {@link ReadOnly} runs in a
     * read-only transaction, every other public one in a read-write transaction (joining the
     * caller's if there is one).
     */
    static TransactionAttributeSource useCaseTransactionAttributes() {
        var readWrite = new RuleBasedTransactionAttribute();
        var readOnly = new RuleBasedTransactionAttribute();
        readOnly.setReadOnly(true);
        return (method, targetClass) -> {
            var specific = targetClass == null ? method : AopUtils.getMostSpecificMethod(method, targetClass);
            return specific.isAnnotationPresent(ReadOnly.class) || method.isAnnotationPresent(ReadOnly.class)
                    ? readOnly
                    : readWrite;
        };
    }

    /** Public methods of the domain's use-case classes (everything in vn.loa.campaigns that Spring manages). */
    static final class UseCasePointcut extends StaticMethodMatcherPointcut {
        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return targetClass.getPackageName().startsWith("vn.loa.campaigns")
                    && Modifier.isPublic(method.getModifiers())
                    && method.getDeclaringClass() != Object.class;
        }
    }
}
