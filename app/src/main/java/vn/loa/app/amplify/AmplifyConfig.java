package vn.loa.app.amplify;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.loa.app.config.LoaProperties;
import vn.loa.campaigns.amplify.ContentPacks;
import vn.loa.campaigns.amplify.Notifications;
import vn.loa.campaigns.amplify.PackRepository;
import vn.loa.campaigns.amplify.PartnerShares;
import vn.loa.campaigns.amplify.ShareRepository;
import vn.loa.campaigns.audit.AuditTrail;
import vn.loa.campaigns.campaign.CampaignRepository;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.content.ContentRepository;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.partner.OrganisationRepository;
import vn.loa.campaigns.partner.PartnerPageRepository;
import vn.loa.campaigns.workflow.Scheduling;

/** Wires content packs and shares (their transactions come from DomainConfig's advisor). */
@Configuration(proxyBeanMethods = false)
class AmplifyConfig {

    /** The stores of the amplification use cases, held in a plain class the advisor leaves alone. */
    static final class AmplifyStores {
        private final ContentPacks.Stores stores;

        AmplifyStores(ContentPacks.Stores stores) {
            this.stores = stores;
        }

        ContentPacks.Stores stores() {
            return stores;
        }
    }

    @Bean
    AmplifyStores amplifyStores(
            PackRepository packs,
            ShareRepository shares,
            PartnerPageRepository pages,
            OrganisationRepository organisations,
            ContentRepository contents,
            CampaignRepository campaigns,
            DeliveryRepository deliveries,
            ChannelRepository channels,
            AuditTrail audit) {
        return new AmplifyStores(new ContentPacks.Stores(
                packs, shares, pages, organisations, contents, campaigns, deliveries, channels, audit));
    }

    @Bean
    ContentPacks contentPacks(
            AmplifyStores stores,
            Scheduling scheduling,
            Notifications notifications,
            AmplifyProperties properties,
            LoaProperties loa,
            Clock clock) {
        return new ContentPacks(
                stores.stores(),
                scheduling,
                notifications,
                new ContentPacks.Settings(
                        properties.window(),
                        properties.rapidWindow(),
                        properties.remindBefore(),
                        properties.publicUrl(),
                        loa.cityZone()),
                clock);
    }

    @Bean
    PartnerShares partnerShares(
            AmplifyStores stores, DeliveryRepository deliveries, Scheduling scheduling, Clock clock) {
        return new PartnerShares(stores.stores(), deliveries, scheduling, clock);
    }
}
