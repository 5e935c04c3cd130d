package vn.loa.app.web.composer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.content.ContentItem;
import vn.loa.campaigns.content.ContentStatus;
import vn.loa.campaigns.content.ContentVariant;
import vn.loa.campaigns.content.PostDrafts;
import vn.loa.campaigns.shared.FieldProblem;
import vn.loa.campaigns.workflow.PlatformLimits;
import vn.loa.connectors.Platform;
import vn.loa.templates.variant.MasterText;
import vn.loa.templates.variant.VariantDrafter;

/**
 * What the composer shows beside the form while the author types: each platform's variant as it
 * would be stored (the author's own, or drafted from the master text exactly as the use case
 * drafts it) and what it breaks of that platform's limits, checked by the platform's connector.
 */
@Component
class Previews {

    /** One platform's post as it will look, with the limits it breaks. */
    record Preview(
            Platform platform, ContentVariant variant, boolean custom, boolean used, List<FieldProblem> problems) {

        public String key() {
            return platform.name().toLowerCase();
        }
    }

    private final VariantDrafter drafter = new VariantDrafter();
    private final PlatformLimits limits;
    private final ChannelRepository channels;

    Previews(PlatformLimits limits, ChannelRepository channels) {
        this.limits = limits;
        this.channels = channels;
    }

    /** The platforms the campaign publishes to (all three before a campaign is chosen). */
    Set<Platform> platformsOf(Campaign campaign) {
        if (campaign == null) {
            return EnumSet.allOf(Platform.class);
        }
        var found = EnumSet.noneOf(Platform.class);
        channels.findAll(campaign.channelIds()).stream().map(Channel::platform).forEach(found::add);
        return found.isEmpty() ? EnumSet.allOf(Platform.class) : found;
    }

    List<Preview> of(ComposeForm form, Campaign campaign) {
        var used = platformsOf(campaign);
        var draft = form.draft();
        var master = new MasterText(draft.title(), draft.body(), draft.link(), draft.media(), draft.tags());
        var variants = new EnumMap<Platform, ContentVariant>(Platform.class);
        for (var v : form.variants()) {
            variants.put(v.platform(), v);
        }
        for (var p : Platform.values()) {
            variants.computeIfAbsent(p, platform -> {
                var d = drafter.draft(platform, master);
                return new ContentVariant(
                        platform, d.title(), d.body(), d.description(), d.link(), d.coverUrl(), d.media(), d.tags());
            });
        }
        var item = new ContentItem(
                null,
                campaign == null ? 0 : campaign.id(),
                draft.title() == null ? "" : draft.title(),
                draft.body(),
                draft.link(),
                draft.media(),
                draft.tags(),
                variants,
                ContentStatus.DRAFT,
                "",
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                0,
                false);
        var problems = limits.problems(item);
        var previews = new ArrayList<Preview>();
        for (var p : Platform.values()) {
            var prefix = PostDrafts.field(p, "");
            previews.add(new Preview(
                    p,
                    variants.get(p),
                    form.custom(p),
                    used.contains(p),
                    problems.stream().filter(f -> f.field().startsWith(prefix)).toList()));
        }
        return previews;
    }
}
