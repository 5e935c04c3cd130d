package vn.loa.app.web.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.amplify.ContentPacks;
import vn.loa.campaigns.amplify.PackFilter;
import vn.loa.campaigns.amplify.PackStatus;
import vn.loa.campaigns.amplify.PartnerShare;
import vn.loa.campaigns.amplify.PartnerShares;
import vn.loa.campaigns.partner.PageFilter;
import vn.loa.campaigns.partner.PageStatus;
import vn.loa.campaigns.partner.PartnerRegistry;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.connectors.Platform;

/**
 * An item's packs as its page shows them to the office: which partner pages got it, who shared
 * (with the post), who is late, and how many selected pages a new round would reach.
 */
@Component
public class ItemPacks {

    /** One partner page's pack of the item. */
    public record Line(
            long packId,
            String page,
            Platform platform,
            PackStatus status,
            boolean late,
            boolean rapid,
            Instant windowTo,
            String postUrl) {}

    /** The packs of an item, and the selected pages in the registry. */
    public record View(List<Line> lines, long shared, long late, int selectedPages) {}

    private final ContentPacks packs;
    private final PartnerShares shares;
    private final PartnerRegistry registry;
    private final Clock clock;

    ItemPacks(ContentPacks packs, PartnerShares shares, PartnerRegistry registry, Clock clock) {
        this.packs = packs;
        this.shares = shares;
        this.registry = registry;
        this.clock = clock;
    }

    public View of(long contentId, Actor actor) {
        var now = clock.instant();
        var found = packs.findPacks(
                        new PackFilter(contentId, null, null, null, null, null, null), PageRequest.of(0, 200), actor)
                .items();
        var lines = new ArrayList<Line>();
        for (var p : found) {
            var page = registry.getPage(p.pageId(), actor);
            var post = p.status() == PackStatus.SHARED
                    ? shares.listShares(p.id(), actor).stream()
                            .map(PartnerShare::url)
                            .filter(Objects::nonNull)
                            .findFirst()
                            .orElse(null)
                    : null;
            lines.add(new Line(
                    p.id(),
                    page.displayName(),
                    p.platform(),
                    p.status(),
                    p.isLate(now),
                    p.rapid(),
                    p.windowTo(),
                    post));
        }
        // The late first: those are the partners to call.
        lines.sort(Comparator.comparing((Line l) -> !l.late()).thenComparing(Line::page));
        int selected = registry.listPages(new PageFilter(PageStatus.SELECTED, null, null), actor)
                .size();
        return new View(
                lines,
                lines.stream().filter(l -> l.status() == PackStatus.SHARED).count(),
                lines.stream().filter(Line::late).count(),
                selected);
    }
}
