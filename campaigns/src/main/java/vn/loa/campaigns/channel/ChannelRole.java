package vn.loa.campaigns.channel;

/** Whose voice a channel is: the city's own, a selected partner fanpage, or an agency or district page. */
public enum ChannelRole {
    OFFICIAL,
    PARTNER,
    AGENCY
}
