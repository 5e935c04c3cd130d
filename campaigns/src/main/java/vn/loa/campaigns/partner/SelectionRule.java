package vn.loa.campaigns.partner;

/**
 * Plan 3550's selection rule: pages with at least {@code minFollowers} followers (50,000 unless
 * configured otherwise), and a target of {@code targetMin}–{@code targetMax} selected pages.
 */
public record SelectionRule(long minFollowers, int targetMin, int targetMax) {

    public static final SelectionRule PLAN_3550 = new SelectionRule(50_000, 10, 20);

    public SelectionRule {
        if (minFollowers < 0 || targetMin < 0 || targetMax < targetMin) {
            throw new IllegalArgumentException(
                    "a selection rule needs minFollowers >= 0 and 0 <= targetMin <= targetMax");
        }
    }
}
