package vn.loa.campaigns.amplify;

/** A notification for the partner admins of one organisation, about one pack. */
public record Notice(NoticeKind kind, long organisationId, Long packId, String title, String body) {}
