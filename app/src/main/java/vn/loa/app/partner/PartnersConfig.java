package vn.loa.app.partner;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.loa.app.config.LoaProperties;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.partner.EvaluationRepository;
import vn.loa.campaigns.partner.OrganisationRepository;
import vn.loa.campaigns.partner.PartnerPageRepository;
import vn.loa.campaigns.partner.PartnerRegistry;
import vn.loa.campaigns.partner.PartnerScope;

/** Wires the partner registry's use cases (their transactions come from DomainConfig's advisor). */
@Configuration(proxyBeanMethods = false)
class PartnersConfig {

    @Bean
    PartnerRegistry partnerRegistry(
            OrganisationRepository organisations,
            PartnerPageRepository pages,
            EvaluationRepository evaluations,
            ChannelRepository channels,
            AuditTrail audit,
            PartnersProperties properties,
            LoaProperties loa,
            Clock clock) {
        return new PartnerRegistry(
                organisations,
                pages,
                evaluations,
                channels,
                audit,
                new PartnerRegistry.Settings(properties.rule(), loa.cityZone()),
                clock);
    }

    @Bean
    PartnerScope partnerScope(OrganisationRepository organisations) {
        return new PartnerScope(organisations);
    }
}
