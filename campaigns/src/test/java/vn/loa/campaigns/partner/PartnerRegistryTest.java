package vn.loa.campaigns.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.shared.IllegalTransition;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotAllowed;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.connectors.Platform;

class PartnerRegistryTest {

    private final InMemoryRegistry store = new InMemoryRegistry();
    private final PartnerRegistry registry = new PartnerRegistry(
            store.organisationRepository,
            store.pageRepository,
            store.evaluationRepository,
            store.channelRepository,
            store.auditTrail,
            new PartnerRegistry.Settings(new SelectionRule(50_000, 2, 3), ZoneId.of("Asia/Ho_Chi_Minh")),
            Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC));
    private final Actor planner = new Actor("planner", Set.of(Role.PLANNER), null);

    private long org(String name, OrganisationKind kind, Long parent) {
        return registry.addOrganisation(new Organisation.Details(name, kind, parent, null), planner)
                .id();
    }

    private long page(long org, String id, long followers) {
        return registry.registerPage(
                        new PartnerPage.Details(
                                org,
                                Platform.FACEBOOK,
                                id,
                                "https://facebook.com/" + id,
                                "Trang " + id,
                                followers,
                                null),
                        planner)
                .id();
    }

    @Test
    void theSelectionRuleAsksForAReasonBelowTheThresholdAndCountsAgainstTheTarget() {
        var city = org("Thành đoàn", OrganisationKind.CITY, null);
        var small = page(city, "small", 49_999);
        var big = page(city, "big", 50_000);

        assertThatThrownBy(() -> registry.changeStatus(small, PageStatus.SELECTED, " ", planner))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("reason"));
        assertThat(store.pages.get(small).status()).isEqualTo(PageStatus.CANDIDATE);
        assertThat(registry.getSelection(planner).candidatesMeetingThreshold())
                .extracting(PartnerPage::id)
                .containsExactly(big);

        registry.changeStatus(big, PageStatus.SELECTED, null, planner);
        assertThat(registry.getSelection(planner).target()).isEqualTo(Selection.Target.BELOW_TARGET);
        registry.changeStatus(small, PageStatus.SELECTED, "only page of the ward", planner);
        var selection = registry.getSelection(planner);
        assertThat(selection.selected()).isEqualTo(2);
        assertThat(selection.target()).isEqualTo(Selection.Target.ON_TARGET);
        assertThat(selection.selectedBelowThreshold())
                .extracting(PartnerPage::id)
                .containsExactly(small);
        assertThat(store.audit).last().satisfies(e -> assertThat(e.reason()).contains("below the threshold"));

        assertThatThrownBy(() -> registry.changeStatus(big, PageStatus.SELECTED, null, planner))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> registry.changeStatus(big, PageStatus.SUSPENDED, null, planner))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void aPartnerAdminSeesTheirSubtreeOnlyAndChangesNothing() {
        var city = org("Thành đoàn", OrganisationKind.CITY, null);
        var district = org("Quận đoàn Ba Đình", OrganisationKind.DISTRICT, city);
        var ward = org("Đoàn phường Kim Mã", OrganisationKind.WARD, district);
        var other = org("Báo Hà Nội Mới", OrganisationKind.UNIT, null);
        var wardPage = page(ward, "kimma", 60_000);
        var otherPage = page(other, "hnm", 90_000);
        var districtAdmin = new Actor("d", Set.of(Role.PARTNER_ADMIN), "Quận đoàn Ba Đình");

        assertThat(registry.getPage(wardPage, districtAdmin).id()).isEqualTo(wardPage);
        assertThatThrownBy(() -> registry.getPage(otherPage, districtAdmin)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> registry.getOrganisation(city, districtAdmin)).isInstanceOf(NotFound.class);
        assertThat(registry.listOrganisations(districtAdmin))
                .extracting(Organisation::id)
                .containsExactly(district, ward);
        assertThat(registry.listPages(PageFilter.ALL, districtAdmin))
                .extracting(PartnerPage::id)
                .containsExactly(wardPage);
        assertThatThrownBy(() -> registry.changeStatus(wardPage, PageStatus.SELECTED, null, districtAdmin))
                .isInstanceOf(NotAllowed.class);
    }

    @Test
    void anOrganisationCannotMoveUnderItself() {
        var city = org("Thành đoàn", OrganisationKind.CITY, null);
        var district = org("Quận đoàn", OrganisationKind.DISTRICT, city);
        assertThatThrownBy(() -> registry.changeOrganisation(
                        city, new Organisation.Details("Thành đoàn", OrganisationKind.CITY, district, null), planner))
                .isInstanceOf(InvalidInput.class);
        var moved = registry.changeOrganisation(
                district, new Organisation.Details("Quận đoàn", OrganisationKind.DISTRICT, null, null), planner);
        assertThat(moved.depth()).isEqualTo(1);
    }

    @Test
    void evaluationsScoreNamedCriteriaFromOneToFive() {
        var page = page(org("Đoàn trường", OrganisationKind.UNIT, null), "school", 10);
        var e = registry.evaluate(
                page, new Evaluation.Input(Map.of(Criterion.ENGAGEMENT, 5, Criterion.RELIABILITY, 3), "ok"), planner);
        assertThat(e.average()).isEqualTo(4.0);
        assertThatThrownBy(() ->
                        registry.evaluate(page, new Evaluation.Input(Map.of(Criterion.ENGAGEMENT, 6), null), planner))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> registry.evaluate(page, new Evaluation.Input(Map.of(), null), planner))
                .isInstanceOf(InvalidInput.class);
    }
}
