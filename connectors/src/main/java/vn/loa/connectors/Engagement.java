package vn.loa.connectors;

/**
 * The counts Loa reads back and adds up for a post, a day, a channel or a campaign: reactions,
 * comments, shares, views and reach. Interactions are reactions, comments and shares together. A
 * count a platform does not give is zero here; where "not given" matters (reach, for the audience of
 * a post) the snapshot keeps it apart.
 */
public record Engagement(long reactions, long comments, long shares, long views, long reach) {

    public static final Engagement NONE = new Engagement(0, 0, 0, 0, 0);

    /** Reactions, comments and shares together. */
    public long interactions() {
        return reactions + comments + shares;
    }

    public Engagement plus(Engagement other) {
        return new Engagement(
                reactions + other.reactions,
                comments + other.comments,
                shares + other.shares,
                views + other.views,
                reach + other.reach);
    }

    /** What this has gathered since {@code earlier}. */
    public Engagement minus(Engagement earlier) {
        return new Engagement(
                reactions - earlier.reactions,
                comments - earlier.comments,
                shares - earlier.shares,
                views - earlier.views,
                reach - earlier.reach);
    }
}
