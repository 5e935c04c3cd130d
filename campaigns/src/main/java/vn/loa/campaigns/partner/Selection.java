package vn.loa.campaigns.partner;

import java.util.List;
import java.util.Map;
import vn.loa.connectors.Platform;

/**
 * The selected pages held against plan 3550's rule: how many are selected (per platform too),
 * whether that is within the target, and which selected pages are below the follower threshold
 * (each selected with a recorded reason).
 */
public record Selection(
        SelectionRule rule,
        int selected,
        Map<Platform, Integer> selectedByPlatform,
        Target target,
        List<PartnerPage> selectedBelowThreshold,
        List<PartnerPage> candidatesMeetingThreshold) {

    public enum Target {
        BELOW_TARGET,
        ON_TARGET,
        ABOVE_TARGET
    }

    static Target target(SelectionRule rule, int selected) {
        if (selected < rule.targetMin()) {
            return Target.BELOW_TARGET;
        }
        return selected > rule.targetMax() ? Target.ABOVE_TARGET : Target.ON_TARGET;
    }
}
