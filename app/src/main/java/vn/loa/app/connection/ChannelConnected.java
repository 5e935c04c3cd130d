package vn.loa.app.connection;

/** A channel was (re)connected to its platform with credentials the platform accepted or could not check. */
public record ChannelConnected(long channelId) {}
