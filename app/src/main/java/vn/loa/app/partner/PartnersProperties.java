package vn.loa.app.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.loa.campaigns.partner.SelectionRule;

/**
 * Partner registry settings ({@code loa.partners.*}).
 *
 * @param minFollowers followers a page needs to be selected without a stated reason (plan 3550: 50,000)
 * @param targetMin    fewest selected pages the plan aims for (10)
 * @param targetMax    most selected pages the plan aims for (20)
 */
@ConfigurationProperties("loa.partners")
public record PartnersProperties(Long minFollowers, Integer targetMin, Integer targetMax) {

    public PartnersProperties {
        minFollowers = minFollowers == null ? SelectionRule.PLAN_3550.minFollowers() : minFollowers;
        targetMin = targetMin == null ? SelectionRule.PLAN_3550.targetMin() : targetMin;
        targetMax = targetMax == null ? SelectionRule.PLAN_3550.targetMax() : targetMax;
    }

    public SelectionRule rule() {
        return new SelectionRule(minFollowers, targetMin, targetMax);
    }
}
