package vn.loa.campaigns.campaign;

/** The goals a campaign is judged against; null means no target was set. */
public record Kpis(Long targetReach, Long targetInteractions, Integer targetPosts) {

    public static final Kpis NONE = new Kpis(null, null, null);
}
