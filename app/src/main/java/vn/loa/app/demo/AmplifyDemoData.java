package vn.loa.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.amplify.ContentPacks;
import vn.loa.campaigns.amplify.PartnerShares;
import vn.loa.campaigns.content.ContentFilter;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.partner.Organisation;
import vn.loa.campaigns.partner.OrganisationKind;
import vn.loa.campaigns.partner.PageStatus;
import vn.loa.campaigns.partner.PartnerPage;
import vn.loa.campaigns.partner.PartnerRegistry;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.workflow.ContentWriting;
import vn.loa.connectors.Platform;

/**
 * The demo's partner network, so the partner portal and the registry are not empty on first start:
 * the youth union from the city down to a ward, their pages selected under plan 3550 (the ward's
 * below the threshold, with its reason), a newspaper's page still a candidate, and packs of the
 * approved items offered to the selected pages, one of them already shared. Through the same use
 * cases people use, once, after the base demo data.
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "loa.demo-data", havingValue = "true")
class AmplifyDemoData implements ApplicationRunner {

    static final String CITY = "Thành đoàn Hà Nội";
    private static final String DISTRICT = "Quận đoàn Hoàn Kiếm";
    private static final Logger log = LoggerFactory.getLogger(AmplifyDemoData.class);

    private final PartnerRegistry registry;
    private final ContentPacks packs;
    private final PartnerShares shares;
    private final ContentWriting writing;
    private final TransactionTemplate tx;

    AmplifyDemoData(
            PartnerRegistry registry,
            ContentPacks packs,
            PartnerShares shares,
            ContentWriting writing,
            TransactionTemplate tx) {
        this.registry = registry;
        this.packs = packs;
        this.shares = shares;
        this.writing = writing;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        var planner = new Actor("planner", Set.of(Role.PLANNER), null);
        if (registry.listOrganisations(planner).stream().anyMatch(o -> o.name().equals(DISTRICT))) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> load(planner));
            log.info("Loaded the demo partner network: organisations, selected pages and content packs");
        } catch (RuntimeException e) {
            // Extra content only: the demo still starts, and says why this part is missing.
            log.warn("The demo partner network was not loaded: {}", e.getMessage());
        }
    }

    private void load(Actor planner) {
        var city = registry.listOrganisations(planner).stream()
                .filter(o -> o.name().equals(CITY))
                .findFirst()
                .orElseGet(() -> organisation(CITY, OrganisationKind.CITY, null, planner));
        var district = organisation(DISTRICT, OrganisationKind.DISTRICT, city.id(), planner);
        var ward = organisation("Đoàn phường Hàng Bạc", OrganisationKind.WARD, district.id(), planner);
        var paper = organisation("Báo Hà Nội Mới", OrganisationKind.UNIT, null, planner);

        // The city's page is the demo's partner channel (same id), so Loa can also publish for it.
        var youth = page(city, "100000000000002", "Tuổi trẻ Thủ đô", 128_000, planner);
        var districtPage = page(district, "doanhoankiem", "Tuổi trẻ Hoàn Kiếm", 64_500, planner);
        var wardPage = page(ward, "doanphuonghangbac", "Đoàn phường Hàng Bạc", 18_200, planner);
        page(paper, "100000000000003", "Hà Nội Mới", 96_500, planner);
        registry.changeStatus(youth.id(), PageStatus.SELECTED, "đạt tiêu chí Quyết định 3550", planner);
        registry.changeStatus(districtPage.id(), PageStatus.SELECTED, "đạt tiêu chí Quyết định 3550", planner);
        registry.changeStatus(
                wardPage.id(),
                PageStatus.SELECTED,
                "dưới ngưỡng 50.000 nhưng là trang cơ sở của mạng lưới theo Kế hoạch 287",
                planner);

        var selected = List.of(youth.id(), districtPage.id(), wardPage.id());
        var items = new ArrayList<ContentItem>();
        for (var status : List.of(ContentStatus.APPROVED, ContentStatus.SCHEDULED)) {
            items.addAll(
                    writing.findContent(new ContentFilter(null, null, null, status, null, null), PageRequest.of(0, 3))
                            .items());
        }
        var partner = new Actor("partner", Set.of(Role.PARTNER_ADMIN), CITY);
        boolean shared = false;
        for (var item : items.subList(0, Math.min(3, items.size()))) {
            var built = packs.buildPacks(item.id(), new ContentPacks.BuildRequest(null, null, selected), planner);
            var mine =
                    built.packs().stream().filter(p -> p.pageId() == youth.id()).findFirst();
            if (!shared && mine.isPresent()) {
                // The city's admin already shared the first one by hand and confirmed it.
                shares.confirmShare(
                        mine.get().id(),
                        "https://www.facebook.com/100000000000002/posts/"
                                + (1_000_000 + mine.get().id()),
                        partner);
                shared = true;
            }
        }
    }

    private Organisation organisation(String name, OrganisationKind kind, Long parent, Actor planner) {
        return registry.addOrganisation(new Organisation.Details(name, kind, parent, null), planner);
    }

    private PartnerPage page(Organisation org, String externalId, String name, long followers, Actor planner) {
        return registry.registerPage(
                new PartnerPage.Details(
                        org.id(),
                        Platform.FACEBOOK,
                        externalId,
                        "https://www.facebook.com/" + externalId,
                        name,
                        followers,
                        "Đoàn viên, thanh niên và người dân trên địa bàn"),
                planner);
    }
}
