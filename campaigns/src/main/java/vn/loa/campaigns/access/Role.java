package vn.loa.campaigns.access;

/** What a signed-in person may do in Loa. */
public enum Role {
    /** Connects channels and tokens, manages users, partners and roles. */
    ADMIN,
    /** Communications staff: keeps plans and campaigns, writes and schedules content. */
    PLANNER,
    /** Reviews content and approves or rejects it; never their own. */
    APPROVER,
    /** Admin of one partner organisation's pages; sees only that organisation's channels and results. */
    PARTNER_ADMIN,
    /** Reads everything, changes nothing. */
    LEADERSHIP
}
